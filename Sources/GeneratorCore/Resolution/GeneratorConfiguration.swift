import Foundation

/// Settings read from the configuration file beside the document (`openapi-codegen.yaml` by default) and
/// from the command line. The upstream document stays unedited; what it lacks goes here.
public struct GeneratorConfiguration: Sendable {
    /// The Swift module the generated files belong to; names the client (`<module>Client`) and the error
    /// type (`<module>Error`). Source: `moduleName`, or `--module-name`.
    public var moduleName: String?
    /// Names for enum cases, by the JSON pointer of the enum schema and then by raw value as written in the
    /// document (`1`, `mp3`). Each name goes through `SwiftNamer`, so `en-US` becomes `enUS`.
    /// Source: `enumCaseNames`.
    public var enumCaseNames: [JSONPointer: [String: (name: String, mark: SourceMark)]]
    /// Overlay documents to apply to the document before it is decoded, in order; paths in the file are relative
    /// to the configuration file's folder. Source: `overlays`.
    public var overlays: [URL] = []
    /// Where each `enumCaseNames` entry's pointer is written, to report one that names no enum schema.
    public var enumCaseNameMarks: [JSONPointer: SourceMark] = [:]
    /// The path of the configuration file, as printed in diagnostics; `nil` when there was none.
    public var file: String?

    /// Swift names chosen by the user. Source: `names`.
    public var names = Names()
    /// Swift types for values of a `format`, instead of the generator's choice. Source: `formats`.
    public var formatTypes: [String: (type: FormatType, mark: SourceMark)] = [:]
    /// Which operations to generate; `nil` for all. Source: `include`.
    public var include: OperationFilter?
    /// The access level of every generated declaration. Source: `accessLevel`.
    public var accessLevel: AccessLevel = .public

    /// `public` for a library other modules import; `package` for one used only within its Swift package;
    /// `internal` for code generated into the module that uses it.
    public enum AccessLevel: String, Sendable, CaseIterable {
        case `public`, package, `internal`
    }

    /// `Identifiable` on every struct with an `id` property. Source: `conformances.Identifiable`.
    public var conformsToIdentifiable = false
    /// `CaseIterable` on every enum, over its documented members. Source: `conformances.CaseIterable`.
    public var conformsToCaseIterable = true
    /// Whether an inline schema identical to another schema names that one's type (a typealias) rather than
    /// declaring its own (see `IdenticalSchemas`). Source: `mergeIdenticalSchemas` (default `true`).
    public var mergesIdenticalSchemas = true
    /// How the declarations are spread over files; `nil` when the file does not say (then `--layout`, or
    /// `.oneTypePerFile`). Source: `outputLayout`.
    public var outputLayout: OutputLayout?
    /// A folder of templates and partials that replace the built-in ones of the same name, relative to the
    /// configuration file's folder. Source: `templates`; `--templates` wins.
    public var templates: URL?
    /// How operations report documented statuses. Source: `operationStyle`; `--style` wins.
    public var operationStyle: OperationStyle?

    /// Names by JSON pointer (types and properties) or by operation (its operationId, or `METHOD /path`).
    public struct Names: Sendable {
        public var types: [JSONPointer: (name: String, mark: SourceMark)] = [:]
        public var properties: [JSONPointer: (name: String, mark: SourceMark)] = [:]
        public var operations: [String: (name: String, mark: SourceMark)] = [:]
        public init() {}
    }

    /// The types a `formats` entry may name, with the JSON values each one reads.
    public enum FormatType: String, Sendable, CaseIterable {
        case string = "String", url = "URL", uuid = "UUID", date = "Date", calendarDate = "CalendarDate"
        case data = "Data", int = "Int", int32 = "Int32", int64 = "Int64", double = "Double", float = "Float"

        /// `Foundation.UUID` and `UUID` are the same type.
        init?(spelling: String) {
            let bare = spelling.hasPrefix("Foundation.") ? String(spelling.dropFirst("Foundation.".count)) : spelling
            self.init(rawValue: bare)
        }

        /// The type in the IR.
        var usage: IR.TypeUsage {
            switch self {
            case .string: .string
            case .url: .url
            case .uuid: .uuid
            case .date: .dateTime
            case .calendarDate: .date
            case .data: .bytes
            case .int: .integer
            case .int32: .int32
            case .int64: .int64
            case .double: .double
            case .float: .float
            }
        }

        /// Whether JSON values of the schema `type` can be read as this type.
        func reads(_ jsonType: String) -> Bool {
            switch self {
            case .string, .url, .uuid, .date, .calendarDate, .data: jsonType == "string"
            case .int, .int32, .int64: jsonType == "integer"
            case .double, .float: jsonType == "number" || jsonType == "integer"
            }
        }
    }

