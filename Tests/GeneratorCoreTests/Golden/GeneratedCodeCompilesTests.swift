import Foundation
import Testing

@testable import GeneratorCore

/// Generates a module from each document in `Tests/Fixtures/compile/` and `Tests/Fixtures/cases/` (copies of the
/// field cases), and from any newer field case in `../shared/cases/` when that folder is present, into one temporary
/// package, and builds it: the generated Swift must compile for every name, recursion and response shape those
/// documents contain. A document with a `<name>.checks.swift` beside it also gets an executable of those checks,
/// built against its module and run; it must exit 0. The same package holds `CambAIFewFiles`, the repository's
/// `openapi.yaml` generated in the `few-files` layout (what the build tool plugin generates), with the checks of
/// `Tests/Fixtures/layout/CambAIFewFiles.checks.swift`: both layouts compile, and to a client that works.
/// Set `SKIP_COMPILE_TESTS=1` to skip locally.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["SKIP_COMPILE_TESTS"] == nil))
struct GeneratedCodeCompilesTests {
    /// Documents the generator rejects on purpose, with the reason.
    static let rejected: Set<String> = []

    func documents() throws -> [URL] {
        var result = FixtureDocuments.inRepository()
        // Field cases added to the shared folder since they were copied: optional extra inputs.
        let copied = Set(result.map(\.lastPathComponent))
        result += FixtureDocuments.documents(in: TestPaths.shared.appendingPathComponent("cases"))
            .filter { !copied.contains($0.lastPathComponent) }
        return result.filter { !Self.rejected.contains($0.lastPathComponent) }
    }

