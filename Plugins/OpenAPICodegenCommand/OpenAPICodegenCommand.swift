import Foundation
import PackagePlugin

/// `swift package openapi-codegen [generate options]`: runs the generator in the package's root folder, so
/// a package that depends on openapi-codegen regenerates its client without installing anything. Arguments
/// are those of `openapi-codegen generate`; `--check` verifies without writing.
///
///     swift package --allow-writing-to-package-directory openapi-codegen
///     swift package --allow-writing-to-package-directory openapi-codegen --check
///
/// SwiftPM asks for the write permission in both cases: a command plugin declares its permissions once.
@main
struct OpenAPICodegenCommand: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let tool = try context.tool(named: "openapi-codegen")
        let process = Process()
        process.executableURL = tool.url
        process.arguments = ["generate"] + arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GeneratorFailed(status: process.terminationStatus)
        }
    }
}

struct GeneratorFailed: Error, CustomStringConvertible {
    let status: Int32
    var description: String { "openapi-codegen exited with status \(status)" }
}
