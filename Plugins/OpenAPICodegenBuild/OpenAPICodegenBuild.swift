import Foundation
import PackagePlugin

/// The build tool plugin: a target that lists it gets its client generated on every `swift build` from the
/// OpenAPI document in its folder, into the plugin's work folder, and compiled with the target's own sources.
///
///     .target(name: "PetsAPI", plugins: [.plugin(name: "OpenAPICodegenBuild", package: "openapi-codegen")])
///
/// The target's folder holds `openapi.yaml` (or `openapi.yml`, or `openapi.json`: exactly one of them, found
/// in a subfolder too) and optionally, beside it, `openapi-codegen.yaml`, the generator's configuration, with
/// any overlays it names. The plugin runs `openapi-codegen generate --layout few-files`: SwiftPM needs a build
/// command's output files before it runs, and that layout always writes the same ten files (`Client.swift`,
/// `Declarations1.swift` to `Declarations8.swift`, `Runtime.swift`) whatever the document declares (the
/// configuration's `outputLayout` is overridden). The document, the configuration, its overlays, every other YAML
/// and JSON file of the target's folder (the files a multi-file document refers to) and the generator's templates
/// are the command's inputs, so SwiftPM runs the generator again only when one of them (or the generator itself)
/// changes.
///
/// The generator prints its diagnostics with absolute paths (`/…/openapi.yaml:12:7: error: …`), which SwiftPM
/// shows in the build log; an error fails the build.
@main
struct OpenAPICodegenBuild: BuildToolPlugin {
    /// The document names looked for in the target's folder.
    static let documentNames = ["openapi.yaml", "openapi.yml", "openapi.json"]
    static let configurationName = "openapi-codegen.yaml"
    /// The files `--layout few-files` writes (`OutputLayout.fewFileNames` in the generator, which a test compares
    /// with this list).
    static let outputNames = [
        "Client.swift", "Declarations1.swift", "Declarations2.swift", "Declarations3.swift", "Declarations4.swift",
        "Declarations5.swift", "Declarations6.swift", "Declarations7.swift", "Declarations8.swift", "Runtime.swift",
    ]

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        // `Target.directoryURL` needs tools version 6.1; the target's files (every file under its folder, Swift
        // or not) serve as well, and find a document in a subfolder too.
        let documents = target.sourceFiles.map(\.url).filter { Self.documentNames.contains($0.lastPathComponent) }
            .sorted { $0.path < $1.path }
        guard documents.count == 1, let document = documents.first else {
            let message =
                documents.isEmpty
                ? "target '\(target.name)' uses the OpenAPICodegenBuild plugin but has no "
                    + "openapi.yaml, openapi.yml or openapi.json in its folder"
                : "target '\(target.name)' has \(documents.count) OpenAPI documents ("
                    + documents.map(\.path).joined(separator: ", ") + "); keep one"
            throw PluginError(message: message)
        }
        let folder = document.deletingLastPathComponent()
        var inputs = [document]
        var arguments = ["generate", document.path]
        let configuration = folder.appendingPathComponent(Self.configurationName)
        if FileManager.default.fileExists(atPath: configuration.path) {
            inputs.append(configuration)
            inputs += Self.overlays(named: configuration)
            arguments += ["--config", configuration.path]
        }
        // The files the document refers to (`$ref: schemas/pet.yaml`): every YAML and JSON file of the target's
        // folder, since the plugin cannot read the document's references itself.
        inputs += Self.referencedFileCandidates(in: target.sourceFiles.map(\.url), besides: inputs)
        inputs += Self.builtinTemplates()
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("Generated", isDirectory: true)
        arguments += ["--output", output.path, "--layout", "few-files", "--absolute-paths"]
        return [
            .buildCommand(
                displayName: "Generating the OpenAPI client of \(target.name) from \(document.lastPathComponent)",
                executable: try context.tool(named: "openapi-codegen").url,
                arguments: arguments,
                inputFiles: inputs,
                outputFiles: Self.outputNames.map { output.appendingPathComponent($0) })
        ]
    }

    /// The overlay files a configuration names under `overlays:`, resolved against its folder, so that editing
    /// an overlay regenerates the client. The plugin cannot link the generator's YAML parser, so it reads the
    /// two spellings of a list of file names: a block list (`overlays:` then `  - file.yaml` lines) and a flow
    /// list (`overlays: [a.yaml, b.yaml]`), plain or quoted. The generator itself reads the file properly and
    /// reports any mistake in it; a spelling this misses only means an edit to that overlay does not trigger
    /// regeneration on its own.
    static func overlays(named configuration: URL) -> [URL] {
        guard let text = try? String(contentsOf: configuration, encoding: .utf8) else { return [] }
        var names: [String] = []
        var inList = false
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0])
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("overlays:") {
                let value = trimmed.dropFirst("overlays:".count).trimmingCharacters(in: .whitespaces)
                if value.hasPrefix("[") {
                    names += value.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).split(separator: ",")
                        .map { unquote(String($0)) }
                    inList = false
                } else {
                    inList = value.isEmpty
                }
            } else if inList, trimmed.hasPrefix("- ") {
                names.append(unquote(String(trimmed.dropFirst(2))))
            } else if inList, !trimmed.isEmpty, !line.hasPrefix(" ") {
                inList = false
            }
        }
        let folder = configuration.deletingLastPathComponent()
        return names.filter { !$0.isEmpty }.map { URL(fileURLWithPath: $0, relativeTo: folder).standardizedFileURL }
    }

    /// The YAML and JSON files among a target's files that are not already inputs, sorted: the files a
    /// multi-file document may refer to, so that editing one regenerates the client. A file the document names
    /// outside the target's folder is read all the same, but editing it does not trigger regeneration.
    static func referencedFileCandidates(in files: [URL], besides inputs: [URL]) -> [URL] {
        let known = Set(inputs.map(\.standardizedFileURL.path))
        return files.filter { ["yaml", "yml", "json"].contains($0.pathExtension.lowercased()) }
            .filter { !known.contains($0.standardizedFileURL.path) }.sorted { $0.path < $1.path }
    }

    /// The generator's built-in templates (the `Templates/` folder of the checkout this plugin is built from,
    /// which the generator reads at run time), so that a change to them regenerates the client as well.
    static func builtinTemplates() -> [URL] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Templates", isDirectory: true)
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return files.compactMap { $0 as? URL }.filter { $0.pathExtension == "mustache" }.sorted { $0.path < $1.path }
    }

    static func unquote(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
    }
}

struct PluginError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
