import Foundation
import Mustache

/// Loads the `*.mustache` files of a templates folder and renders contexts with them.
public struct TemplateRenderer: Sendable {
    /// Every template the generator renders, by library name (file name without `.mustache`).
    public static let requiredTemplates =
        Presenter.moduleTemplates + [
            "Struct.swift", "Enum.swift", "Union.swift", "AnyOf.swift", "TypeAlias.swift", "Operation.swift",
            "partials/decodeProperty", "partials/requestBody",
        ]

    let library: MustacheLibrary
    /// How diagnostics name the templates folder.
    let displayPath: String

    /// - Parameters:
    ///   - directory: the templates folder.
    ///   - displayPath: how diagnostics name the folder (relative to the working directory).
    /// - Throws: `GenerationError.templates` with `file:line:column` diagnostics for a missing folder, a
    ///   missing template or a template that does not parse.
    public init(directory: URL, displayPath: String) async throws(GenerationError) {
        self.displayPath = displayPath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw .templates([Diagnostic(.error, "templates folder '\(displayPath)' does not exist", at: nil)])
        }
        do {
            library = try await MustacheLibrary(directory: directory.path)
        } catch let error as MustacheLibrary.ParserError {
            let mark = SourceMark(line: error.context.lineNumber, column: error.context.columnNumber)
            let file = (displayPath as NSString).appendingPathComponent(error.filename)
            throw .templates([
                Diagnostic(.error, Self.message(for: error.error), at: SourceLocation(file: file, mark: mark))
            ])
        } catch {
            throw .templates([
                Diagnostic(
                    .error, "cannot read templates folder '\(displayPath)': \(error.localizedDescription)", at: nil)
            ])
        }
        let missing = Self.requiredTemplates.filter { library.getTemplate(named: $0) == nil }
        if !missing.isEmpty {
            throw .templates(
                missing.map { name in
                    Diagnostic(
                        .error, "template '\(name).mustache' is missing; copy it from the built-in templates",
                        at: SourceLocation(file: displayPath, mark: nil))
                })
        }
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
        guard let text = library.render(job.context, withTemplate: job.templateName) else {
            throw .templates([Diagnostic(.error, "template '\(job.templateName).mustache' is missing", at: nil)])
        }
        let tidied = Self.tidy(text)
        guard tidied.hasPrefix(job.context.banner) else {
            let file = (displayPath as NSString).appendingPathComponent(job.templateName + ".mustache")
            throw .templates([
                Diagnostic(
                    .error,
                    "the output does not begin with '{{banner}}'; the generator recognises the files it may replace or delete by that first line",
                    at: SourceLocation(file: file, mark: SourceMark(line: 1, column: 1)))
            ])
        }
        return tidied
    }

    static func tidy(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var line: [UInt8] = []
        var previousWasBlank = true  // drops blank lines at the start
        func endLine() {
            while let last = line.last,
                last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r")
            {
                line.removeLast()
            }
            if line.isEmpty {
                if !previousWasBlank { output.append(UInt8(ascii: "\n")) }
                previousWasBlank = true
            } else {
                output += line
                output.append(UInt8(ascii: "\n"))
                previousWasBlank = false
            }
            line.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") { endLine() } else { line.append(byte) }
        }
        endLine()
        while output.count >= 2, output[output.count - 1] == UInt8(ascii: "\n"),
            output[output.count - 2] == UInt8(ascii: "\n")
        {
            output.removeLast()
        }
        if output.isEmpty { output.append(UInt8(ascii: "\n")) }
        return String(decoding: output, as: UTF8.self)
    }
}
