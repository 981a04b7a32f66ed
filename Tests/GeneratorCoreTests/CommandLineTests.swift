import Foundation
import Testing

@testable import GeneratorCore

/// Runs the built `openapi-codegen` executable as a user would.
struct CommandResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

/// The built `openapi-codegen` executable.
func generatorExecutable() throws -> URL {
    let candidates = [
        Bundle.main.executableURL?.deletingLastPathComponent(),
        Bundle.main.bundleURL.deletingLastPathComponent(),
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        TestPaths.root.appendingPathComponent(".build/debug"),
    ].compactMap { $0?.appendingPathComponent("openapi-codegen") }
    return try #require(
        candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }, "openapi-codegen is not built")
}

/// Runs the generator (the built one unless `executable` is given) with `arguments` in `folder` and waits for
/// it. With a `launcher` (a command and its arguments, such as `/bin/sh -c 'ulimit -f 16; exec "$0" "$@"'`), runs
/// the launcher with the generator's path and `arguments` after its own.
func runGenerator(
    _ arguments: [String], in folder: URL, launcher: [String] = [], executable: URL? = nil
) throws -> CommandResult {
    let executable = try executable ?? generatorExecutable()
    let process = Process()
    if launcher.isEmpty {
        process.executableURL = executable
        process.arguments = arguments
    } else {
        process.executableURL = URL(fileURLWithPath: launcher[0])
        process.arguments = Array(launcher.dropFirst()) + [executable.path] + arguments
    }
    process.currentDirectoryURL = folder
    let folderForOutput = try TestPaths.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folderForOutput) }
    let outputURL = folderForOutput.appendingPathComponent("stdout")
    let errorURL = folderForOutput.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
    process.standardOutput = try FileHandle(forWritingTo: outputURL)
    process.standardError = try FileHandle(forWritingTo: errorURL)
    try process.run()
    process.waitUntilExit()
    return CommandResult(
        status: process.terminationStatus,
        standardOutput: try String(contentsOf: outputURL, encoding: .utf8),
        standardError: try String(contentsOf: errorURL, encoding: .utf8))
}

