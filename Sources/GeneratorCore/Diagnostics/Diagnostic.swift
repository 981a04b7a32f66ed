/// One message about an input (a document, a configuration file or a template), printed the way compilers
/// print so that editors can jump to it: `openapi.yaml:14:17: error: reference '#/x' does not resolve`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// Lowercase, no final period, names in single quotes.
    public var message: String
    /// Where the problem is; `nil` for problems that concern no file (a bad command-line option).
    public var location: SourceLocation?
    /// The JSON pointer of the node the message is about, such as `#/components/schemas/Pet`, when known.
    public var pointer: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, pointer: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.pointer = pointer
    }

    /// `file:line:column: severity: message`, without a trailing newline.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(message)"
    }
}

/// Collects diagnostics from every stage; stages keep going after recoverable problems and the pipeline
/// stops at the end of a stage that reported an error.
public final class DiagnosticCollector {
    public private(set) var diagnostics: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []

    public init() {}

    /// Records a diagnostic; an identical one (a shared component reported from each place that uses it)
    /// is recorded once.
    public func emit(_ diagnostic: Diagnostic) {
        guard seen.insert(diagnostic).inserted else { return }
        diagnostics.append(diagnostic)
    }

    public func error(_ message: String, at location: SourceLocation?, pointer: String? = nil) {
        emit(Diagnostic(.error, message, at: location, pointer: pointer))
    }

    public func warning(_ message: String, at location: SourceLocation?, pointer: String? = nil) {
        emit(Diagnostic(.warning, message, at: location, pointer: pointer))
    }

    public func note(_ message: String, at location: SourceLocation?, pointer: String? = nil) {
        emit(Diagnostic(.note, message, at: location, pointer: pointer))
    }

    /// Whether any error has been reported so far.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The diagnostics sorted by file, line and column; diagnostics without a location come first.
    /// Sorting is stable, so messages at the same place keep the order they were reported in.
    public var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return true
            case (_?, nil): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }
}
