/// The typed intermediate representation: what the generated module declares, with Swift names decided
/// and references resolved. It knows nothing about templates; each element keeps its JSON pointer and mark.
public enum IR {}

extension IR {
    /// How a value's type is spelled in Swift.
    public indirect enum TypeUsage: Hashable, Sendable {
        /// A type declared by the generated module (struct, enum, union or typealias).
        case declared(String)
        case string, integer, int32, int64, double, float, boolean
        /// `format: date-time`: `Date`, read from and written as RFC 3339 text.
        case dateTime
        /// `format: date`: the runtime's `CalendarDate` (`2020-02-11`).
        case date
        /// `format: byte`: `Data`, base64 text on the wire.
        case bytes
        /// `format: uri`: Foundation's `URL`, its text on the wire.
        case url
        /// Foundation's `UUID`, its text on the wire (only through the configuration's `formats`).
        case uuid
        /// Any JSON value: the runtime's `JSONValue`.
        case jsonValue
        case array(TypeUsage)
        /// A JSON object with arbitrary keys: `[String: Value]`.
        case dictionary(TypeUsage)
    }

    /// The generated module: declarations sorted by name, operations in document order.
    public struct Module: Sendable {
        public var name: String
        public var clientName: String
        public var errorName: String
        public var documentTitle: String
        public var documentVersion: String
        public var documentDescription: String?
        /// The first server's URL with variables replaced by their defaults; `nil` when the document has none.
        public var defaultServerURL: String?
        /// The document's `servers` (`#/servers`), in order.
        public var servers: [Server] = []
        /// The `servers` of path items and operations, each list once, in the order of the first operation that
        /// goes to it: what the caller chooses among for those operations.
        public var operationServerLists: [OperationServerList] = []
        public var types: [TypeDeclaration]
        /// The inline schemas declared by a typealias of an identical schema's type (see `IdenticalSchemas`): each
        /// typealias's name, with the name of the type it stands for.
        public var identicalSchemas: [String: String] = [:]
        public var operations: [Operation]
        public var credentials: [Credential]
        /// Structs with an `id` property conform to `Identifiable` (the configuration's `conformances`).
        public var conformsToIdentifiable = false
        /// Enums conform to `CaseIterable` over their documented members (the configuration's `conformances`).
        public var conformsToCaseIterable = true
        /// The access level of every declaration: `public`, `package` or `internal` (the configuration's
        /// `accessLevel`).
        public var accessLevel = "public"
    }

    public struct Documentation: Sendable, Hashable {
        public var summary: String?
        public var description: String?
        /// The JSON pointer of the element the text came from.
        public var pointer: JSONPointer
        /// What the document requires of the value, in words (the schema's validation keywords).
        public var constraints: [String] = []

        public init(
            summary: String? = nil, description: String? = nil, pointer: JSONPointer, constraints: [String] = []
        ) {
            self.summary = summary
            self.description = description
            self.pointer = pointer
            self.constraints = constraints
        }
    }

    public enum TypeDeclaration: Sendable {
        case structure(Structure)
        case enumeration(Enumeration)
        case union(Union)
        case alias(Alias)

        public var name: String {
            switch self {
            case .structure(let value): value.name
            case .enumeration(let value): value.name
            case .union(let value): value.name
            case .alias(let value): value.name
            }
        }
    }

    /// A scalar value written in the document, such as a `default`.
    public enum Literal: Hashable, Sendable {
        case string(String)
        case integer(Int64)
        case number(Double)
        case boolean(Bool)

        init?(_ node: YAMLNode?) {
            switch node?.scalar?.value {
            case .string(let value)?: self = .string(value)
            case .integer(let value)?: self = .integer(value)
            case .number(let value)? where value.isFinite: self = .number(value)
            case .bool(let value)?: self = .boolean(value)
            default: return nil
            }
        }

