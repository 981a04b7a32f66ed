/// The OpenAPI document model: spec-shaped values decoded from YAML nodes. References (`$ref`) stay
/// unresolved here; every value remembers the mark of the node it came from.
public enum OpenAPI {}

extension OpenAPI {
    /// The OpenAPI Object (the document root). Source: `#`.
    public struct Document: Sendable {
        /// The `openapi` field, such as `3.1.0`.
        public var version: String
        public var info: Info
        public var servers: [Server]
        /// `paths`, in document order.
        public var paths: [(path: String, item: PathItem)]
        public var components: Components
        /// The top-level `security` requirements; `nil` when the field is absent.
        public var security: [SecurityRequirement]?
        /// The `openapi` field's major.minor is 3.1 (JSON Schema 2020-12) rather than 3.0.
        public var isVersion31: Bool { version.hasPrefix("3.1") }
    }

    /// The Info Object. Source: `#/info`.
    public struct Info: Sendable {
        public var title: String
        public var version: String
        public var summary: String?
        public var description: String?
    }

    /// A Server Object: a base URL, possibly with `{variables}`.
    public struct Server: Sendable {
        public var url: String
        public var description: String?
        /// Server variables with their default values, in document order.
        public var variables: [(name: String, defaultValue: String)]
        /// Each variable's `enum` and `description`, by name (absent for a variable without them).
        public var variableDetails: [String: ServerVariableDetails] = [:]
        /// The mark of the `url` value (or of the Server Object when it has none).
        public var mark = SourceMark(line: 1, column: 1)
        public var pointer = JSONPointer()
    }

    /// What a Server Variable Object says besides its default.
    public struct ServerVariableDetails: Sendable {
        /// `enum`: the values the variable may take; `nil` when any text is allowed.
        public var values: [String]?
        public var description: String?
    }

    /// A Reference Object: `$ref` and, in 3.1, sibling `summary` and `description` that override the target's.
    public struct Reference: Sendable {
        /// The reference as written, such as `#/components/schemas/Pet`.
        public var ref: String
        public var summary: String?
        public var description: String?
        public var mark: SourceMark
    }

    /// A component whose `description` a Reference Object may override (3.1).
    public protocol Described: Sendable {
        var description: String? { get set }
    }

    /// Either a value written in place or a Reference Object pointing at one in `components`.
    public enum Referenceable<Value: Sendable>: Sendable {
        case reference(Reference)
        case value(Value)
    }

    public enum HTTPMethod: String, Sendable, CaseIterable {
        case get, put, post, delete, options, head, patch, trace
    }

    /// A Path Item Object. Source: `#/paths/<escaped path>`.
    public struct PathItem: Sendable {
        public var summary: String?
        public var description: String?
        /// Parameters shared by every operation of the path item.
        public var parameters: [Referenceable<Parameter>]
        /// Operations in the order of `HTTPMethod.allCases`.
        public var operations: [(method: HTTPMethod, operation: Operation)]
        public var mark: SourceMark
        /// The path item's own `servers`; `nil` when absent (or empty), so that the document's apply.
        public var servers: [Server]? = nil
    }

    /// An Operation Object. Source: `#/paths/<escaped path>/<method>`.
    public struct Operation: Sendable {
        public var operationID: String?
        public var summary: String?
        public var description: String?
        public var tags: [String]
        public var parameters: [Referenceable<Parameter>]
        public var requestBody: Referenceable<RequestBody>?
        /// Responses keyed by status code (`200`, `4XX`) or `default`, in document order.
        public var responses: [(status: String, response: Referenceable<Response>)]
        public var deprecated: Bool
        /// The operation's own `security`; `nil` means the document's top-level requirements apply.
        public var security: [SecurityRequirement]?
        public var mark: SourceMark
        public var pointer: JSONPointer
        /// The operation's own `servers`; `nil` when absent (or empty), so that the path item's or the document's
        /// apply.
        public var servers: [Server]? = nil
    }

    /// Where a parameter goes: the Parameter Object's `in` field.
    public enum ParameterLocation: String, Sendable {
        case path, query, header, cookie
    }

    /// A Parameter Object.
    public struct Parameter: Sendable {
        public var name: String
        public var location: ParameterLocation
        public var description: String?
        public var required: Bool
        public var deprecated: Bool
        public var style: String?
        public var explode: Bool?
        /// `allowReserved`: RFC 3986 reserved characters in a query value are sent as they are.
        public var allowReserved: Bool = false
        public var schema: Schema?
        /// `content` instead of `schema`: the media type and its schema.
        public var content: [(mediaType: String, mediaTypeObject: MediaType)]
        public var mark: SourceMark
        public var pointer: JSONPointer
    }

    /// A Request Body Object.
    public struct RequestBody: Sendable {
        public var description: String?
        public var content: [(mediaType: String, mediaTypeObject: MediaType)]
        public var required: Bool
        public var mark: SourceMark
        public var pointer: JSONPointer
    }

    /// A Media Type Object.
    public struct MediaType: Sendable {
        public var schema: Schema?
        public var mark: SourceMark
        /// The Encoding Objects by property name (form and multipart bodies), in document order.
        public var encoding: [(name: String, encoding: Encoding)] = []
    }

    /// An Encoding Object: how one property of a form or multipart body is serialised.
    public struct Encoding: Sendable {
        public var contentType: String?
        public var style: String?
        public var explode: Bool?
        public var allowReserved: Bool?
        public var mark: SourceMark
    }

    /// A Response Object.
    public struct Response: Sendable {
        public var description: String?
        public var headers: [(name: String, header: Referenceable<Header>)]
        public var content: [(mediaType: String, mediaTypeObject: MediaType)]
        public var mark: SourceMark
        public var pointer: JSONPointer
    }

    /// A Header Object.
    public struct Header: Sendable {
        public var description: String?
        public var required: Bool
        public var schema: Schema?
        public var mark: SourceMark
    }

    /// A Security Scheme Object.
    public struct SecurityScheme: Sendable {
        /// `apiKey`, `http`, `oauth2`, `openIdConnect` or `mutualTLS`.
        public var type: String
        public var description: String?
        /// For `apiKey`: the header, query or cookie parameter name.
        public var name: String?
        /// For `apiKey`: `header`, `query` or `cookie`.
        public var location: String?
        /// For `http`: `bearer`, `basic`…
        public var scheme: String?
        public var mark: SourceMark
        public var pointer = JSONPointer()
    }

    /// A Security Requirement Object: scheme names mapped to scopes.
    public struct SecurityRequirement: Sendable {
        public var schemes: [(name: String, scopes: [String], mark: SourceMark)]
    }

    /// The Components Object, every map in document order.
    public struct Components: Sendable {
        public var schemas: [(name: String, schema: Schema)] = []
        public var parameters: [(name: String, parameter: Referenceable<Parameter>)] = []
        public var responses: [(name: String, response: Referenceable<Response>)] = []
        public var requestBodies: [(name: String, requestBody: Referenceable<RequestBody>)] = []
        public var headers: [(name: String, header: Referenceable<Header>)] = []
        public var securitySchemes: [(name: String, scheme: Referenceable<SecurityScheme>)] = []
    }
}

extension OpenAPI.Parameter: OpenAPI.Described {}
extension OpenAPI.Response: OpenAPI.Described {}
extension OpenAPI.RequestBody: OpenAPI.Described {}
