import Foundation
import Testing

@testable import GeneratorCore

/// A run whose inputs are those the output folder's manifest records, over untouched output, generates nothing;
/// anything else that changed (an output file, an input, a template) means a full run.
@Suite struct NoOpRegenerationTests {
    /// The repository's document, configuration and overlay in a temporary folder, generating into `Out`.
    struct Workspace {
        let folder: URL
        var output: URL { folder.appendingPathComponent("Out") }
        var templateOverrides: URL?

        init() throws {
            folder = try TestPaths.temporaryFolder()
            for name in ["openapi.yaml", "openapi-codegen.yaml", "openapi.overlay.yaml"] {
                try FileManager.default.copyItem(
                    at: TestPaths.root.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            }
        }

        func generate() async throws -> (report: OutputWriter.Report, diagnostics: [Diagnostic]) {
            let diagnostics = DiagnosticCollector()
            let options = Pipeline.Options(
                document: folder.appendingPathComponent("openapi.yaml"), templates: TestPaths.templates,
                output: output, base: folder, templateOverrides: templateOverrides)
            let report = try await Pipeline(options: options, diagnostics: diagnostics).generate()
            return (report, diagnostics.sorted)
        }

        func file(_ name: String) -> Data? {
            FileManager.default.contents(atPath: output.appendingPathComponent(name).path)
        }

        func append(_ text: String, to url: URL) throws {
            let handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
            try handle.close()
        }
    }

