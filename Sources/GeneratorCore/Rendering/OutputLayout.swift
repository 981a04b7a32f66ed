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
    /// The files of `fewFileNames`, whatever the document declares, so that a SwiftPM build tool plugin can name
    /// its outputs before the generator runs. Each is the concatenation of some of the files `oneTypePerFile`
    /// would write, in the same order, under one banner and one block of imports, each part opening with a
    /// `// MARK: - <name>` line naming the file it would have been. The schema types and the operations are
    /// spread over several files (`declarationFileNames`) so that the compiler's jobs run in parallel.
    case fewFiles = "few-files"

    /// The files of the `fewFiles` layout, always all of them (one that has nothing to hold, a declarations file
    /// no type or operation hashes to, holds only the banner).
    ///
    /// In this order they sort by name, as SwiftPM hands them to the compiler, which cuts that list into as many
    /// runs of consecutive files as it runs jobs at a time (two on two cores): the declarations files, of about
    /// the same size, are in the middle, the two small ones at the ends, so that each job gets as many of them.
    public static let fewFileNames = [clientFileName] + declarationFileNames + [runtimeFileName]
    /// The client and the module's error.
    public static let clientFileName = "Client.swift"
    /// How many files the schema types and the operations are spread over.
    public static let declarationFileCount = 8
    /// The files holding a type per schema (structs, enums, unions and type aliases) and every operation:
    /// `Declarations1.swift` to `Declarations8.swift`, each type or operation in the one
    /// `declarationFileName(for:)` names.
    public static let declarationFileNames = (1...declarationFileCount).map { "Declarations\($0).swift" }
    /// The support types every module carries: the transport, JSON values, query encoding and the like.
    public static let runtimeFileName = "Runtime.swift"

    /// The declarations file holding the type or operation whose one-type-per-file name is `fileName`: the 32-bit
    /// FNV-1a hash of the name's UTF-8 bytes, modulo `declarationFileCount`. A hash of the name alone (not Swift's
    /// `Hasher`, seeded per process), so that a declaration stays in its file from one run to the next, and
    /// adding or removing a schema or an operation changes one file only.
    static func declarationFileName(for fileName: String) -> String {
        declarationFileNames[Int(fnv1a32(fileName.utf8) % UInt32(declarationFileCount))]
    }

    /// The 32-bit FNV-1a hash of `bytes` (offset basis 2166136261, prime 16777619).
    static func fnv1a32(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes {
            hash ^= UInt32(byte)
            hash &*= 16_777_619
        }
        return hash
    }

    /// The templates whose output goes to `Client.swift`; that of the declarations files is in
    /// `declarationTemplates`, and the output of every other template goes to `Runtime.swift`.
    static let clientTemplates: Set<String> = ["Client.swift", "Error.swift"]
    static let declarationTemplates: Set<String> = [
        "Struct.swift", "Enum.swift", "Union.swift", "AnyOf.swift", "TypeAlias.swift", "Operation.swift",
    ]

    /// Lays the rendered jobs out as files.
    /// - Parameters:
    ///   - rendered: each job's rendered file, in the presenter's order (module files, then types, then
    ///     operations).
    ///   - banner: the banner line every file opens with.
    /// - Returns: the files to write, by file name.
    func arrange(_ rendered: [RenderedFile], banner: String) -> [String: String] {
        switch self {
        case .oneTypePerFile:
            return Self.joiningParts(rendered, banner: banner, hashing: false).files.mapValues(\.string)
        case .fewFiles:
            let groups = Self.fewFileGroups(rendered)
            var files: [String: String] = [:]
            for name in Self.fewFileNames {
                files[name] = Self.concatenate(groups[name] ?? [], banner: banner)
            }
            return files
        }
    }

    /// The parts of each of the few files (`fewFileNames`), in the order of `rendered`: each part's name (its
    /// one-type-per-file name without `.swift`) and text.
    /// A part (`RenderedFile.partOf`) comes right after the file it joins, in the declarations file that one's
    /// name hashes to.
    static func fewFileGroups(_ rendered: [RenderedFile]) -> [String: [(name: String, text: String)]] {
        var groups: [String: [(name: String, text: String)]] = [:]
        let parts = partsByFile(rendered)
        func add(_ file: RenderedFile, hashing hashedName: String) {
            let name =
                clientTemplates.contains(file.templateName)
                ? clientFileName
                : declarationTemplates.contains(file.templateName)
                    ? declarationFileName(for: hashedName) : runtimeFileName
            groups[name, default: []].append((partName(file), file.text))
        }
        for file in rendered where file.partOf == nil || parts.orphans.contains(file.fileName) {
            add(file, hashing: file.fileName)
            for part in parts.byFile[file.fileName] ?? [] { add(part, hashing: file.fileName) }
        }
        return groups
    }

    /// A rendered file's name in a `// MARK: -` line: its file name without `.swift`.
    static func partName(_ file: RenderedFile) -> String { String(file.fileName.dropLast(".swift".count)) }

    /// The parts (`RenderedFile.partOf`) by the file each joins, in the order of `rendered`; and the parts whose
    /// file is not among `rendered` (none, when the presenter made them), which stay files of their own rather
    /// than be lost.
    static func partsByFile(_ rendered: [RenderedFile]) -> (byFile: [String: [RenderedFile]], orphans: Set<String>) {
        var byFile: [String: [RenderedFile]] = [:]
        for file in rendered {
            if let partOf = file.partOf { byFile[partOf, default: []].append(file) }
        }
        guard !byFile.isEmpty else { return ([:], []) }
        let names = Set(rendered.lazy.filter { $0.partOf == nil }.map(\.fileName))
        var orphans: Set<String> = []
        for (file, parts) in byFile where !names.contains(file) {
            orphans.formUnion(parts.map(\.fileName))
            byFile[file] = nil
        }
        return (byFile, orphans)
    }

    /// The files of the one-type-per-file layout: each rendered file as it is, except that a file some parts join
    /// (`RenderedFile.partOf`) is put together with them as `concatenate(_:banner:)` does (its own text first, each
    /// part under a `// MARK: -` line); with `hashing`, every file's manifest entry too (made again for such a
    /// file).
    static func joiningParts(_ rendered: [RenderedFile], banner: String, hashing: Bool) -> (
        files: [String: OutputText], outputs: [String: GenerationManifest.Output]
    ) {
        let parts = partsByFile(rendered)
        var files: [String: OutputText] = [:]
        var outputs: [String: GenerationManifest.Output] = [:]
        files.reserveCapacity(rendered.count)
        if hashing { outputs.reserveCapacity(rendered.count) }
        for file in rendered where file.partOf == nil || parts.orphans.contains(file.fileName) {
            guard let joining = parts.byFile[file.fileName] else {
                files[file.fileName] = OutputText(file.text)
                if hashing {
                    outputs[file.fileName] =
                        file.output ?? GenerationManifest.output(named: file.fileName, text: file.text)
                }
                continue
            }
            let text = concatenatedText(
                [(partName(file), file.text)] + joining.map { (partName($0), $0.text) }, banner: banner)
            files[file.fileName] = text
            if hashing { outputs[file.fileName] = GenerationManifest.output(named: file.fileName, text: text) }
        }
        return (files, outputs)
    }

    /// `arrange(_:banner:)`, the few files put together at the same time, each in a task of its own (the
    /// declarations files are about the same size); with `hashing`, also every file's manifest entry, made where its
    /// text is made (for one type per file, `RenderedFile.output`).
    func arrangeConcurrently(_ rendered: [RenderedFile], banner: String, hashing: Bool) async -> (
        files: [String: OutputText], outputs: [String: GenerationManifest.Output]
    ) {
        switch self {
        case .oneTypePerFile:
            return Self.joiningParts(rendered, banner: banner, hashing: hashing)
        case .fewFiles:
            let groups = Self.fewFileGroups(rendered)
            return await withTaskGroup(of: (String, OutputText, GenerationManifest.Output?).self) { group in
                for name in Self.fewFileNames {
                    let parts = groups[name] ?? []
                    group.addTask {
                        let text = Self.concatenatedText(parts, banner: banner)
                        return (name, text, hashing ? GenerationManifest.output(named: name, text: text) : nil)
                    }
                }
                var files: [String: OutputText] = [:]
                var outputs: [String: GenerationManifest.Output] = [:]
                for await (name, text, output) in group {
                    files[name] = text
                    outputs[name] = output
                }
                return (files, outputs)
            }
        }
    }

    /// One file from several rendered files: the banner, the imports of all of them (each once, in the order
    /// they first appear), then each file's text after its imports, under a `// MARK: -` line.
    ///
    /// The text of `concatenatedText(_:banner:)` as one string (for `arrange(_:banner:)` and the tests; a run writes
    /// the pieces).
    static func concatenate(_ parts: [(name: String, text: String)], banner: String) -> String {
        concatenatedText(parts, banner: banner).string
    }

    /// One file from several rendered files, as the pieces it is made of (`OutputText`): the banner, the imports of
    /// all of them (each once, in the order they first appear), then each file's text after its imports, under a
    /// `// MARK: -` line, read in place (`tidyConcatenation`).
    ///
    /// Works on UTF-8 bytes: only each file's leading lines (banner, imports and blank lines) become strings. The
    /// parts are tidied texts (`TemplateRenderer.render`), so their lines end with a bare newline (no carriage return
    /// before it), and splitting at newline bytes finds the same lines as splitting the string at `"\n"` characters.
    ///
    /// When tidying must go over the whole text (a banner or a part's name it would change), the file is put
    /// together in the storage of one string and tidied there (`TemplateRenderer.tidy(_:count:into:)`).
    static func concatenatedText(_ parts: [(name: String, text: String)], banner: String) -> OutputText {
        let newline = UInt8(ascii: "\n")
        var imports: [String] = []
        // The byte offset of each part's text after its imports (its length when nothing follows them).
        var restOffsets: [Int] = []
        restOffsets.reserveCapacity(parts.count)
        var bannerBytes = banner
        for part in parts {
            var text = part.text
            let restOffset = text.withUTF8 { bytes in
                // The lines splitImports may look at: every line up to the first one that is neither blank, an
                // import, nor a line of a `#if canImport(…)` block, that one included (with their byte offsets).
                var lines: [String] = []
                var offsets: [Int] = []
                var start = 0
                var skippedBanner = false
                while start <= bytes.count {
                    var end = start
                    while end < bytes.count, bytes[end] != newline { end += 1 }
                    let lineBytes = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    // The banner compared as bytes first, where making the line a string allocated one per part
                    // (as strings, when the bytes differ: string comparison finds canonically equivalent texts equal).
                    if start == 0, !skippedBanner,
                        bannerBytes.withUTF8({ lineBytes.elementsEqual($0) })
                            || String(decoding: lineBytes, as: UTF8.self) == banner
                    {
                        skippedBanner = true
                    } else {
                        let line = String(decoding: lineBytes, as: UTF8.self)
                        lines.append(line)
                        offsets.append(start)
                        if !continuesImports(line) { break }
                    }
                    start = end + 1
                }
                let (units, rest) = splitImports(lines)
                for unit in units where !imports.contains(unit) { imports.append(unit) }
                // The rest is every line from the first one splitImports did not take to the end of the text.
                return rest.indices.first.map { offsets[$0] } ?? bytes.count
            }
            restOffsets.append(restOffset)
        }
        if let file = tidyConcatenation(parts, banner: banner, imports: imports, restOffsets: restOffsets) {
            return file
        }
        // Each part's `// MARK: -` line and the blank line after it.
        let marks = parts.map { Array("// MARK: - \($0.name)\n\n".utf8) }
        var header = Array(banner.utf8) + [newline, newline]
        if !imports.isEmpty { header += (imports.joined(separator: "\n") + "\n\n").utf8 }
        var count = header.count
        for (index, part) in parts.enumerated() {
            if index > 0 { count += 2 }
            count += marks[index].count + part.text.utf8.count - restOffsets[index]
        }
        // One more byte: tidying may add the final newline.
        let file = String(unsafeUninitializedCapacity: count + 1) { output in
            var written = 0
            func append(_ bytes: UnsafeBufferPointer<UInt8>) {
                guard bytes.count > 0 else { return }
                UnsafeMutableRawPointer(output.baseAddress! + written).copyMemory(
                    from: bytes.baseAddress!, byteCount: bytes.count)
                written += bytes.count
            }
            header.withUnsafeBufferPointer { append($0) }
            for (index, part) in parts.enumerated() {
                if index > 0 {
                    output[written] = newline
                    output[written + 1] = newline
                    written += 2
                }
                marks[index].withUnsafeBufferPointer { append($0) }
                var text = part.text
                text.withUTF8 { append(UnsafeBufferPointer(rebasing: $0[restOffsets[index]...])) }
            }
            return TemplateRenderer.tidy(UnsafePointer(output.baseAddress!), count: written, into: output.baseAddress!)
        }
        return OutputText(file)
    }

    /// `concatenate`'s file put together already tidy, from the strings it is made of: the header, and for each
    /// part a small string with its `// MARK: -` line, then the part's text after its imports, read in place; `nil`
    /// when tidying could change more than the blank lines where parts meet (a banner or a part's name that tidying
    /// would change), and `concatenatedText` tidies the whole text.
    ///
    /// Each part after its imports is tidied text (`TemplateRenderer.render`): empty, or lines without trailing
    /// whitespace and without two blank lines in a row, from a line that is not blank (`splitImports` takes the
    /// blank lines before it), to one final newline. So joined under the banner and the imports, with a blank line
    /// between parts, the text is what tidying the plain concatenation makes: the blank line after a part with
    /// nothing after its imports (its `// MARK: -` line and a blank one) is the one before the next part, and the
    /// file ends with exactly one newline.
    static func tidyConcatenation(
        _ parts: [(name: String, text: String)], banner: String, imports: [String], restOffsets: [Int]
    ) -> OutputText? {
        /// A line tidying keeps as it is: not empty, one line, not ending with a space, a tab or a carriage return.
        func isTidyLine(_ line: String) -> Bool {
            guard let last = line.utf8.last, !line.utf8.contains(UInt8(ascii: "\n")) else { return false }
            return last != UInt8(ascii: " ") && last != UInt8(ascii: "\t") && last != UInt8(ascii: "\r")
        }
        /// `isTidyLine("// MARK: - " + name)`, without making that line.
        func isTidyMark(_ name: String) -> Bool { name.isEmpty ? false : isTidyLine(name) }
        guard isTidyLine(banner), parts.allSatisfy({ isTidyMark($0.name) }) else { return nil }
        var header = banner + "\n\n"
        if !imports.isEmpty {
            header += imports.joined(separator: "\n")
            header += "\n\n"
        }
        var file = OutputText(header)
        var previousIsEmpty = false
        for (index, part) in parts.enumerated() {
            // After a part's last line, one blank line; after an empty part, its mark's blank line is that line.
            let separator = index > 0 && !previousIsEmpty ? "\n" : ""
            file.append(separator + "// MARK: - " + part.name + "\n\n")
            // After a newline, or the end: a character boundary.
            file.append(part.text, from: restOffsets[index])
            previousIsEmpty = restOffsets[index] == part.text.utf8.count
        }
        // The last part empty, or no part: the text ends with a blank line, which tidying removes.
        if file.endsWithBlankLine { file.removeLastByte() }
        return file
    }

    /// Whether a line may belong to a file's leading imports (blank, an import, or a line of a `#if canImport(…)`
    /// block), so that splitImports may need the line after it.
    static func continuesImports(_ line: String) -> Bool {
        let trimmed = trimmingWhitespace(line)
        return trimmed.isEmpty || trimmed.hasPrefix("import ") || trimmed.hasPrefix("@")
            || line.hasPrefix("#if canImport(")
            || line.hasPrefix("#else") || line.hasPrefix("#endif")
    }

    /// `line.trimmingCharacters(in: .whitespaces)`, with a byte-by-byte path for ASCII lines, where that set
    /// holds only the space and the tab (Foundation's trimming goes through UTF-16 and shows on large documents).
    static func trimmingWhitespace(_ line: String) -> String {
        guard line.utf8AllSatisfy({ $0 < 0x80 }) else { return line.trimmingCharacters(in: .whitespaces) }
        let bytes = line.utf8
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isBlank(bytes[start]) { start = bytes.index(after: start) }
        while start < end, isBlank(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        // Nothing to trim (most lines): the line itself, not a copy.
        if start == bytes.startIndex, end == bytes.endIndex { return line }
        return String(line[start..<end])
    }

    /// Splits a file's lines (banner removed) into its leading imports and the rest. An import unit is an
    /// `import` line (with any attributes before it) or a `#if canImport(…)` … `#endif` block of imports.
    static func splitImports(_ lines: [String]) -> (imports: [String], rest: ArraySlice<String>) {
        func isImport(_ line: String) -> Bool {
            let trimmed = trimmingWhitespace(line)
            return trimmed.hasPrefix("import ") || (trimmed.hasPrefix("@") && trimmed.contains(" import "))
        }
        var units: [String] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if trimmingWhitespace(line).isEmpty {
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
        return (units, lines[index...])
    }
}
