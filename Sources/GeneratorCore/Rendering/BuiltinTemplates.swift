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
