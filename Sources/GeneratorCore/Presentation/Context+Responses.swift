extension Context {
    /// An enum of an operation's documented responses: its successes (`<Function>Success`, returned) or its error
    /// bodies (`<Function>Failure`, thrown inside the module error's `documented` case). One case per status or
    /// range and media type, with its body and its typed headers.
    public struct ResponseEnum: Sendable {
        /// `ListThingsSuccess`
        public var typeName: String
        public var docLines: [String]
        public var cases: [ResponseCase]
        /// The arms of the status `switch`: exact codes, then ranges, then `default`.
        public var statuses: [ResponseStatus]
        /// Whether one of `statuses` is `default`, so the `switch` needs no `default:` of its own.
        public var hasDefaultStatus: Bool
        /// Whether the cases are thrown (errors) rather than returned (successes).
        public var isFailure: Bool
        /// The `descriptionLiteral` of every case when they are all the same (`"a Problem"`), so that
        /// `description` returns it without a `switch`; empty when the cases differ.
        public var sharedDescriptionLiteral: String
        public var hasSharedDescription: Bool
    }

    /// One arm of the status `switch`: a code, a range or `default`, with the cases it can produce.
    public struct ResponseStatus: Sendable {
        /// A status code (`200`), when neither a range nor `default`.
        public var code: String
        public var isRange: Bool
        public var lowerBound: String
        public var upperBound: String
        public var isDefault: Bool
        /// The cases of this status: each but the last behind a `Content-Type` test (`hasCondition`).
        public var variants: [ResponseCase]
    }

    /// One case of a response enum, and how the `switch` builds it.
    public struct ResponseCase: Sendable {
        /// `ok`, `okPNG` (when a status has several media types), `clientError` (`4XX`), `other` (`default`).
        public var caseName: String
        /// The enum whose case this is (`ListThingsFailure`), for a thrown case.
        public var enumTypeName: String
        public var docLines: [String]
        /// The case's associated values as declared, with parentheses, or empty: `(statusCode: Int, Problem)`.
        public var parameterList: String
        /// The same values as passed where the case is built: `(statusCode: response.statusCode, body)`.
        public var argumentList: String
        public var hasBody: Bool
        public var typeName: String
        public var isJSON: Bool
        public var isText: Bool
        public var isBinary: Bool
        public var hasHeaders: Bool
        /// The struct of the response's documented headers: `ListThingsOkHeaders`.
        public var headersTypeName: String
        /// Whether the case is chosen by the `Content-Type` (`mediaTypeLiteral`); the last of a status is not.
        public var hasCondition: Bool
        public var mediaTypeLiteral: String
        /// Extra indentation inside the `Content-Type` test: four spaces, or nothing.
        public var indent: String
        public var isFailure: Bool
        /// A string literal naming the body for descriptions: `"a Problem"`.
        public var descriptionLiteral: String
    }

    /// The documented headers of one response, typed: a struct declared beside the operation.
    public struct HeadersType: Sendable {
        /// `ListThingsOkHeaders`
        public var typeName: String
        public var docLines: [String]
        public var fields: [HeaderField]
    }

    /// One documented response header.
    public struct HeaderField: Sendable {
        public var swiftName: String
        public var docLines: [String]
        /// The property's type: `Int`, `[String]?`.
        public var typeName: String
        /// `= nil` for optional headers in the initializer, or empty.
        public var defaultValue: String
        /// A string literal of the header name: `"X-Rate-Limit"`.
        public var nameLiteral: String
        /// The `CambAIResponse` method that reads it: `header`, `requiredHeader`, `headerList`, `requiredHeaderList`.
        public var readMethod: String
        /// A closure turning the header's text (one element of an array) into the value: `{ Int($0) }`.
        public var parser: String
    }
}