        /// The value as written: `cat`, `2`, `false`.
        public var text: String {
            switch self {
            case .string(let value): value
            case .integer(let value): String(value)
            case .number(let value): String(value)
            case .boolean(let value): value ? "true" : "false"
            }
        }
    }

    /// An object schema: a struct with one stored property per declared property.
    public struct Structure: Sendable, Hashable {
        public var name: String
        public var documentation: Documentation
        public var properties: [Property]
        /// The value type of undeclared properties, which the struct keeps; `nil` when
        /// `additionalProperties: false` forbids them.
        public var additionalProperties: TypeUsage?
        public var isDeprecated: Bool
    }

    public struct Property: Sendable, Hashable {
        /// The key on the wire, exactly as in the document.
        public var jsonName: String
        public var swiftName: String
        public var type: TypeUsage
        public var isRequired: Bool
        public var isNullable: Bool
        /// `readOnly`: decoded from responses, never encoded, and not an argument of request bodies.
        public var isReadOnly = false
        /// `writeOnly`: encoded when set, and optional when decoding (responses leave it out).
        public var isWriteOnly = false
        /// The one value the property can have: `const`, or an `enum` of one value (a tag such as
        /// `kind: square`). Such a property is fixed: always encoded, checked when decoding, never an argument.
        public var constant: Literal?
        public var documentation: Documentation
        public var isDeprecated: Bool
        /// The text of the schema's `title`, kept for doc comments.
        public var title: String?
        /// Whether the value is stored out of line: the property's type contains the struct holding it (a
        /// recursive schema, which Swift cannot lay out inline) and is not a union or an alias of one, whose own
        /// indirection breaks the cycle (`RecursiveTypes`); or it holds more stored values than `LargeValues.limit`
        /// (cheaper to copy in a box).
        public var isIndirect = false
        /// The schema's `default` (or that of the component it references), when it is a scalar.
        public var defaultValue: Literal?
    }

    /// A string or integer `enum`; forward-compatible: values the document does not list are kept.
    public struct Enumeration: Sendable, Hashable {
        /// The Swift type of the raw values: `String`, `Int`, `Double` (numbers that are not all integers),
        /// `Bool`, or `JSONValue` for values of several kinds (`[1, "auto"]`).
        public enum RawType: Sendable, Hashable { case string, integer, double, boolean, json }
        public struct Case: Sendable, Hashable {
            public var swiftName: String
            /// The value as text: `mp3`, `1`.
            public var rawValue: String
            /// The value with its JSON kind, for enums of several kinds; `nil` for others.
            public var literal: Literal? = nil
            /// Where the name came from, when not from the value itself (`en-US` from the configuration).
            public var nameSource: String?
            /// What the value means, from `x-enum-descriptions` (the item at the value's index).
            public var description: String?
        }
        public var name: String
        public var rawType: RawType
        public var cases: [Case]
        public var documentation: Documentation
        /// The name of the case holding values the document does not list.
        public var undocumentedCaseName: String
        /// The case named by the schema's `default`, if any.
        public var defaultCaseName: String?
        /// A property that returns each member's documented name under a name of the document's choosing
        /// (`x-enum-name-property: localeIdentifier`), beside `documentedName`.
        public var nameProperty: String? = nil
    }

