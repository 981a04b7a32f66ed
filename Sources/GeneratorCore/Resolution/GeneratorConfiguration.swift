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
    /// The path of the configuration file, as printed in diagnostics; `nil` when there was none.
    public var file: String?

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
    public static func decode(_ root: YAMLNode?, file: String, diagnostics: DiagnosticCollector)
        -> GeneratorConfiguration?
    {
        var configuration = GeneratorConfiguration(file: file)
        guard let root else { return configuration }
        let context = DecodingContext(file: file, diagnostics: diagnostics)
        guard let reader = MappingReader(root, at: JSONPointer(), context: context, what: "the configuration") else {
            return nil
        }
        reader.warnAboutUnknownKeys(
            ["moduleName", "enumCaseNames"],
            vocabulary: "a configuration field (expected 'moduleName' or 'enumCaseNames')")
        configuration.moduleName = reader.string("moduleName")
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
        }
        return configuration
    }
}
