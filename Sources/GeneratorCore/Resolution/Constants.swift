/// Names that generated code relies on: the runtime types emitted beside the models, and the names
/// generated types must not take.
public enum Constants {
    /// Internal types the runtime templates declare; a schema with one of these names is renamed. Code that
    /// imports the module never sees them, so they cannot clash with what it imports beside it. `Next` is
    /// `<moduleName>Middleware.Next`: a module type of that name would hide it inside conforming types.
    public static let runtimeTypeNames: Set<String> = [
        "AnyCodingKey", "JSONMatchable", "JSONMatch", "ParameterValue", "QueryItems", "Indirect", "CodingKeys",
        "RFC3339", "Next", "MultipartFormData", "ParameterNode", "ParameterStyle", "FormField", "ParameterEncoding",
        "ParameterEncoder",
        "ParameterSlot", "ParameterKeyedContainer", "ParameterUnkeyedContainer", "ParameterSingleValueContainer",
        "SecuritySchemeID", "SecurityValues", "StreamingTransport", "StreamReader", "JSONObjectMembers",
        "OpenStringEnum",
        "JSONDecodingObjectMembers", "JSONScalarKind", "JSONDecodingObject", "JSONObjectDecodable", "ObjectKey",
        "DeclaredNames", "NoDeclaredNames", "PropertyNameSet",
        // The generic parameter of an `anyOf` member's `init(from:undeclaredKeys:)`, and the `anyOf`'s own type of
        // its members' property names: a type of that name would be hidden there.
        "PropertyNames",
        // The generic parameter of a struct's `matchScore(in:)`, which would hide a type of that name there.
        "ObjectMembers",
    ]

    /// The public types the runtime templates declare, each named `<moduleName><suffix>` (`CambAIClient`,
    /// `CambAIRequest`…) so that no module imported beside the generated one (Foundation, swift-http-types'
    /// `HTTPRequest`, swift-openapi-urlsession's `URLSessionTransport`) declares the same name. The templates of
    /// those named `Client.swift`… produce `<moduleName><suffix>.swift`; a schema given one of these names (in any
    /// letter case) is renamed.
    public static let moduleTypeSuffixes: [String] = [
        "Client", "Error", "Request", "Response", "Transport", "URLSessionTransport", "Credential", "JSONValue",
        "CalendarDate", "Middleware", "RetryMiddleware", "LoggingMiddleware", "Operation", "RequestOptions",
        "BasicCredential", "TokenProvider", "Servers", "Nullable", "FilePart",
        "StreamedResponse", "ServerSentEvent", "DecodedServerSentEvent", "ServerSentEventParser", "JSONLinesParser",
        "OperationServers",
    ]

    /// Standard library and Foundation types a generated file may mention; a schema with one of these names
    /// is renamed so that it does not shadow them.
    public static let standardTypeNames: Set<String> = [
        "Any", "AnyObject", "Array", "Bool", "Character", "Codable", "CodingKey", "Collection", "Comparable", "Data",
        "Date", "Decimal", "Decodable", "Decoder", "DecodingError", "Dictionary", "Double", "Encodable", "Encoder",
        "EncodingError", "Equatable", "Error", "Float", "Float80", "Foundation", "Hashable", "Hasher", "Identifiable",
        "Int", "Int8", "Int16", "Int32", "Int64", "JSONDecoder", "JSONEncoder", "Never", "Optional", "Protocol",
        "RawRepresentable", "Result", "Self", "Sendable", "Sequence", "Set", "String", "Substring", "Swift", "Task",
        "Type", "UInt", "UInt8", "UInt16", "UInt32", "UInt64", "URL", "URLComponents", "URLQueryItem", "URLRequest",
        "URLSession", "UUID", "Void", "CaseIterable", "CustomStringConvertible", "Actor",
        "CustomDebugStringConvertible",
        "CustomReflectable", "ExpressibleByArrayLiteral", "ExpressibleByBooleanLiteral",
        "ExpressibleByDictionaryLiteral",
        "ExpressibleByFloatLiteral", "ExpressibleByIntegerLiteral", "ExpressibleByNilLiteral",
        "ExpressibleByStringLiteral",
        "FileHandle", "FoundationNetworking", "HTTPURLResponse", "Mirror", "NSObject", "ObjCBool", "ProcessInfo",
        "Unicode",
        "URLError", "Locale", "KeyedDecodingContainer", "KeyedEncodingContainer", "LosslessStringConvertible",
        "Calendar", "TimeZone", "Bundle", "NSError", "Measurement", "IndexSet", "CharacterSet", "UTF8",
        "Duration", "NSLock", "URLResponse", "URLSessionTask", "URLSessionDataTask", "URLSessionDataDelegate",
        "URLSessionConfiguration", "CheckedContinuation", "CancellationError", "JSONSerialization", "LocalizedError",
        "ContinuousClock", "KeyedEncodingContainerProtocol", "UnkeyedEncodingContainer",
        "SingleValueEncodingContainer", "CodingUserInfoKey", "BinaryInteger", "AsyncThrowingStream", "ArraySlice",
        "SingleValueDecodingContainer",
    ]