    /// `oneOf` or `anyOf`: a Swift enum with one case per member, decoded by the rule in `Union`'s doc comment.
    public struct Union: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable { case oneOf, anyOf }
        public struct Member: Sendable, Hashable {
            public var caseName: String
            public var type: TypeUsage
            public var documentation: Documentation
        }
        public var name: String
        public var kind: Kind
        public var members: [Member]
        public var documentation: Documentation
        /// The discriminator property and, for each member index, the values that select it.
        public struct Discriminator: Sendable, Hashable {
            public var propertyName: String
            public var valuesByMember: [[String]]
        }
        public var discriminator: Discriminator?
        /// For the union of a polymorphic base's subtypes: the base's own properties (JSON names), which every
        /// member has, so the union offers them directly.
        public var sharedPropertyNames: [String] = []
        /// Whether the union needs indirection: a member contains this union (a recursive schema), or its members
        /// hold more stored values than `LargeValues.limit` (cheaper to copy in a box). Its struct and union members
        /// are then stored out of line (`indirect` cases, `Context.UnionMember.isIndirect`), the others inline.
        public var isIndirect = false
        /// For an `anyOf` whose members can match the same value: a struct with one optional property per
        /// member, each set when the value fits that member (rather than an enum holding one of them).
        public var keepsEveryMember = false
    }

    public struct Alias: Sendable {
        public var name: String
        public var target: TypeUsage
        public var documentation: Documentation
    }

    /// A credential the client holds and sends: an API key (header, query or cookie), an HTTP bearer token,
    /// basic user name and password, another HTTP scheme's raw `Authorization` value, or an OAuth 2.0 / OpenID
    /// Connect token provider.
    public struct Credential: Sendable {
        public enum Placement: Sendable, Equatable {
            case header(String)
            case query(String)
            /// An API key sent as a cookie of this name, in the `Cookie` header.
            case cookie(String)
            case bearer
            /// HTTP `basic`: `Authorization: Basic <base64 of user:password>`.
            case basic
            /// Another HTTP scheme (such as `digest`), whose whole `Authorization` value the caller gives.
            case authorization(scheme: String)
            /// OAuth 2.0 or OpenID Connect: `Authorization: Bearer <token>` from a provider awaited per request.
            case tokenProvider
        }
        /// The security scheme's name in `components/securitySchemes`.
        public var schemeName: String
        /// The client property and initializer parameter: `apiKey`.
        public var swiftName: String
        public var placement: Placement
        public var documentation: Documentation
    }

    /// A Server Object: a URL template and its variables.
    public struct Server: Sendable {
        /// The URL as written, with `{variable}` placeholders: `https://{region}.api.example.com/v2`.
        public var url: String
        public var description: String?
        public var variables: [ServerVariable]
        public var pointer: JSONPointer

        /// The URL with each variable at its default: `https://eu.api.example.com/v2`.
        public var defaultURL: String
        /// The server's position in its `servers` list, 1-based: `Server2` names the second even when the first
        /// is left out.
        public var position = 1
        /// Whether the defaults make a URL; when they do not (a placeholder default such as `{your-agent-url}`),
        /// the variables at fault are `isRequired` and nothing goes to the server unless the caller chooses it.
        public var isDefaultUsable = true
        /// A relative URL (`/api/v3`), resolved against a base.
        public var isRelative = false
    }

    /// The `servers` of a path item or an Operation Object, which the operations using them go to instead of the
    /// document's: a namespace of `<Module>Servers` (`ListFiles`) and one `<Module>OperationServers` property
    /// per operation.
    public struct OperationServerList: Sendable {
        /// The namespace, after the first operation that goes to these servers: `ListFiles`.
        public var typeName: String
        /// The operations that go to these servers, in order, each with the name of the namespace for it: the
        /// first takes `typeName`, each other one a type alias of it (`UploadFile`).
        public var operations: [(functionName: String, method: String, path: String, typeName: String)]
        /// The servers that resolved, in document order (each knows its `position`); the operations' default is
        /// the one at position 1 when it is here and `isDefaultUsable`. Empty when none makes a URL: the
        /// operations then go to `serverURL` unless the caller gives their server.
        public var servers: [Server]
        /// Where the list is: `#/paths/~1files/servers`.
        public var pointer: JSONPointer
    }

    public struct ServerVariable: Sendable {
        public var name: String
        /// The argument name: `region`.
        public var swiftName: String
        public var defaultValue: String
        /// The `enum` values with their Swift case names, in document order; `nil` when any text is allowed.
        public var cases: [(value: String, caseName: String)]?
        /// The enum's Swift type name when `cases` is set: `Region`.
        public var typeName: String
        public var description: String?
        /// Its default makes no URL (a placeholder such as `{your-agent-url}`): `url(…)` takes it without one.
        public var isRequired = false
    }

    public struct Operation: Sendable {
        public var functionName: String
        /// The document's `operationId`, or `nil` when it gives none.
        public var operationID: String?
        /// `POST`
        public var method: String
        /// `/dub-alt-format/{run_id}/{language}`
        public var path: String
        public var documentation: Documentation
        public var parameters: [Parameter]
        public var requestBody: RequestBody?
        /// Responses with a status code or range other than errors: the function's return type.
        public var success: [Response]
        /// The return type: the single success body type, a union of them, or `nil` for no body.
        public var returnType: TypeUsage?
        /// Whether some success responses have no body, so the function returns `nil` for them.
        public var returnsOptional: Bool
        public var errors: [ErrorResponse]
        /// Error responses (`404`, `4XX`, `default`) without a JSON body: they throw `unexpectedStatus` in the
        /// throwing style, and are outcomes of their own in the response style.
        public var errorsWithoutBody: [Response] = []
        /// Whether an undocumented or `default` status is handled by a `default` response.
        public var credentials: [String]
        public var isDeprecated: Bool
        /// The operation's security requirements as alternatives (OR) of credentials sent together (AND), each
        /// credential by its Swift name; empty when nothing is sent (`security: []`, or none anywhere). An
        /// alternative may be empty (`{}`: security is optional).
        public var security: [[String]] = []
        /// The first of the operation's own `servers` (or its path item's), variables at their defaults; `nil`
        /// when the document's apply (or when that first server's defaults make no URL).
        public var server: Server? = nil
        /// The namespace of `<Module>Servers` that lists the operation's own `servers` (or its path item's), for
        /// it: `ListFiles`; `nil` when it has none.
        public var serverListTypeName: String? = nil
        /// The operation's property in `<Module>OperationServers`: the name of its first function (every function
        /// of the operation, one per request media type, shares it).
        public var serverChoiceName: String? = nil
        /// Every media type the operation's responses document, success and error, in document order without
        /// repeats: what the `Accept` header lists.
        public var responseMediaTypes: [String] = []
        /// The success body as a stream (`text/event-stream`, JSON Lines), when a success response documents
        /// one: the client gets a second method that returns it as it arrives.
        public var stream: Stream? = nil
        /// Every success response by status and media type (`success` keeps one per status): the cases of the
        /// operation's success enum when `returnsSuccessEnum`.
        public var successVariants: [Response] = []
        /// Whether the function returns an enum of its success responses (`<Function>Success`) rather than one
        /// body type: the bodies differ in type, or some success response documents headers.
        public var returnsSuccessEnum = false
    }

    /// A success response body that arrives as a sequence of values: server-sent events or JSON Lines.
    public struct Stream: Sendable {
        public enum Kind: Sendable, Equatable {
            /// `text/event-stream`: events whose data is the value.
            case serverSentEvents
            /// `application/jsonl`, `application/x-ndjson`: one value per line.
            case jsonLines

            /// The kind a media type streams; `nil` for others.
            init?(mediaType: String) {
                switch ModuleResolver.baseMediaType(mediaType) {
                case "text/event-stream": self = .serverSentEvents
                case "application/jsonl", "application/x-ndjson", "application/x-jsonlines": self = .jsonLines
                default: return nil
                }
            }
        }
        public var kind: Kind
        /// The method that returns the stream: `<functionName>Stream`, unless that name is taken.
        public var functionName: String
        /// The statuses (`200`, `2XX`) whose body is streamed.
        public var statuses: [String]
        /// The streamed media types the document names for them, lowercased, without parameters.
        public var mediaTypes: [String]
        /// The type of each event's data or each line: the media type's schema, or `JSONValue` without one.
        public var type: TypeUsage
    }

    public struct Parameter: Sendable {
        public var name: String
        public var swiftName: String
        public var location: OpenAPI.ParameterLocation
        public var type: TypeUsage
        public var isRequired: Bool
        /// For query arrays: `form` with `explode` (repeat the name) or not (comma-separated).
        public var explode: Bool
        public var style: String
        public var documentation: Documentation
        /// `allowReserved`: reserved characters of a query value are sent as they are.
        public var allowReserved = false
        /// Described by `content` with a JSON media type: the value is sent as its JSON text.
        public var isJSONContent = false
        /// Whether the value is a scalar (or, in a query, an array of scalars) in the location's default style
        /// (or a delimited query style), sent by `ParameterValue` and `QueryItems` alone; otherwise it goes through
        /// `ParameterEncoding`, which takes any shape in any style.
        public var isPlain = true
    }

    /// How one property of an `application/x-www-form-urlencoded` body is sent: its Encoding Object.
    public struct FormField: Sendable {
        /// The property's key on the wire.
        public var jsonName: String
        public var style: String
        public var explode: Bool
        public var allowReserved: Bool
        /// `contentType: application/json`: the property is sent as its JSON text.
        public var isJSON: Bool
    }

    /// How a body travels: JSON, UTF-8 text (`text/*`), or raw bytes (any other media type).
    public enum BodyEncoding: Sendable, Equatable {
        case json, text, binary
        /// `application/x-www-form-urlencoded` (request bodies only; `init(mediaType:)` never gives it).
        case form
        /// `multipart/form-data`, one part per property (request bodies only; see `MultipartPart`).
        case multipart

        /// The encoding for a media type; `nil` for the form encodings, which are not supported yet.
        init?(mediaType: String) {
            let base = ModuleResolver.baseMediaType(mediaType)
            if base == "application/json" || base.hasSuffix("+json") {
                self = .json
            } else if base == "multipart/form-data" || base == "application/x-www-form-urlencoded" {
                return nil
            } else if base.hasPrefix("text/") {
                self = .text
            } else {
                self = .binary
            }
        }
    }

    public struct RequestBody: Sendable {
        public var mediaType: String
        public var encoding: BodyEncoding
        public var type: TypeUsage
        public var isRequired: Bool
        /// The body's properties become the function's parameters when the body is an object whose property
        /// names clash with no parameter; `nil` otherwise (the function takes `body:`).
        public var flattenedProperties: [Property]?
        public var structureName: String?
        public var documentation: Documentation
        /// For a form body: the properties whose Encoding Object says how to send them (the others are sent in
        /// the `form` style with `explode`).
        public var formFields: [FormField] = []
        /// Whether the JSON body may be `null`: the argument is `T?` when the body is required (`nil` sends
        /// `null`), `<moduleName>Nullable<T>?` when it is not (no body, `null`, or a value).
        public var isNullable = false
        /// For `multipart/form-data`: the parts, one per property, each an argument of the function.
        public var multipartParts: [MultipartPart] = []
    }

    public struct Response: Sendable {
        /// `200`, `2XX` or `default`.
        public var status: String
        public var type: TypeUsage?
        public var mediaType: String?
        public var encoding: BodyEncoding
        public var documentation: Documentation
        /// The headers the response documents, in document order.
        public var headers: [ResponseHeader] = []
    }

    public struct ErrorResponse: Sendable {
        public var status: String
        public var type: TypeUsage
        public var mediaType: String?
        /// JSON when the response documents a JSON body; otherwise its first text (`String`) or binary (`Data`) one.
        public var encoding: BodyEncoding = .json
        public var documentation: Documentation
        /// The headers the response documents, in document order.
        public var headers: [ResponseHeader] = []
    }

    /// A header a response documents: decoded with the header parameter rules (`simple` style: arrays are
    /// comma-separated).
    public struct ResponseHeader: Sendable {
        /// The field name as the document writes it: `X-Rate-Limit`.
        public var name: String
        public var swiftName: String
        /// A type `isParameterRepresentable` accepts; `String` when the schema is not.
        public var type: TypeUsage
        public var isRequired: Bool
        public var documentation: Documentation
    }
}