    /// Operations to keep: those with one of the tags, one of the operationIds, or a path that matches one of
    /// the paths (a path template such as `/pets/{id}`, or a prefix ending in `*` such as `/pets*`). Only the
    /// component schemas the kept operations use, directly or through other schemas, are generated.
    public struct OperationFilter: Sendable {
        public var tags: [String] = []
        public var operationIDs: [String] = []
        public var paths: [String] = []
        public var mark: SourceMark

        public func keeps(path: String, operation: OpenAPI.Operation) -> Bool {
            if let id = operation.operationID, operationIDs.contains(id) { return true }
            if operation.tags.contains(where: tags.contains) { return true }
            return paths.contains { keeps(path: path, pattern: $0) }
        }
    }

    /// The fields a configuration file may have.
    static let fields = [
        "moduleName", "accessLevel", "overlays", "names", "enumCaseNames", "formats", "include", "conformances",
        "outputLayout", "templates", "operationStyle", "mergeIdenticalSchemas",
    ]

    public init(
        moduleName: String? = nil, enumCaseNames: [JSONPointer: [String: (name: String, mark: SourceMark)]] = [:],
        file: String? = nil
    ) {
        self.moduleName = moduleName
        self.enumCaseNames = enumCaseNames
        self.file = file
    }

    /// Decodes a configuration file's root node.
    /// - Returns: `nil` after reporting an error when the root is not a mapping.
    /// - Parameter folder: the configuration file's folder, against which `overlays` paths resolve.
    public static func decode(_ root: YAMLNode?, file: String, folder: URL, diagnostics: DiagnosticCollector)
        -> GeneratorConfiguration?
    {
        var configuration = GeneratorConfiguration(file: file)
        guard let root else { return configuration }
        let context = DecodingContext(file: file, diagnostics: diagnostics)
        guard let reader = MappingReader(root, at: JSONPointer(), context: context, what: "the configuration") else {
            return nil
        }
        reader.reportUnknownKeys(fields, what: "a configuration field")
        configuration.moduleName = reader.string("moduleName")
        if let text = reader.string("accessLevel") {
            if let level = AccessLevel(rawValue: text) {
                configuration.accessLevel = level
            } else {
                let choices = AccessLevel.allCases.map(\.rawValue)
                context.error(
                    "'\(text)' is not an access level" + Suggestion.clause(for: text, among: choices)
                        + "; expected one of " + choices.map { "'\($0)'" }.joined(separator: ", "),
                    at: reader["accessLevel"]!, pointer: JSONPointer(["accessLevel"]))
            }
        }
        configuration.overlays = (reader.strings("overlays") ?? []).map {
            URL(fileURLWithPath: $0, relativeTo: folder).standardizedFileURL
        }
        for pair in reader.mapping("enumCaseNames") ?? [] {
            guard let target = pair.key.scalar?.text else { continue }
            guard let pointer = JSONPointer(fragment: target) else {
                context.error(
                    "'\(target)' is not a JSON pointer such as '#/components/schemas/Languages'", at: pair.key,
                    pointer: JSONPointer(["enumCaseNames"]))
                continue
            }
            guard
                let names = MappingReader(
                    pair.value, at: JSONPointer(["enumCaseNames", target]), context: context,
                    what: "the case names of '\(target)'")
            else { continue }
            var byValue: [String: (String, SourceMark)] = [:]
            for namePair in names.pairs {
                guard let value = namePair.key.scalar?.text, let name = namePair.value.scalar?.text else {
                    context.error("expected 'raw value: name' pairs", at: namePair.key, pointer: names.pointer)
                    continue
                }
                byValue[value] = (name, namePair.value.mark)
            }
            configuration.enumCaseNames[pointer] = byValue
            configuration.enumCaseNameMarks[pointer] = pair.key.mark
        }
        if let node = reader["outputLayout"], let text = reader.string("outputLayout") {
            let choices = OutputLayout.allCases.map(\.rawValue)
            configuration.outputLayout = OutputLayout(rawValue: text)
            if configuration.outputLayout == nil {
                context.error(
                    "'\(text)' is not an output layout" + Suggestion.clause(for: text, among: choices) + "; expected "
                        + choices.map { "'\($0)'" }.joined(separator: " or "),
                    at: node, pointer: JSONPointer(["outputLayout"]))
            }
        }
        decodeNames(reader, into: &configuration, context: context)
        decodeFormats(reader, into: &configuration, context: context)
        if let node = reader["include"],
            let include = MappingReader(node, at: JSONPointer(["include"]), context: context, what: "'include'")
        {
            include.reportUnknownKeys(["tags", "operationIds", "paths"], what: "an 'include' field")
            configuration.include = OperationFilter(
                tags: include.strings("tags") ?? [], operationIDs: include.strings("operationIds") ?? [],
                paths: include.strings("paths") ?? [], mark: node.mark)
        }
        if let node = reader["conformances"],
            let conformances = MappingReader(
                node, at: JSONPointer(["conformances"]), context: context, what: "'conformances'")
        {
            conformances.reportUnknownKeys(["Identifiable", "CaseIterable"], what: "a conformance the generator adds")
            configuration.conformsToIdentifiable = conformances.bool("Identifiable") ?? false
            configuration.conformsToCaseIterable = conformances.bool("CaseIterable") ?? true
        }
        configuration.mergesIdenticalSchemas = reader.bool("mergeIdenticalSchemas") ?? true
        configuration.templates = reader.string("templates").map {
            URL(fileURLWithPath: $0, relativeTo: folder).standardizedFileURL
        }
        if let node = reader["operationStyle"], let text = reader.string("operationStyle") {
            configuration.operationStyle = OperationStyle(rawValue: text)
            if configuration.operationStyle == nil {
                context.error(OperationStyle.unknownMessage(text), at: node, pointer: JSONPointer(["operationStyle"]))
            }
        }
        return configuration
    }

