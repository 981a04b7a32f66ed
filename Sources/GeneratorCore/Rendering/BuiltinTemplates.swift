import Foundation

/// The templates that ship with the generator: the `Templates/` folder at the root of this package.
public enum BuiltinTemplates {
    /// The folder, located from this source file's path at build time, so it is found both when the
    /// generator is built in its own checkout and when it is built as a dependency of another package
    /// (SwiftPM keeps the dependency's checkout on disk). Copy it and pass `--templates` to customise.
    public static var directory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Rendering
            .deletingLastPathComponent()  // GeneratorCore
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // package root
            .appendingPathComponent("Templates", isDirectory: true)
    }
}