/// A copy of the repository's inputs in a temporary folder: the document, its configuration and overlay, Generated/.
func makeWorkspace() throws -> URL {
    let folder = try TestPaths.temporaryFolder()
    for name in ["openapi.yaml", "openapi-codegen.yaml", "openapi.overlay.yaml", "Generated"] {
        try FileManager.default.copyItem(
            at: TestPaths.root.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
    return folder
}

@Suite(.serialized) struct CommandLineTests {
    /// `--overlay` files apply after the configuration's, and their diagnostics name them.
    @Test func overlayOptionAppliesAfterTheConfiguration() throws {
        let folder = try makeWorkspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let extra =
            "overlay: 1.0.0\ninfo: {title: t, version: '1'}\nactions:\n  - target: $.components.schemas.Pet\n    remove: true\n"
        try Data(extra.utf8).write(to: folder.appendingPathComponent("extra.yaml"))
        let result = try runGenerator(["generate", "--check", "--overlay", "extra.yaml"], in: folder)
        #expect(result.status == 0)
        #expect(
            result.standardError
                == "extra.yaml:4:13: warning: overlay target '$.components.schemas.Pet' matches nothing in "
                + "'openapi.yaml'; the action is skipped\n")
    }

    @Test func defaultsRegenerateNothingWhenUpToDate() throws {
        let folder = try makeWorkspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runGenerator(["generate"], in: folder)
        #expect(result.status == 0)
        // The overlay the configuration names fixes what the document would be warned about.
        #expect(result.standardError == "")
        // Hidden files are not generated Swift: the run's manifest (`.openapi-codegen-manifest`) is one.
        let checkedIn = try FileManager.default.contentsOfDirectory(
            atPath: folder.appendingPathComponent("Generated").path
        ).filter { !$0.hasPrefix(".") }
        #expect(result.standardOutput == "Generated: 0 written, \(checkedIn.count) unchanged, 0 removed\n")
        #expect(try runGenerator(["generate", "--check"], in: folder).status == 0)
        // Run again, now with the manifest: the same output, without generating.
        #expect(try runGenerator(["generate"], in: folder).standardOutput == result.standardOutput)
    }

    @Test func checkNamesStaleFilesAndWritesNothing() throws {
        let folder = try makeWorkspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let taskID = folder.appendingPathComponent("Generated/TaskID.swift")
        let edited = try String(contentsOf: taskID, encoding: .utf8) + "// edited\n"
        try Data(edited.utf8).write(to: taskID)
        let result = try runGenerator(["generate", "--check"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError.contains("Generated/TaskID.swift: error: file is stale"))
        #expect(try String(contentsOf: taskID, encoding: .utf8) == edited)

        #expect(try runGenerator(["generate"], in: folder).status == 0)
        #expect(try String(contentsOf: taskID, encoding: .utf8) != edited)
        #expect(try runGenerator(["generate", "--check"], in: folder).status == 0)
    }

    @Test func inputErrorsExitOneAndLeaveTheOutputUntouched() throws {
        let folder = try makeWorkspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try FileManager.default.contentsOfDirectory(
            atPath: folder.appendingPathComponent("Generated").path
        ).sorted()
        try Data(
            "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {'200': {description: ok}}\n    get:\n      x: 1\n"
                .utf8
        )
        .write(to: folder.appendingPathComponent("broken.yaml"))
        let result = try runGenerator(["generate", "broken.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.standardError.contains(
                "broken.yaml:7:5: error: duplicate mapping key 'get'; the first is at line 5, column 5"))
        let after = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Generated").path)
            .sorted()
        #expect(before == after)
    }

    @Test func moduleNameNotSpelledAsSwiftWouldIsRejectedWithTheSpellingToUse() throws {
        let folder = try makeWorkspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runGenerator(["generate", "--check", "--module-name", "CambApi"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "error: module name 'CambApi' is not an UpperCamelCase Swift identifier; did you mean 'CambAPI'?\n")
    }

    @Test func unknownOptionIsAUsageError() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runGenerator(["generate", "--no-such-option"], in: folder)
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("error: unknown option '--no-such-option'"))
    }

    @Test func mistypedSubcommandIsAUsageError() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runGenerator(["generat"], in: folder)
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("error: 'generat' is neither a subcommand nor an existing document"))
    }

    @Test func missingDocumentIsAnError() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runGenerator(["generate", "nowhere.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError == "nowhere.yaml: error: cannot read the document: no such file\n")
    }

    @Test func templatesExportWritesEveryTemplateOnceUnlessForced() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try runGenerator(["templates", "export", "MyTemplates"], in: folder)
        #expect(first.status == 0)
        let lines = first.standardOutput.split(separator: "\n")
        #expect(lines.count == TestPaths.templateFileCount)  // file templates and partials
        #expect(lines.contains("wrote MyTemplates/Operation.swift.mustache"))
        #expect(lines.contains("wrote MyTemplates/partials/queryItems.mustache"))
        let again = try runGenerator(["templates", "export", "MyTemplates"], in: folder)
        #expect(again.status == 1)
        #expect(again.standardOutput == "")
        let errors = again.standardError.split(separator: "\n")
        #expect(errors.count == TestPaths.templateFileCount)
        #expect(errors.contains("MyTemplates/Enum.swift.mustache: error: file exists; pass --force to replace it"))
        #expect(try runGenerator(["templates", "export", "MyTemplates", "--force"], in: folder).status == 0)
    }

    /// An exported folder trimmed to one edited template changes only the files that template lays out, given with
    /// `--templates` or in the configuration; a file that replaces no template is an error naming it.
    @Test func templatesFolderOverridesFileByFile() throws {
        let folder = try makeWorkspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let overrides = folder.appendingPathComponent("MyTemplates")
        try FileManager.default.createDirectory(at: overrides, withIntermediateDirectories: true)
        let alias = try String(
            contentsOf: TestPaths.templates.appendingPathComponent("TypeAlias.swift.mustache"), encoding: .utf8)
        try Data((alias + "// customised\n").utf8).write(
            to: overrides.appendingPathComponent("TypeAlias.swift.mustache"))
        let result = try runGenerator(["generate", "--templates", "MyTemplates", "--output", "Out"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let generated = folder.appendingPathComponent("Generated")
        let out = folder.appendingPathComponent("Out")
        // RunIDParam is the document's only type alias.
        let runID = try String(contentsOf: generated.appendingPathComponent("RunIDParam.swift"), encoding: .utf8)
        #expect(
            try String(contentsOf: out.appendingPathComponent("RunIDParam.swift"), encoding: .utf8)
                == runID + "// customised\n")
        #expect(
            FileManager.default.contents(atPath: out.appendingPathComponent("TaskID.swift").path)
                == FileManager.default.contents(atPath: generated.appendingPathComponent("TaskID.swift").path))

        // The same through the configuration's `templates`, relative to the configuration file.
        let configuration = folder.appendingPathComponent("openapi-codegen.yaml")
        let text = try String(contentsOf: configuration, encoding: .utf8)
        try Data((text + "templates: MyTemplates\n").utf8).write(to: configuration)
        let viaConfiguration = try runGenerator(["generate", "--output", "Out2"], in: folder)
        #expect(viaConfiguration.status == 0, "\(viaConfiguration.standardError)")
        #expect(
            try String(contentsOf: folder.appendingPathComponent("Out2/RunIDParam.swift"), encoding: .utf8)
                == runID + "// customised\n")

        try Data("{{banner}}\n".utf8).write(to: overrides.appendingPathComponent("Unoin.swift.mustache"))
        let unknown = try runGenerator(["generate", "--templates", "MyTemplates", "--output", "Out"], in: folder)
        #expect(unknown.status == 1)
        #expect(
            unknown.standardError
                == "MyTemplates/Unoin.swift.mustache: error: 'Unoin.swift' is not a template of openapi-codegen; "
                + "did you mean 'Union.swift'?\n")
    }

    @Test func responseStyleReturnsOutcomesAndAnUnknownStyleIsAUsageError() throws {
        let folder = try makeWorkspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bogus = try runGenerator(["generate", "--style", "respons"], in: folder)
        #expect(bogus.status == 2)
        #expect(
            bogus.standardError.hasPrefix(
                "error: unknown operation style 'respons'; did you mean 'response'?; expected 'throwing' or 'response'")
        )

        let result = try runGenerator(["generate", "--style", "response", "--output", "Out"], in: folder)
        #expect(result.status == 0, "\(result.standardError)")
        let operation = try String(
            contentsOf: folder.appendingPathComponent("Out/CambAIClient+GetDubbedOutputInAltFormat.swift"),
            encoding: .utf8)
        #expect(operation.contains("async throws(CambAIError) -> GetDubbedOutputInAltFormatOutcome {"))
        #expect(operation.contains("    case unprocessableContent(HTTPValidationError, headers: [String: String])\n"))
        // The 422 body is an outcome, so the error no longer has a case for it.
        let error = try String(contentsOf: folder.appendingPathComponent("Out/CambAIError.swift"), encoding: .utf8)
        #expect(!error.contains("httpValidationError"))

        // `operationStyle` in the configuration; `--style throwing` wins over it.
        let configuration = folder.appendingPathComponent("openapi-codegen.yaml")
        let text = try String(contentsOf: configuration, encoding: .utf8)
        try Data((text + "operationStyle: response\n").utf8).write(to: configuration)
        #expect(try runGenerator(["generate", "--check", "--output", "Out"], in: folder).status == 0)
        #expect(try runGenerator(["generate", "--check", "--style", "throwing"], in: folder).status == 0)
        try Data((text + "operationStyle: throws\n").utf8).write(to: configuration)
        let wrong = try runGenerator(["generate", "--check"], in: folder)
        #expect(wrong.status == 1)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count
        // (The document's own warnings follow: the configuration's overlay is not applied when it has errors.)
        #expect(
            wrong.standardError.hasPrefix(
                "openapi-codegen.yaml:\(line):17: error: unknown operation style 'throws'; expected 'throwing' or "
                    + "'response'\n"))
    }
}
