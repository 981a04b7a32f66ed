import ArgumentParser
internal import CAllocatorTuning
import Foundation
import GeneratorCore

/// `openapi-codegen`: the command tree. Exit statuses: 0 success, 1 problems in the input (or a stale
/// output folder in check mode), 2 wrong usage.
@main
struct OpenAPICodegen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi-codegen",
        abstract: "Generates a Swift client library from an OpenAPI 3.0 or 3.1 document.",
        subcommands: [Generate.self, Templates.self],
        defaultSubcommand: Generate.self)

    /// Runs the command, mapping usage errors to exit status 2 (ArgumentParser's default is 64).
    static func main() async {
        // Under a file size limit (`ulimit -f`), writing past it raises SIGXFSZ, which kills the process without
        // a word; ignored, the write fails with EFBIG and the run reports it as an error.
        signal(SIGXFSZ, SIG_IGN)
        // Set as the program loaded (heaps grow 64 MiB at a time, not by one system call per allocation that does
        // not fit; see CAllocatorTuning.h); named here so that the command is seen to depend on it.
        _ = openapi_codegen_heap_growth_is_padded()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                // `error: unknown option '--x'`, in the same form as every other diagnostic.
                var message = message(for: error)
                if let first = message.first { message = first.lowercased() + message.dropFirst() }
                FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
                FileHandle.standardError.write(Data("note: run 'openapi-codegen generate --help' for usage\n".utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
