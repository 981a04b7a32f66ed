/// How generated operations report the statuses a document lists. Source: `--style` or the configuration's
/// `operationStyle`.
public enum OperationStyle: String, Sendable, CaseIterable {
    /// Each operation returns its success body and throws the module error for a documented error body
    /// (`Operation.swift`).
    case throwing
    /// Each operation returns an enum of every documented outcome, errors included, with an `undocumented` case
    /// for the rest; only what stops a response from being read throws (`ResponseOperation.swift`).
    case response

    /// The template that lays out one operation in this style.
    var operationTemplate: String {
        switch self {
        case .throwing: "Operation.swift"
        case .response: "ResponseOperation.swift"
        }
    }

    /// `unknown operation style 'x'; did you mean 'response'?; expected 'throwing' or 'response'`
    public static func unknownMessage(_ text: String) -> String {
        "unknown operation style '\(text)'" + Suggestion.clause(for: text, among: allCases.map(\.rawValue))
            + "; expected 'throwing' or 'response'"
    }
}