    @Test func anUnchangedRunGeneratesNothing() async throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.folder) }
        let first = try await workspace.generate().report
        #expect(!first.skippedGeneration)
        #expect(first.written.contains("CambAIClient.swift"))
        #expect(first.written.contains("Languages.swift"))
        #expect(!first.written.contains(GenerationManifest.fileName))
        #expect(workspace.file(GenerationManifest.fileName) != nil)
        let before = snapshot(workspace.output)

        let second = try await workspace.generate().report
        #expect(second.skippedGeneration)
        #expect(second.written.isEmpty && second.removed.isEmpty)
        #expect(second.unchanged == first.written.sorted())
        #expect(snapshot(workspace.output) == before)
    }

    @Test func aSkippedRunReportsTheWarningsOfTheRunItSkips() async throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.folder) }
        // Without the overlay the configuration names, the document gets two warnings (see README).
        try Data("moduleName: CambAI\n".utf8).write(to: workspace.folder.appendingPathComponent("openapi-codegen.yaml"))
        let first = try await workspace.generate()
        #expect(first.diagnostics.filter { $0.severity == .warning }.count == 2)
        let second = try await workspace.generate()
        #expect(second.report.skippedGeneration)
        #expect(second.diagnostics == first.diagnostics)
    }

    @Test func anEditedOutputFileIsRepaired() async throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.folder) }
        _ = try await workspace.generate()
        let original = try #require(workspace.file("Languages.swift"))
        try workspace.append("// edited by hand\n", to: workspace.output.appendingPathComponent("Languages.swift"))

        let report = try await workspace.generate().report
        #expect(!report.skippedGeneration)
        #expect(report.written == ["Languages.swift"])
        #expect(workspace.file("Languages.swift") == original)
        #expect(try await workspace.generate().report.skippedGeneration)
    }

    @Test func anEditOfTheSameSizeIsNoticed() async throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.folder) }
        _ = try await workspace.generate()
        let url = workspace.output.appendingPathComponent("Languages.swift")
        let original = try #require(workspace.file("Languages.swift"))
        var edited = original
        edited[edited.count - 2] = edited[edited.count - 2] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        try edited.write(to: url)

        let report = try await workspace.generate().report
        #expect(report.written == ["Languages.swift"])
        #expect(workspace.file("Languages.swift") == original)
    }

    @Test func aDeletedOutputFileIsRestored() async throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.folder) }
        _ = try await workspace.generate()
        let original = try #require(workspace.file("CambAIClient.swift"))
        try FileManager.default.removeItem(at: workspace.output.appendingPathComponent("CambAIClient.swift"))

        let report = try await workspace.generate().report
        #expect(!report.skippedGeneration)
        #expect(report.written == ["CambAIClient.swift"])
        #expect(workspace.file("CambAIClient.swift") == original)
    }

    @Test func aDeletedManifestMeansAFullRunThatWritesItAgain() async throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.folder) }
        _ = try await workspace.generate()
        let manifest = try #require(workspace.file(GenerationManifest.fileName))
        try FileManager.default.removeItem(at: workspace.output.appendingPathComponent(GenerationManifest.fileName))

        let report = try await workspace.generate().report
        #expect(!report.skippedGeneration)
        #expect(report.written.isEmpty)
        #expect(workspace.file(GenerationManifest.fileName) == manifest)
        #expect(try await workspace.generate().report.skippedGeneration)
    }

    @Test func aStaleGeneratedFileIsRemoved() async throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.folder) }
        _ = try await workspace.generate()
        try Data("// Generated by openapi-codegen from openapi.yaml.\nstruct Old {}\n".utf8).write(
            to: workspace.output.appendingPathComponent("Old.swift"))
        try Data("a user's notes\n".utf8).write(to: workspace.output.appendingPathComponent("NOTES.txt"))

        let report = try await workspace.generate().report
        #expect(!report.skippedGeneration)
        #expect(report.removed == ["Old.swift"])
        #expect(workspace.file("NOTES.txt") == Data("a user's notes\n".utf8))
        // The user's file does not stop later runs from being skipped.
        #expect(try await workspace.generate().report.skippedGeneration)
    }

    @Test func aChangedConfigurationRegenerates() async throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.folder) }
        _ = try await workspace.generate()
        let configuration = workspace.folder.appendingPathComponent("openapi-codegen.yaml")
        let text = try String(contentsOf: configuration, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "moduleName: CambAI", with: "moduleName: Dubbing").utf8).write(
            to: configuration)

        let report = try await workspace.generate().report
        #expect(!report.skippedGeneration)
        #expect(report.written.contains("DubbingClient.swift"))
        #expect(report.removed.contains("CambAIClient.swift"))
    }

    @Test func aChangedOverlayOrDocumentRunsTheGeneratorAgain() async throws {
        let workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.folder) }
        _ = try await workspace.generate()
        // A comment changes the bytes, not the output: the generator runs and finds every file unchanged.
        try workspace.append("# a comment\n", to: workspace.folder.appendingPathComponent("openapi.overlay.yaml"))
        let afterOverlay = try await workspace.generate().report
        #expect(!afterOverlay.skippedGeneration)
        #expect(afterOverlay.isUpToDate)
        #expect(try await workspace.generate().report.skippedGeneration)

        try workspace.append("# a comment\n", to: workspace.folder.appendingPathComponent("openapi.yaml"))
        let afterDocument = try await workspace.generate().report
        #expect(!afterDocument.skippedGeneration)
        #expect(afterDocument.isUpToDate)
    }

    @Test func aChangedTemplateRegenerates() async throws {
        var workspace = try Workspace()
        defer { try? FileManager.default.removeItem(at: workspace.folder) }
        let overrides = workspace.folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: overrides, withIntermediateDirectories: true)
        let template = overrides.appendingPathComponent("Enum.swift.mustache")
        try FileManager.default.copyItem(
            at: TestPaths.templates.appendingPathComponent("Enum.swift.mustache"), to: template)
        workspace.templateOverrides = overrides
        _ = try await workspace.generate()
        #expect(try await workspace.generate().report.skippedGeneration)

        try workspace.append("// from the changed template\n", to: template)
        let report = try await workspace.generate().report
        #expect(!report.skippedGeneration)
        #expect(report.written.contains("Languages.swift"))
        let languages = String(decoding: try #require(workspace.file("Languages.swift")), as: UTF8.self)
        #expect(languages.hasSuffix("// from the changed template\n"))
    }

    @Test func manifestTextReadsBackWithEscapedFields() throws {
        let manifest = GenerationManifest(
            inputs: ["document /a b/openapi.yaml 12 abc", "setting tab=\t"],
            diagnostics: [
                Diagnostic(
                    .warning, "a message with a tab\there, a newline\nand a backslash \\",
                    at: SourceLocation(file: "openapi.yaml", mark: SourceMark(line: 3, column: 7)),
                    pointer: "#/components/schemas/Pet"),
                Diagnostic(.note, "no location", at: nil),
                Diagnostic(
                    .warning, "from an overlay",
                    at: SourceLocation(file: "x.yaml", mark: SourceMark(line: 1, column: 2, file: "o.yaml"))),
            ],
            files: ["A.swift": "struct A {}\n", "B.swift": ""])
        #expect(GenerationManifest(text: manifest.text) == manifest)
        #expect(manifest.outputs.map(\.size) == [12, 0])
        #expect(GenerationManifest(text: "something else\n") == nil)
        #expect(GenerationManifest(text: manifest.text + "output\tnot-hex\t1\tC.swift\n") == nil)
    }

    /// A carriage return and newline pair is one character, and so is a backslash with a combining mark after it:
    /// each is escaped byte by byte and reads back as it was.
    @Test func fieldsWithCharactersOfSeveralScalarsReadBack() throws {
        let manifest = GenerationManifest(
            inputs: ["setting crlf=a\r\nb", "setting mark=\\\u{301}"],
            diagnostics: [Diagnostic(.note, "line one\r\nline two \\\u{301}", at: nil)],
            files: ["C\u{301}.swift": "struct C {}\n"])
        let text = manifest.text
        #expect(text.contains("input\tsetting crlf=a\\r\\nb\n"))
        #expect(text.contains("input\tsetting mark=\\\\\u{301}\n"))
        #expect(text.utf8.filter { $0 == UInt8(ascii: "\r") }.isEmpty)
        #expect(GenerationManifest(text: text) == manifest)
    }

    @Test func contentHashSeesEveryByteAndTheLength() {
        func hash(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { ContentHash.of($0) } }
        let text = Array("struct Pet: Codable { var name: String }\n".utf8)
        var seen: Set<UInt64> = [hash(text)]
        for index in text.indices {
            var changed = text
            changed[index] ^= 1
            #expect(seen.insert(hash(changed)).inserted, "a change of byte \(index) goes unnoticed")
        }
        // Zero bytes of every length up to 17 (whole words and tails) hash differently.
        for count in 0...17 {
            #expect(seen.insert(hash([UInt8](repeating: 0, count: count))).inserted, "\(count) zero bytes")
        }
    }

    /// The function its comment describes, so that manifests written before stay valid: values computed by a
    /// separate implementation of that description (Python, integers taken modulo 2^64), for an empty text, a
    /// tail alone, one word and a tail, and two whole words.
    @Test func contentHashIsTheDocumentedFunction() {
        func hash(_ text: String) -> UInt64 { Array(text.utf8).withUnsafeBytes { ContentHash.of($0) } }
        #expect(hash("") == 0x81bc_765e_bb74_ba00)
        #expect(hash("a") == 0x1d0c_6117_c4f0_154c)
        #expect(hash("openapi") == 0xa583_282e_10d1_b8a2)
        #expect(hash("openapi-codegen") == 0x63b9_0802_82a3_9a29)
        #expect(hash("0123456789abcdef") == 0x6f2e_f5ea_502a_35c5)
        #expect(ContentHash.of(Data("openapi-codegen".utf8)) == 0x63b9_0802_82a3_9a29)
    }
}