    /// Names a `CodingKeys` case cannot take, because `CodingKey` or `RawRepresentable` already use them, or
    /// the struct's own `undeclared(String)` key (for properties the schema does not declare) and
    /// `declaredNames` (the set of the declared ones) do.
    public static let reservedCodingKeyNames: Set<String> = [
        "stringValue", "intValue", "rawValue", "hashValue", "init", "undeclared", "declaredNames",
    ]

    /// Member names the generated structs declare besides their properties.
    public static let reservedStructMemberNames: Set<String> = [additionalPropertiesName, "hashValue"]

    /// Member names the generated enums declare besides their cases.
    public static let reservedEnumMemberNames: Set<String> = [
        "rawValue", "init", "hashValue", "allCases", "documentedCases", "defaultValue", "isDocumented", "matchScore",
        "parameterText", "pathSegment", "documentedName", "documentedDescription",
    ]

    /// The schema extension naming an extra enum property that returns each member's documented name
    /// (`x-enum-name-property: localeIdentifier` gives `Languages.enUS.localeIdentifier == "en-US"`).
    public static let enumNamePropertyExtension = "x-enum-name-property"

    /// Member names the generated unions declare besides their cases.
    public static let reservedUnionMemberNames: Set<String> = ["memberScores", "matchScore", "hashValue"]

    /// Local names inside a generated operation, which its parameters cannot take.
    public static let reservedOperationLocalNames: Set<String> = [
        "body", "queryItems", "url", "request", "response", "cookies", "securityValues", "sentinels", "bytes",
        "credentialedQueryItems",
    ]

    /// Members of the generated client, which operation functions cannot be named after.
    public static let reservedClientMemberNames: Set<String> = [
        "send", "makeURL", "encodeJSON", "encodeForm", "decodeJSON", "decodeText", "classify", "isJSON", "serverURL",
        "transport",
        "defaultServerURL", "timeout", "maximumResponseSize", "middlewares", "headerFields", "with", "chain",
        "usesServerURLForEveryOperation", "securityValues", "isCredentialSet", "operationServerURL",
        "sendStreaming", "expectStreamContentType", "serverSentEvents", "jsonLines", "decodeStreamed",
        "operationServers", "perform",
    ]

    /// Members of a generated response headers struct besides one per documented header.
    public static let reservedResponseHeadersMemberNames: Set<String> = ["fields", "init", "hashValue"]

    /// The suffix appended to a schema name that would otherwise clash with a reserved name: `Error` → `ErrorModel`.
    public static let reservedNameSuffix = "Model"

    /// The enum case that keeps values a document does not list.
    public static let undocumentedCaseName = "undocumented"

    /// The struct property that keeps undeclared object properties.
    public static let additionalPropertiesName = "additionalProperties"

    /// The name of the configuration file looked for beside the document when `--config` is not given.
    public static let defaultConfigurationFileName = "openapi-codegen.yaml"

    /// The first line of every generated file; also how the writer recognises files it may replace or delete.
    public static let bannerPrefix = "// Generated by openapi-codegen from "
}
