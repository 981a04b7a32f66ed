import Foundation
import Mustache

/// Loads the built-in `*.mustache` templates, replaced file by file by those of an overrides folder, and renders
/// contexts with them.
public struct TemplateRenderer: Sendable {
    /// Every template the generator renders, by library name (file name without `.mustache`).
    public static let requiredTemplates =
        Presenter.moduleTemplates + [
            "Struct.swift", "Enum.swift", "Union.swift", "AnyOf.swift", "TypeAlias.swift", "Operation.swift",
            "ResponseOperation.swift", "partials/decodeProperty", "partials/requestBody", "partials/queryItems",
            "partials/makeRequest",
            "Multipart.swift",
            "partials/streamOperation",
            "partials/responseHeaders", "partials/responseCase", "partials/server",
        ]

    /// Templates an earlier version had and this one does not, by library name: what replaced each, which a
    /// diagnostic about an override of it, or a partial tag naming it, adds to its message.
    public static let retiredTemplates: [String: String] = [
        "partials/request":
            "it was split in two: 'partials/queryItems' builds the query items and 'partials/makeRequest' the "
            + "request, in the closure an operation passes to the client's 'perform'; 'openapi-codegen templates "
            + "export' writes the current templates to start again from"
    ]

    /// swift-mustache's library of the templates; `nil` when `TemplateParser` parsed every template (then
    /// `compiled` renders them all, and swift-mustache has not parsed them: `referenceLibrary()` does).
    let library: MustacheLibrary?
    /// The same templates compiled for the typed renderer; `nil` when one of them uses what it does not cover
    /// (then swift-mustache renders every template).
    let compiled: CompiledTemplates?
    /// Each template's text, by library name.
    let texts: [String: String]
    /// How diagnostics name each template's file, by library name: `Templates/Struct.swift.mustache`, or the
    /// overriding file.
    let displayPaths: [String: String]

