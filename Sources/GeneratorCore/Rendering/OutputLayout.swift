import Foundation

/// How the generated declarations are spread over files. Both layouts hold the same text, rendered by the same
/// templates, and compile to the same module; only the file boundaries differ.
///
/// Source: `outputLayout` in the configuration file, or `--layout` (which wins).
public enum OutputLayout: String, Sendable, CaseIterable {
    /// One file per template rendered: a file per schema type (`Languages.swift`), per operation
    /// (`CambAIClient+GetDubbedOutputInAltFormat.swift`) and per runtime type (`JSONValue.swift`). The file names
    /// depend on the document. The default.
    case oneTypePerFile = "one-type-per-file"
    /// The three files of `fewFileNames`, whatever the document declares, so that a SwiftPM build tool plugin
    /// can name its outputs before the generator runs. Each is the concatenation of the files
    /// `oneTypePerFile` would write, in the same order, under one banner and one block of imports, each part
    /// opening with a `// MARK: - <name>` line naming the file it would have been.
    case fewFiles = "few-files"

    /// The files of the `fewFiles` layout, always all three (one that has nothing to hold, `Types.swift` for a
    /// document without schemas, holds only the banner).
    public static let fewFileNames = [clientFileName, typesFileName, runtimeFileName]
    /// The client, the module's error and every operation.
    public static let clientFileName = "Client.swift"
    /// A type per schema: structs, enums, unions and type aliases.
    public static let typesFileName = "Types.swift"
    /// The support types every module carries: the transport, JSON values, query encoding and the like.
    public static let runtimeFileName = "Runtime.swift"

    /// The templates whose output goes to `Client.swift`; that of `Types.swift` is in `typeTemplates`, and the
    /// output of every other template goes to `Runtime.swift`.
    static let clientTemplates: Set<String> = ["Client.swift", "Error.swift", "Operation.swift"]
    static let typeTemplates: Set<String> = [
        "Struct.swift", "Enum.swift", "Union.swift", "AnyOf.swift", "TypeAlias.swift",
    ]

    /// Lays the rendered jobs out as files.
    /// - Parameters:
    ///   - jobs: the presenter's jobs, in the presenter's order (module files, then types, then operations).
    ///   - rendered: each job's text by its `fileName`, as `TemplateRenderer.render` returns it (banner first).
    ///   - banner: the banner line every file opens with.
    /// - Returns: the files to write, by file name.
    func arrange(_ jobs: [Presenter.Job], rendered: [String: String], banner: String) -> [String: String] {
        switch self {
        case .oneTypePerFile:
            return rendered
        case .fewFiles:
            var groups: [String: [(name: String, text: String)]] = [:]
            for job in jobs {
                guard let text = rendered[job.fileName] else { continue }
                let file =
                    Self.clientTemplates.contains(job.templateName)
                    ? Self.clientFileName
                    : Self.typeTemplates.contains(job.templateName) ? Self.typesFileName : Self.runtimeFileName
                groups[file, default: []].append((String(job.fileName.dropLast(".swift".count)), text))
            }
            var files: [String: String] = [:]
            for name in Self.fewFileNames {
                files[name] = Self.concatenate(groups[name] ?? [], banner: banner)
            }
            return files
        }
    }

    /// One file from several rendered files: the banner, the imports of all of them (each once, in the order
    /// they first appear), then each file's text after its imports, under a `// MARK: -` line.
    static func concatenate(_ parts: [(name: String, text: String)], banner: String) -> String {
        var imports: [String] = []
        var bodies: [String] = []
        for part in parts {
            var lines = part.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.first == banner { lines.removeFirst() }
            let (units, rest) = splitImports(lines)
            for unit in units where !imports.contains(unit) { imports.append(unit) }
            bodies.append("// MARK: - \(part.name)\n\n" + rest.joined(separator: "\n"))
        }
        var text = banner + "\n\n"
        if !imports.isEmpty { text += imports.joined(separator: "\n") + "\n\n" }
        text += bodies.joined(separator: "\n\n")
        return TemplateRenderer.tidy(text)
    }

    /// Splits a file's lines (banner removed) into its leading imports and the rest. An import unit is an
    /// `import` line (with any attributes before it) or a `#if canImport(…)` … `#endif` block of imports.
    static func splitImports(_ lines: [String]) -> (imports: [String], rest: [String]) {
        func isImport(_ line: String) -> Bool {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.hasPrefix("import ") || (trimmed.hasPrefix("@") && trimmed.contains(" import "))
        }
        var units: [String] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                index += 1
            } else if isImport(line) {
                units.append(line)
                index += 1
            } else if line.hasPrefix("#if canImport(") {
                var end = index + 1
                while end < lines.count, isImport(lines[end]) || lines[end].hasPrefix("#else") { end += 1 }
                guard end < lines.count, lines[end].hasPrefix("#endif") else { break }
                units.append(lines[index...end].joined(separator: "\n"))
                index = end + 1
            } else {
                break
            }
        }
        return (units, Array(lines[index...]))
    }
}
