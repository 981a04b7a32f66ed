/// What stops a run: the diagnostics of the stage that failed, already in `file:line:column` form.
public enum GenerationError: Error, Sendable, CustomStringConvertible {
    /// A file could not be read.
    case unreadable(Diagnostic)
    /// The document or configuration has errors (exit status 1).
    case invalidInput([Diagnostic])
    /// The templates folder, a template file, or a template's syntax is wrong (exit status 1).
    case templates([Diagnostic])
    /// The output folder could not be written, or holds a file the generator did not create.
    case output([Diagnostic])

    public var diagnostics: [Diagnostic] {
        switch self {
        case .unreadable(let diagnostic): [diagnostic]
        case .invalidInput(let diagnostics), .templates(let diagnostics), .output(let diagnostics): diagnostics
        }
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
