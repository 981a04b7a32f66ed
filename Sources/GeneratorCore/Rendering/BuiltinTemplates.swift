import Foundation

/// The templates that ship with the generator: the `Templates/` folder at the root of this package.
public enum BuiltinTemplates {
    /// The folder the generator uses when `--templates` is not given, the first that exists of:
    /// 1. `Templates/` in the package checkout the generator was built from, located from this source file's
    ///    path at build time; this covers building in this repository and building the generator as a
    ///    dependency of another package (SwiftPM keeps the dependency's checkout on disk);
    /// 2. `../share/openapi-codegen/Templates` next to the executable, for an installed binary
    ///    (`<prefix>/bin/openapi-codegen` with `<prefix>/share/openapi-codegen/Templates`);
    /// 3. `Templates` next to the executable.
    ///
    /// When none exists, the first candidate is returned, and the pipeline reports it as missing.
    public static var directory: URL {
        let checkout = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Rendering
            .deletingLastPathComponent()  // GeneratorCore
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("Templates", isDirectory: true)
        var candidates = [checkout]
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() {
            candidates.append(
                executable.deletingLastPathComponent().appendingPathComponent("share/openapi-codegen/Templates"))
            candidates.append(executable.appendingPathComponent("Templates"))
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? checkout
    }
}

extension BuiltinTemplates {
    /// Writes every built-in template and partial into a folder, to start a folder of overrides from.
    /// - Parameters:
    ///   - source: the built-in templates folder.
    ///   - destination: the folder to write into; created when missing (with its parents).
    ///   - displayPath: how messages name `destination`.
    ///   - force: whether to replace files that already exist.
    /// - Returns: the paths written (`<displayPath>/Client.swift.mustache`, `<displayPath>/partials/…`), sorted.
    /// - Throws: `GenerationError.templates` naming every file that exists already (unless `force`), or a
    ///   destination that is not a folder, or a file that cannot be written; nothing is written then.
    public static func export(
        from source: URL = directory, to destination: URL, displayPath: String, force: Bool
    ) throws(GenerationError) -> [String] {
        let files = try TemplateRenderer.templateFiles(in: source, displayPath: "Templates")
        let names = files.keys.sorted().map { $0 + ".mustache" }
        func display(_ name: String) -> String { (displayPath as NSString).appendingPathComponent(name) }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw .templates([
                Diagnostic(
                    .error, "'\(displayPath)' is a file; expected a folder to export the templates into", at: nil)
            ])
        }
        if !force {
            let existing = names.filter {
                FileManager.default.fileExists(atPath: destination.appendingPathComponent($0).path)
            }
            if !existing.isEmpty {
                throw .templates(
                    existing.map {
                        Diagnostic(
                            .error, "file exists; pass --force to replace it",
                            at: SourceLocation(file: display($0), mark: nil))
                    })
            }
        }
        var written: [String] = []
        for name in names {
            let target = destination.appendingPathComponent(name)
            do {
                try FileManager.default.createDirectory(
                    at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(contentsOf: source.appendingPathComponent(name)).write(to: target)
            } catch {
                throw .templates([
                    Diagnostic(
                        .error, "cannot write the template: \(error.localizedDescription)",
                        at: SourceLocation(file: display(name), mark: nil))
                ])
            }
            written.append(display(name))
        }
        return written
    }
}
