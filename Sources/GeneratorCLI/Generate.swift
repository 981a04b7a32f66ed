import ArgumentParser
import Foundation
import GeneratorCore

extension OutputLayout: ExpressibleByArgument {}

struct Generate: AsyncParsableCommand {
    // Each command names itself: ArgumentParser's default name is `String(describing:)` of the type, whose
    // conformance look-ups scan every conformance record of the process (about half a millisecond of each run).
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Regenerates the client from a document and templates.",
        discussion: """
            With no arguments, run from the repository root, regenerates Generated/ from openapi.yaml with the \
            built-in templates and openapi-codegen.yaml (when it exists beside the document). Unchanged files \
            are not rewritten; files the generator created earlier and no longer produces are removed; other \
            files are never touched. The folder is replaced as a whole, so a run that is stopped leaves it \
            as it was or as the new output. Diagnostics are printed as file:line:column: severity: message.
            """)

    @Argument(help: "The OpenAPI document (YAML or JSON).")
    var document: String = "openapi.yaml"

    @Option(
        help: ArgumentHelp(
            "A folder of templates and partials that replace the built-in ones of the same name.",
            discussion: "Overrides the configuration's templates; start one with 'openapi-codegen templates export'.",
            valueName: "dir"))
    var templates: String?

    @Option(
        help: ArgumentHelp(
            "How operations report documented statuses: throwing or response.",
            discussion: """
                throwing (the default) returns the success body and throws documented error bodies; response \
                returns an enum of every documented outcome. Overrides the configuration's operationStyle.
                """,
            valueName: "style"))
    var style: String?

    @Option(help: "The folder to write the generated Swift files into.")
    var output: String = "Generated"

    @Option(help: "The Swift module name; overrides the configuration's moduleName.")
    var moduleName: String?

    @Option(help: "The configuration file. Defaults to openapi-codegen.yaml beside the document, when it exists.")
    var config: String?

    @Option(
        name: .customLong("overlay"),
        help: ArgumentHelp(
            "An OpenAPI Overlay 1.0 document to apply to the document before generating; repeatable.",
            discussion: "Applied in order, after the overlays the configuration names.", valueName: "file"))
    var overlays: [String] = []

    @Option(
        help: ArgumentHelp(
            "Seconds to wait for another run writing the same output folder before failing.", valueName: "seconds"))
    var lockTimeout: Double = 60

    @Option(
        help: ArgumentHelp(
            "How declarations are spread over files; overrides the configuration's outputLayout.",
            discussion: """
                one-type-per-file (the default): a file per type, operation and runtime type. few-files: \
                Client.swift, Declarations1.swift to Declarations8.swift and Runtime.swift, whatever the document \
                declares.
                """))
    var layout: OutputLayout?

    @Flag(help: "Write nothing; exit 1 and name each stale file when the output folder is not up to date.")
    var check = false

    @Flag(help: "Print absolute paths in diagnostics, for build logs read from another folder.")
    var absolutePaths = false

    /// A document argument that names no file and looks like a word is most likely a mistyped subcommand.
    func validate() throws {
        let looksLikeAPath = document.contains("/") || document.contains(".")
        if !looksLikeAPath, !FileManager.default.fileExists(atPath: document) {
            throw ValidationError("'\(document)' is neither a subcommand nor an existing document")
        }
        if let style, OperationStyle(rawValue: style) == nil {
            throw ValidationError(OperationStyle.unknownMessage(style))
        }
    }

    func run() async throws {
        let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        func url(_ path: String) -> URL {
            URL(fileURLWithPath: path, relativeTo: workingDirectory).standardizedFileURL
        }
        let base = absolutePaths ? URL(fileURLWithPath: "/", isDirectory: true) : workingDirectory
        var options = Pipeline.Options(
            document: url(document), templates: BuiltinTemplates.directory, output: url(output),
            configuration: config.map(url), moduleName: moduleName, overlays: overlays.map(url), base: base,
            layout: layout, templateOverrides: templates.map(url),
            operationStyle: style.flatMap(OperationStyle.init(rawValue:)))
        options.lockTimeout = lockTimeout
        // The process ends after this one run: what the stages made is left to the exit, not freed piece by piece.
        options.keepsIntermediatesUntilExit = true
        let diagnostics = DiagnosticCollector()
        let pipeline = Pipeline(options: options, diagnostics: diagnostics)
        let outputPath = pipeline.display(options.output)
        if check {
            let report: OutputWriter.Report
            do {
                report = try await pipeline.check()
            } catch {
                emit(diagnostics)
                throw ExitCode(1)
            }
            emit(diagnostics)
            if report.isUpToDate {
                print("\(outputPath) is up to date (\(report.unchanged.count) files)")
                return
            }
            for name in report.written {
                printError("\(outputPath)/\(name): error: file is stale; regenerate (without --check) to update it")
            }
            for name in report.removed {
                printError(
                    "\(outputPath)/\(name): error: file is no longer generated; regenerate (without --check) to remove it"
                )
            }
            throw ExitCode(1)
        }
        let report: OutputWriter.Report
        do {
            report = try await pipeline.generate()
        } catch {
            emit(diagnostics)
            throw ExitCode(1)
        }
        emit(diagnostics)
        print(
            "\(outputPath): \(report.written.count) written, \(report.unchanged.count) unchanged, \(report.removed.count) removed"
        )
    }

    private func emit(_ diagnostics: DiagnosticCollector) {
        for diagnostic in diagnostics.sorted { printError(diagnostic.description) }
    }

    private func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
