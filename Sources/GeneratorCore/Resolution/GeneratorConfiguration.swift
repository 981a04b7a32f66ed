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

    /// The fields a configuration file may have.
    static let fields = ["moduleName", "overlays", "enumCaseNames"]

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
        for pair in reader.pairs {
            // A misspelt setting would otherwise be ignored without a word, and the output silently differ.
            guard let key = pair.key.scalar?.text else {
                context.error(
                    "expected a field name, found \(pair.key.kindDescription)", at: pair.key, pointer: JSONPointer())
                continue
            }
            if fields.contains(key) { continue }
            context.error(
                "'\(key)' is not a configuration field"
                    + (Suggestion.nearest(to: key, among: fields).map { "; did you mean '\($0)'?" }
                        ?? "; expected one of " + fields.map { "'\($0)'" }.joined(separator: ", ")),
                at: pair.key, pointer: JSONPointer([key]))
        }
        configuration.moduleName = reader.string("moduleName")
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
        return configuration
    }
}