    @Test func everyDocumentGeneratesCodeThatCompiles() async throws {
        let package = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: package) }
        var modules: [String] = []
        var checks: [String] = []
        let fixtures = TestPaths.fixtures.appendingPathComponent("compile")
        /// Generates one module into the package, with its checks executable when it has a checks file. In the
        /// few-files layout the module name comes from the configuration (`CambAI` for openapi.yaml), so the
        /// runtime types take that name while the target is `module`.
        func add(
            _ document: URL, module: String, configuration: URL?, style: OperationStyle = .throwing,
            layout: OutputLayout = .oneTypePerFile, checksFile: URL
        ) async {
            let output = package.appendingPathComponent("Sources/\(module)")
            let diagnostics = DiagnosticCollector()
            let options = Pipeline.Options(
                document: document, templates: TestPaths.templates, output: output, configuration: configuration,
                moduleName: layout == .fewFiles ? nil : module, base: document.deletingLastPathComponent(),
                layout: layout, operationStyle: style)
            do {
                let report = try await Pipeline(options: options, diagnostics: diagnostics).generate()
                if layout == .fewFiles {
                    #expect(report.written.sorted() == OutputLayoutTests.fewFileNames)
                }
                modules.append(module)
                if FileManager.default.fileExists(atPath: checksFile.path) {
                    let folder = package.appendingPathComponent("Sources/\(module)Checks")
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    try FileManager.default.copyItem(at: checksFile, to: folder.appendingPathComponent("main.swift"))
                    // The support file imports the module it checks, and names its runtime types the same way
                    // whatever the module is called. The runtime types are named after the module name the code
                    // was generated for: the configuration's `CambAI` for the few-files build of openapi.yaml.
                    let prefix = layout == .fewFiles ? "CambAI" : module
                    let support = try String(
                        contentsOf: fixtures.appendingPathComponent("CheckSupport.swift"), encoding: .utf8)
                    try Data(
                        """
                        import \(module)
                        typealias CheckedTransport = \(prefix)Transport
                        typealias CheckedRequest = \(prefix)Request
                        typealias CheckedResponse = \(prefix)Response
                        \(support)
                        """.utf8
                    ).write(
                        to: folder.appendingPathComponent("CheckSupport.swift"))
                    checks.append(module)
                }
            } catch {
                Issue.record("\(document.lastPathComponent) did not generate:\n\(error)")
            }
        }
        for document in try documents() {
            await add(
                document, module: SwiftNamer().typeName(for: document.deletingPathExtension().lastPathComponent),
                configuration: FixtureDocuments.configuration(for: document),
                checksFile: FixtureDocuments.checks(for: document))
        }
        // The response style (every operation returns an enum of its outcomes), for the CambAI document and for
        // the fixture with ranges, `default` and bodiless statuses; their checks are in `Tests/Fixtures/styles/`.
        let styles = TestPaths.fixtures.appendingPathComponent("styles")
        await add(
            TestPaths.document, module: "CambAIOutcomes",
            configuration: TestPaths.root.appendingPathComponent("openapi-codegen.yaml"), style: .response,
            checksFile: styles.appendingPathComponent("openapi.checks.swift"))
        await add(
            fixtures.appendingPathComponent("responses.yaml"), module: "ResponsesOutcomes", configuration: nil,
            style: .response, checksFile: styles.appendingPathComponent("responses.checks.swift"))
        // Several media types of one status, and typed headers, in the response style.
        await add(
            fixtures.appendingPathComponent("variants.yaml"), module: "VariantsOutcomes", configuration: nil,
            style: .response, checksFile: styles.appendingPathComponent("variants.checks.swift"))
        // The streaming methods in the response style, whose error has no cases for documented bodies.
        await add(
            fixtures.appendingPathComponent("streams.yaml"), module: "StreamsOutcomes", configuration: nil,
            style: .response, checksFile: styles.appendingPathComponent("streams.checks.swift"))
        // openapi.yaml in the few-files layout, what the build tool plugin generates.
        await add(
            TestPaths.document, module: "CambAIFewFiles",
            configuration: TestPaths.root.appendingPathComponent("openapi-codegen.yaml"), layout: .fewFiles,
            checksFile: TestPaths.fixtures.appendingPathComponent("layout/CambAIFewFiles.checks.swift"))
        #expect(checks.contains("CambAIOutcomes") && checks.contains("ResponsesOutcomes"))
        #expect(modules.count >= 3)
        let targets =
            (modules.map { ".target(name: \"\($0)\")" }
            + checks.map {
                ".executableTarget(name: \"\($0)Checks\", dependencies: [\"\($0)\"], swiftSettings: [.swiftLanguageMode(.v5)])"
            })
            .joined(separator: ",\n")
        let manifest = """
            // swift-tools-version:6.0
            import PackageDescription
            let package = Package(name: "Generated", platforms: [.macOS(.v13)], targets: [\(targets)])

            """
        try Data(manifest.utf8).write(to: package.appendingPathComponent("Package.swift"))

        let build = try run(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "swift", "build", "--package-path", package.path, "--scratch-path",
                package.appendingPathComponent(".build").path,
            ],
            log: package.appendingPathComponent("build.log"))
        if build.status != 0 {
            let errors = Set(build.output.split(separator: "\n").filter { $0.contains("error:") }.map(String.init))
                .sorted()
            Issue.record("generated code does not compile:\n\(errors.prefix(40).joined(separator: "\n"))")
            return
        }
        // The generated modules compile without a warning (the checks programs may warn: they call deprecated API
        // on purpose). A warning in a user's build of generated code is noise they cannot fix.
        let sources = package.appendingPathComponent("Sources").path + "/"
        let warnings = Set(
            build.output.split(separator: "\n").map(String.init).filter {
                $0.hasPrefix(sources) && $0.contains(": warning: ")
                    && !$0.dropFirst(sources.count).prefix { $0 != "/" }.hasSuffix("Checks")
            }
        ).sorted()
        #expect(
            warnings.isEmpty, "generated code compiles with warnings:\n\(warnings.prefix(40).joined(separator: "\n"))")
        #expect(checks.count >= 5)
        #expect(checks.contains("CambAIFewFiles"))
        for module in checks {
            let result = try run(
                package.appendingPathComponent(".build/debug/\(module)Checks"), [],
                log: package.appendingPathComponent("\(module)Checks.log"))
            #expect(result.status == 0, "\(module) checks:\n\(result.output)")
        }
    }

    /// Runs a program to completion, its output (standard output and error together) going to `log`.
    func run(_ executable: URL, _ arguments: [String], log: URL) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, try String(contentsOf: log, encoding: .utf8))
    }
}
