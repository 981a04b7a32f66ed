import Foundation
import Testing

@testable import GeneratorCore

/// Presenting and rendering on several threads (`Pipeline.presentAndRender`): the split of the jobs over the threads,
/// and that the texts come back whole and in the plan's order whatever the number of threads.
@Suite struct PresentAndRenderTests {
    @Test func blocksDealIndicesInTurn() {
        // No job: every thread gets nothing.
        #expect(Pipeline.blocks(count: 0, workers: 2, blockSize: 1) == [[], []])
        // One job: the first thread only.
        #expect(Pipeline.blocks(count: 1, workers: 2, blockSize: 1) == [[0], []])
        #expect(Pipeline.blocks(count: 2, workers: 2, blockSize: 1) == [[0], [1]])
        // Odd counts, the last block short.
        #expect(Pipeline.blocks(count: 5, workers: 2, blockSize: 2) == [[0, 1, 4], [2, 3]])
        #expect(Pipeline.blocks(count: 7, workers: 3, blockSize: 2) == [[0, 1, 6], [2, 3], [4, 5]])
        #expect(Pipeline.blocks(count: 3, workers: 2, blockSize: 32) == [[0, 1, 2], []])
        #expect(Pipeline.blocks(count: 5, workers: 1, blockSize: 2) == [[0, 1, 2, 3, 4]])
    }

    @Test func mergeRestoresTheOrder() {
        #expect(Pipeline.merge([["a", "b", "e"], ["c", "d"]], blockSize: 2) == ["a", "b", "c", "d", "e"])
        #expect(Pipeline.merge([[String](), []], blockSize: 1) == [])
        #expect(Pipeline.merge([["a"], []], blockSize: 1) == ["a"])
        for count in 0...9 {
            for workers in 1...4 {
                for blockSize in 1...3 {
                    let dealt = Pipeline.blocks(count: count, workers: workers, blockSize: blockSize)
                    #expect(dealt.count == workers)
                    #expect(
                        Pipeline.merge(dealt, blockSize: blockSize) == Array(0..<count),
                        "\(count) jobs, \(workers) threads, blocks of \(blockSize)")
                }
            }
        }
    }

    @Test func blockSizeIsAtMost32AndEightBlocksPerThread() {
        #expect(Pipeline.defaultBlockSize(count: 0, workers: 2) == 1)
        #expect(Pipeline.defaultBlockSize(count: 35, workers: 2) == 2)  // 35 / 16
        #expect(Pipeline.defaultBlockSize(count: 100, workers: 2) == 6)  // 100 / 16
        #expect(Pipeline.defaultBlockSize(count: 1_500, workers: 2) == 32)
        #expect(Pipeline.defaultBlockSize(count: 7, workers: 1) == 1)
    }

    /// On the repository's document, any number of threads gives the files of `Generated/`, in the plan's order:
    /// the 22 module templates' files first, the operation's last.
    @Test(arguments: [1, 2, 3, 8, 40])
    func everyThreadCountGivesTheGeneratedFilesInOrder(workers: Int) async throws {
        let (plan, renderer) = try await Self.repositoryPlan()
        let (files, jobs) = try await Pipeline.presentAndRender(
            plan, with: renderer, workers: workers, keepingJobs: true)
        let generated = try FileManager.default.contentsOfDirectory(atPath: TestPaths.generated.path)
            .filter { $0.hasSuffix(".swift") }
        #expect(files.count == 35)
        #expect(files.count == generated.count)
        #expect(Set(files.map(\.fileName)) == Set(generated))
        #expect(files.first?.fileName == "CambAIClient.swift")
        #expect(files.dropFirst().first?.fileName == "CambAIError.swift")
        #expect(files[21].fileName == "CambAIStreamedResponse.swift")
        #expect(files[21].templateName == "StreamedResponse.swift")
        #expect(files.last?.fileName == "CambAIClient+GetDubbedOutputInAltFormat.swift")
        #expect(files.last?.templateName == "Operation.swift")
        for file in files {
            let expected = try String(
                contentsOf: TestPaths.generated.appendingPathComponent(file.fileName), encoding: .utf8)
            #expect(file.text == expected, "\(file.fileName)")
        }
        // The jobs kept are every job once (in the threads' order).
        #expect(jobs.count == min(workers, 35))
        #expect(jobs.joined().map(\.fileName).sorted() == files.map(\.fileName).sorted())
    }

    /// The templates load while the document is read: a document with errors reports only its own, as when the
    /// templates loaded after it; a good document reports the templates' errors.
    @Test func theDocumentsErrorsComeBeforeTheTemplates() async throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-templates-\(UUID().uuidString)")
        let empty = try await render(document: "", templates: missing)
        #expect(empty.files == nil)
        #expect(empty.diagnostics.map(\.description) == ["openapi.yaml:1:1: error: the document is empty"])
        let good = try await render(
            document: "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\n", templates: missing)
        #expect(good.files == nil)
        #expect(good.diagnostics.map(\.description) == ["error: templates folder '\(missing.path)' does not exist"])
    }

    /// The few files put together at the same time are those put together one after another, and every file's
    /// manifest entry, made where its text is made, is the one the manifest makes from the finished files; in both
    /// layouts, with and without hashing.
    @Test(arguments: OutputLayout.allCases)
    func concurrentArrangingAndHashingChangeNothing(layout: OutputLayout) async throws {
        let (plan, renderer) = try await Self.repositoryPlan()
        let rendered = try await Pipeline.presentAndRender(
            plan, with: renderer, workers: 2, hashing: layout == .oneTypePerFile
        ).files
        #expect(rendered.allSatisfy { ($0.output != nil) == (layout == .oneTypePerFile) })
        let expected = layout.arrange(rendered, banner: plan.banner)
        #expect(expected.count == (layout == .fewFiles ? 10 : 35))
        let (files, outputs) = await layout.arrangeConcurrently(rendered, banner: plan.banner, hashing: true)
        #expect(files == expected)
        let manifest = GenerationManifest(inputs: [], diagnostics: [], files: expected)
        #expect(outputs.count == expected.count)
        #expect(files.keys.sorted().compactMap { outputs[$0] } == manifest.outputs)
        for output in manifest.outputs { #expect(output.size == expected[output.name]?.utf8.count) }
        let unhashed = await layout.arrangeConcurrently(rendered, banner: plan.banner, hashing: false)
        #expect(unhashed.files == expected)
        #expect(unhashed.outputs.isEmpty)
    }

    /// The plan of the repository's document (`openapi.yaml`) and the repository's templates, loaded.
    static func repositoryPlan() async throws -> (Presenter.JobPlan, TemplateRenderer) {
        let options = Pipeline.Options(
            document: TestPaths.document, templates: TestPaths.templates,
            output: FileManager.default.temporaryDirectory, base: TestPaths.root)
        let pipeline = Pipeline(options: options, diagnostics: DiagnosticCollector())
        let plan = try pipeline.present(Array(try Data(contentsOf: TestPaths.document))).plan
        return (plan, try await TemplateRenderer(directory: TestPaths.templates, displayPath: "Templates"))
    }
}
