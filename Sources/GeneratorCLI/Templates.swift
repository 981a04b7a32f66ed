import ArgumentParser
import Foundation
import GeneratorCore

/// `openapi-codegen templates`: the built-in templates.
struct Templates: AsyncParsableCommand {
    // Named here, not by ArgumentParser from the type (see `Generate.configuration`).
    static let configuration = CommandConfiguration(
        commandName: "templates", abstract: "Works with the built-in templates.", subcommands: [Export.self])

    /// `openapi-codegen templates export <dir> [--force]`.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Writes every built-in template and partial into a folder.",
            discussion: """
                Edit the files you want to change, delete the others, and pass the folder to generate with \
                --templates (or name it in the configuration's templates): each file there replaces the built-in \
                template of the same name. Existing files are not replaced unless --force is given.
                """)

        @Argument(help: ArgumentHelp("The folder to write the templates into; created when missing.", valueName: "dir"))
        var directory: String

        @Flag(help: "Replace files that already exist.")
        var force = false

        func run() async throws {
            let base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
            let destination = URL(fileURLWithPath: directory, relativeTo: base).standardizedFileURL
            do {
                let written = try BuiltinTemplates.export(to: destination, displayPath: directory, force: force)
                for path in written { print("wrote \(path)") }
            } catch {
                for diagnostic in error.diagnostics {
                    FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
                }
                throw ExitCode(1)
            }
        }
    }
}