    private static func decodeNames(
        _ reader: MappingReader, into configuration: inout GeneratorConfiguration, context: DecodingContext
    ) {
        guard let node = reader["names"],
            let names = MappingReader(node, at: JSONPointer(["names"]), context: context, what: "'names'")
        else { return }
        names.reportUnknownKeys(["types", "properties", "operations"], what: "a kind of name")
        func entries(_ kind: String) -> [(key: String, keyNode: YAMLNode, name: String, mark: SourceMark)] {
            (names.mapping(kind) ?? []).compactMap { pair in
                guard let key = pair.key.scalar?.text, let name = pair.value.scalar?.text, !name.isEmpty else {
                    context.error(
                        "expected 'target: name' pairs", at: pair.key, pointer: JSONPointer(["names", kind]))
                    return nil
                }
                return (key, pair.key, name, pair.value.mark)
            }
        }
        for kind in ["types", "properties"] {
            for entry in entries(kind) {
                guard let pointer = JSONPointer(fragment: entry.key), !pointer.tokens.isEmpty else {
                    context.error(
                        "'\(entry.key)' is not a JSON pointer such as '#/components/schemas/Pet'", at: entry.keyNode,
                        pointer: JSONPointer(["names", kind]))
                    continue
                }
                var mark = entry.mark
                mark.file = mark.file ?? context.file
                if kind == "types" {
                    configuration.names.types[pointer] = (entry.name, mark)
                } else {
                    configuration.names.properties[pointer] = (entry.name, mark)
                }
            }
        }
        for entry in entries("operations") {
            var mark = entry.mark
            mark.file = mark.file ?? context.file
            configuration.names.operations[entry.key] = (entry.name, mark)
        }
    }

    private static func decodeFormats(
        _ reader: MappingReader, into configuration: inout GeneratorConfiguration, context: DecodingContext
    ) {
        for pair in reader.mapping("formats") ?? [] {
            guard let format = pair.key.scalar?.text, let spelling = pair.value.scalar?.text else {
                context.error("expected 'format: Swift type' pairs", at: pair.key, pointer: JSONPointer(["formats"]))
                continue
            }
            guard let type = FormatType(spelling: spelling) else {
                let choices = FormatType.allCases.map(\.rawValue)
                context.error(
                    "'\(spelling)' is not a type a format can take" + Suggestion.clause(for: spelling, among: choices)
                        + "; expected one of " + choices.map { "'\($0)'" }.joined(separator: ", "),
                    at: pair.value, pointer: JSONPointer(["formats", format]))
                continue
            }
            var mark = pair.value.mark
            mark.file = mark.file ?? context.file
            configuration.formatTypes[format] = (type, mark)
        }
    }
}

extension MappingReader {
    /// Reports each key that is not in `known` as an error with the nearest known key: in the configuration a
    /// misspelt key would otherwise be ignored without a word, and the output silently differ.
    func reportUnknownKeys(_ known: [String], what: String) {
        for pair in pairs {
            guard let key = pair.key.scalar?.text else {
                context.error(
                    "expected a field name, found \(pair.key.kindDescription)", at: pair.key, pointer: pointer)
                continue
            }
            if known.contains(key) { continue }
            context.error(
                "'\(key)' is not \(what)"
                    + (Suggestion.nearest(to: key, among: known).map { "; did you mean '\($0)'?" }
                        ?? "; expected one of " + known.map { "'\($0)'" }.joined(separator: ", ")),
                at: pair.key, pointer: pointer.appending(key))
        }
    }
}