    /// Loads every template of `directory`, then replaces each one that `overrides` has a file of the same relative
    /// name for.
    /// - Parameters:
    ///   - directory: the built-in templates folder.
    ///   - displayPath: how diagnostics name that folder (relative to the working directory).
    ///   - overrides: a folder of templates and partials (`Struct.swift.mustache`, `partials/requestBody.mustache`)
    ///     that replace the built-in ones of the same name; its other files (not ending in `.mustache`) are ignored.
    ///   - overridesDisplayPath: how diagnostics name the overrides folder.
    /// - Throws: `GenerationError.templates` with `file:line:column` diagnostics for a missing folder, a missing
    ///   template, an override that replaces no template, a template that does not parse, or a reference to a
    ///   partial that does not exist (`{{> partials/nope}}`, at the reference).
    public init(
        directory: URL, displayPath: String, overrides: URL? = nil, overridesDisplayPath: String? = nil
    ) async throws(GenerationError) {
        // Without its built-in folder (an installed binary missing its share folder), the generator can still run
        // on an overrides folder that holds every template, as a complete copy does.
        let builtinsMissing = overrides != nil && !FileManager.default.fileExists(atPath: directory.path)
        var sources =
            builtinsMissing ? [:] : try Self.templateFiles(in: directory, displayPath: displayPath)
        var missingFolder = displayPath
        if let overrides {
            let overridePath = overridesDisplayPath ?? overrides.path
            let replacements = try Self.templateFiles(in: overrides, displayPath: overridePath)
            let known = builtinsMissing ? Self.requiredTemplates.sorted() : sources.keys.sorted()
            if builtinsMissing { missingFolder = overridePath }
            var unknown: [Diagnostic] = []
            for (name, file) in replacements.sorted(by: { $0.key < $1.key }) {
                guard known.contains(name) else {
                    let suggestion =
                        Self.retiredTemplates[name].map { "; \($0)" }
                        ?? Suggestion.nearest(to: name, among: known).map { "; did you mean '\($0)'?" }
                    unknown.append(
                        Diagnostic(
                            .error,
                            "'\(name)' is not a template of openapi-codegen"
                                + (suggestion ?? "; the templates are listed by 'openapi-codegen templates export'"),
                            at: SourceLocation(file: file.displayPath, mark: nil)))
                    continue
                }
                sources[name] = file
            }
            if !unknown.isEmpty { throw .templates(unknown) }
        }
        // Every template read and parsed by TemplateParser, in linear time: no swift-mustache parse is needed.
        // Otherwise (a file that does not read, a template that does not parse or that uses what TemplateParser
        // does not cover), swift-mustache parses every template, and reports the errors.
        var fast: [String: [CompiledTemplates.Node]]? = [:]
        var texts: [String: String] = [:]
        var contentTypes: [String: any MustacheContentType] = [:]
        for (name, file) in sources.sorted(by: { $0.key < $1.key }) {
            guard let bytes = FileSystem.contents(of: file.path) else {
                fast = nil
                break
            }
            let text = String(decoding: bytes, as: UTF8.self)
            guard let nodes = TemplateParser.nodes(of: text, contentTypes: &contentTypes) else {
                fast = nil
                break
            }
            fast?[name] = nodes
            texts[name] = text
        }
        var problems: [Diagnostic] = []
        // Whether some partial tag may name no template: unless TemplateParser parsed every template, the texts
        // are searched for their partial tags.
        var mayMissPartials = true
        if let fast, let compiled = CompiledTemplates(nodes: fast) {
            self.library = nil
            self.compiled = compiled
            // The trees hold every partial tag of the texts: when each names a template, searching the texts (which
            // costs more than parsing them) would find nothing to report.
            mayMissPartials = fast.values.contains { Self.referencesMissingPartial($0, among: sources) }
        } else {
            let parsed = Self.parse(sources)
            self.library = parsed.library
            self.compiled = parsed.compiled
            texts = parsed.texts
            problems = parsed.problems
        }
        self.texts = texts
        // swift-mustache renders a partial it cannot find as nothing; here it is an error at the reference.
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) where mayMissPartials {
            for reference in Self.partialReferences(in: text) where sources[reference.name] == nil {
                problems.append(
                    Diagnostic(
                        .error,
                        "partial '\(reference.name)' does not exist"
                            + (Self.retiredTemplates[reference.name].map { "; \($0)" }
                                ?? Suggestion.clause(for: reference.name, among: sources.keys.sorted())),
                        at: SourceLocation(file: sources[name]!.displayPath, mark: reference.mark)))
            }
        }
        if !problems.isEmpty { throw .templates(problems) }
        displayPaths = sources.mapValues(\.displayPath)
        let missing = Self.requiredTemplates.filter { texts[$0] == nil }
        if !missing.isEmpty {
            throw .templates(
                missing.map { name in
                    Diagnostic(
                        .error, "template '\(name).mustache' is missing; copy it from the built-in templates",
                        at: SourceLocation(file: missingFolder, mark: nil))
                })
        }
    }

    /// swift-mustache's library of the templates, parsed again from their texts: the reference the compiled
    /// renderer is tested against.
    func referenceLibrary() throws -> MustacheLibrary {
        if let library { return library }
        return MustacheLibrary(templates: try texts.mapValues { try MustacheTemplate(string: $0) })
    }

    /// Reads and parses every template with swift-mustache.
    /// - Returns: the library and its compiled form, the text of each template that parsed, and a diagnostic for
    ///   each file that does not read and each template that does not parse.
    static func parse(_ sources: [String: TemplateFile]) -> (
        library: MustacheLibrary, compiled: CompiledTemplates?, texts: [String: String], problems: [Diagnostic]
    ) {
        var templates: [String: MustacheTemplate] = [:]
        var texts: [String: String] = [:]
        var problems: [Diagnostic] = []
        for (name, file) in sources.sorted(by: { $0.key < $1.key }) {
            let text: String
            do {
                text = String(decoding: try Data(contentsOf: file.url), as: UTF8.self)
            } catch {
                problems.append(
                    Diagnostic(
                        .error, "cannot read the template: \(error.localizedDescription)",
                        at: SourceLocation(file: file.displayPath, mark: nil)))
                continue
            }
            do {
                templates[name] = try MustacheTemplate(string: text)
                texts[name] = text
            } catch let error as MustacheTemplate.ParserError {
                let mark = SourceMark(line: error.context.lineNumber, column: error.context.columnNumber)
                problems.append(
                    Diagnostic(
                        .error, Self.message(for: error.error),
                        at: SourceLocation(file: file.displayPath, mark: mark)))
            } catch {
                problems.append(
                    Diagnostic(
                        .error, "template does not parse: \(error)",
                        at: SourceLocation(file: file.displayPath, mark: nil)))
            }
        }
        return (MustacheLibrary(templates: templates), CompiledTemplates(templates), texts, problems)
    }

    /// A template file: where it is, and how diagnostics name it.
    struct TemplateFile {
        /// The file's path.
        var path: String
        var displayPath: String

        var url: URL { URL(fileURLWithPath: path) }
    }

    /// The `*.mustache` files under a folder, by library name: the path relative to the folder without
    /// `.mustache` (`Struct.swift`, `partials/requestBody`).
    static func templateFiles(in directory: URL, displayPath: String) throws(GenerationError) -> [String: TemplateFile]
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw .templates([Diagnostic(.error, "templates folder '\(displayPath)' does not exist", at: nil)])
        }
        let suffix = ".mustache"
        guard let paths = FileSystem.files(under: directory.path, withSuffix: suffix) else {
            throw .templates([Diagnostic(.error, "cannot read templates folder '\(displayPath)'", at: nil)])
        }
        var files: [String: TemplateFile] = [:]
        let folder = directory.path.hasSuffix("/") ? directory.path : directory.path + "/"
        let displayFolder = displayPath.isEmpty || displayPath.hasSuffix("/") ? displayPath : displayPath + "/"
        for path in paths {
            files[String(path.dropLast(suffix.count))] = TemplateFile(
                path: folder + path, displayPath: displayFolder + path)
        }
        return files
    }

    /// Whether a partial node of the tree, in sections too, names a template that `sources` does not have.
    static func referencesMissingPartial(_ nodes: [CompiledTemplates.Node], among sources: [String: TemplateFile])
        -> Bool
    {
        for node in nodes {
            switch node {
            case .partial(let name, _):
                if sources[name] == nil { return true }
            case .section(_, let children), .invertedSection(_, let children):
                if referencesMissingPartial(children, among: sources) { return true }
            case .text, .variable, .contentType:
                continue
            }
        }
        return false
    }

    /// A partial tag (`{{> name}}` or `{{< name}}`) of a template: the partial's name and where the tag opens.
    struct PartialReference: Equatable {
        var name: String
        var mark: SourceMark
    }

    /// The partial tags of a template's text, in order, with their line and column (1-based, column in Unicode
    /// scalars). Follows set-delimiter tags (`{{=<% %>=}}`) and skips comments; dynamic names (`{{>*name}}`) are
    /// looked up at render time and are not listed.
    static func partialReferences(in text: String) -> [PartialReference] {
        let scalars = Array(text.unicodeScalars)
        var open = Array("{{".unicodeScalars)
        var close = Array("}}".unicodeScalars)
        var references: [PartialReference] = []
        var index = 0
        var line = 1
        var lineStart = 0
        // Compared scalar by scalar: this runs at every scalar of every template, where a copied slice would
        // allocate each time.
        func matches(_ pattern: [Unicode.Scalar], at position: Int) -> Bool {
            guard position + pattern.count <= scalars.count else { return false }
            for (offset, scalar) in pattern.enumerated() where scalars[position + offset] != scalar { return false }
            return true
        }
        func advance(to position: Int) {
            while index < position {
                if scalars[index] == "\n" {
                    line += 1
                    lineStart = index + 1
                }
                index += 1
            }
        }
        while index < scalars.count {
            guard matches(open, at: index) else {
                advance(to: index + 1)
                continue
            }
            let mark = SourceMark(line: line, column: index - lineStart + 1)
            let contentStart = index + open.count
            let kind = contentStart < scalars.count ? scalars[contentStart] : " "
            // `{{{name}}}` closes with one more brace than the delimiter.
            let closing = kind == "{" && open == Array("{{".unicodeScalars) ? Array("}}}".unicodeScalars) : close
            var end = contentStart
            while end < scalars.count, !matches(closing, at: end) { end += 1 }
            let content = String(String.UnicodeScalarView(scalars[contentStart..<end]))
            switch kind {
            case ">", "<":
                let name = content.dropFirst().trimmingCharacters(in: .whitespaces)
                if !name.hasPrefix("*"), !name.isEmpty { references.append(PartialReference(name: name, mark: mark)) }
            case "=":
                // `{{=<% %>=}}`: the new delimiters, separated by whitespace, between the two `=`.
                let parts = content.dropFirst().dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" })
                if parts.count == 2 {
                    open = Array(parts[0].unicodeScalars)
                    close = Array(parts[1].unicodeScalars)
                }
            default:
                break
            }
            advance(to: min(scalars.count, end + closing.count))
        }
        return references
    }

    static func message(for error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: "section is closed with a name that does not match the one it opened with"
        case .unfinishedName?: "tag is not closed; expected '}}'"
        case .expectedSectionEnd?:
            "a section is never closed: every '{{#name}}' and '{{^name}}' needs a matching '{{/name}}' before the end of the template"
        case .invalidSetDelimiter?: "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection?: "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection?: "only block definitions may appear inside an inheritance section"
        case .textInsideInheritSection?: "text is not allowed inside an inheritance section"
        case .invalidConfigVariableSyntax?: "invalid pragma syntax; expected '{{% NAME: value }}'"
        case .unrecognisedConfigVariable?: "unrecognised pragma; expected 'CONTENT_TYPE'"
        default: "template does not parse: \(error)"
        }
    }

    /// Renders one job.
    /// - Returns: the text, with trailing whitespace removed from every line, runs of blank lines collapsed
    ///   to one, and exactly one final newline.
    /// - Throws: `GenerationError.templates` when the template is not in the library.
    public func render(_ job: Presenter.Job) throws(GenerationError) -> String {
        try withUnsafePointer(to: job) { (job) throws(GenerationError) -> String in try render(jobAt: job) }
    }

    /// Where a job's context is in it.
    static let contextOffset = MemoryLayout<Presenter.Job>.offset(of: \.context)!

    /// `render(_:)` of the job at the address, read in place: a job holds a whole `Context.File`, and a copy of it
    /// retains every string of its context (the module's, shared by every job, from every thread at once).
    func render(jobAt job: UnsafePointer<Presenter.Job>) throws(GenerationError) -> String {
        let templateName = job.pointee.templateName
        let context = UnsafeRawPointer(job).advanced(by: Self.contextOffset).assumingMemoryBound(to: Context.File.self)
        let tidied: String
        if let compiled, let bytes = compiled.renderUTF8(at: context, withTemplate: templateName) {
            tidied = bytes.withUnsafeBufferPointer { Self.tidy(utf8: $0) }
        } else if compiled == nil, let text = library?.render(context.pointee, withTemplate: templateName) {
            tidied = Self.tidy(text)
        } else {
            throw .templates([Diagnostic(.error, "template '\(templateName).mustache' is missing", at: nil)])
        }
        guard tidied.hasPrefix(context.pointee.banner) else {
            let file = displayPaths[templateName] ?? templateName + ".mustache"
            throw .templates([
                Diagnostic(
                    .error,
                    "the output does not begin with '{{banner}}'; the generator recognises the files it may replace or delete by that first line",
                    at: SourceLocation(file: file, mark: SourceMark(line: 1, column: 1)))
            ])
        }
        return tidied
    }

    /// The text with trailing spaces, tabs and carriage returns removed from every line, blank lines removed at
    /// the start, runs of blank lines collapsed to one, and exactly one final newline.
    static func tidy(_ text: String) -> String {
        var text = text
        return text.withUTF8 { tidy(utf8: $0) }
    }

    /// `tidy(_:)` over UTF-8 bytes, in one pass that copies each line once. Only ASCII bytes are removed, so
    /// valid UTF-8 stays valid.
    static func tidy(utf8 input: UnsafeBufferPointer<UInt8>) -> String {
        let count = input.count
        guard let base = input.baseAddress else { return "\n" }
        return String(unsafeUninitializedCapacity: count + 1) { output in
            tidy(base, count: count, into: output.baseAddress!)
        }
    }

    /// `tidy(_:)` of `count` bytes at `input`, written to `output`, which has room for `count + 1` bytes and may be
    /// `input` itself: each byte is written at or before the offset it is read from, and only after it is read.
    /// - Returns: the number of bytes written.
    static func tidy(_ input: UnsafePointer<UInt8>, count: Int, into output: UnsafeMutablePointer<UInt8>) -> Int {
        let newline = UInt8(ascii: "\n")
        var written = 0
        var previousWasBlank = true  // drops blank lines at the start
        var start = 0
        // Each line, the one after the last newline included (empty when the text ends with one).
        while start <= count {
            // memchr: the line's end found a vector at a time, in the longest loop of tidying.
            var end = count
            if start < count, let found = memchr(input + start, Int32(newline), count - start) {
                end = input.distance(to: found.assumingMemoryBound(to: UInt8.self))
            }
            var trimmed = end
            while trimmed > start,
                input[trimmed - 1] == UInt8(ascii: " ") || input[trimmed - 1] == UInt8(ascii: "\t")
                    || input[trimmed - 1] == UInt8(ascii: "\r")
            {
                trimmed -= 1
            }
            if trimmed == start {
                if !previousWasBlank {
                    output[written] = newline
                    written += 1
                }
                previousWasBlank = true
            } else {
                let length = trimmed - start
                // A move: in place, the line may overlap where it goes.
                UnsafeMutableRawPointer(output + written).copyMemory(from: input + start, byteCount: length)
                written += length
                output[written] = newline
                written += 1
                previousWasBlank = false
            }
            start = end + 1
        }
        while written >= 2, output[written - 1] == newline, output[written - 2] == newline { written -= 1 }
        if written == 0 {
            output[0] = newline
            written = 1
        }
        return written
    }
}
