import Foundation
import Testing

@testable import GeneratorCore

/// Presenting and rendering on several threads (`Pipeline.presentAndRender`): the split of the jobs over the threads,
/// and that the texts come back whole and in the plan's order whatever the number of threads.
@Suite struct PresentAndRenderTests {
    @Test func claimsHandEachBlockOutOnceInOrder() {
        let claims = BlockClaims(count: 3)
        #expect(claims.next() == 0)
        #expect(claims.next() == 1)
        #expect(claims.next() == 2)
        #expect(claims.next() == nil)
        #expect(claims.next() == nil)
        #expect(BlockClaims(count: 0).next() == nil)
        // Stopped: nothing more, although blocks are left.
        let stopped = BlockClaims(count: 3)
        #expect(stopped.next() == 0)
        stopped.stop()
        #expect(stopped.next() == nil)
    }

    @Test func claimsFromSeveralThreadsCoverEveryBlockOnce() {
        /// Each thread's list, stored under a lock.
        final class Lists: @unchecked Sendable {
            private var lists = [[Int]](repeating: [], count: 4)
            private let lock = NSLock()
            func set(_ list: [Int], at thread: Int) { lock.withLock { lists[thread] = list } }
            var all: [[Int]] { lock.withLock { lists } }
        }
        let claims = BlockClaims(count: 20_000)
        let claimed = Lists()
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            var list: [Int] = []
            while let block = claims.next() { list.append(block) }
            claimed.set(list, at: thread)
        }
        #expect(claimed.all.joined().sorted() == Array(0..<20_000))
        for list in claimed.all { #expect(list == list.sorted(), "each thread's blocks in increasing order") }
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
        let files = try await Pipeline.presentAndRender(plan, with: renderer, workers: workers)
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
            plan, with: renderer, workers: 2, hashing: layout == .oneTypePerFile)
        #expect(rendered.allSatisfy { ($0.output != nil) == (layout == .oneTypePerFile) })
        let expected = layout.arrange(rendered, banner: plan.banner)
        #expect(expected.count == (layout == .fewFiles ? 10 : 35))
        let (files, outputs) = await layout.arrangeConcurrently(rendered, banner: plan.banner, hashing: true)
        #expect(files.mapValues(\.string) == expected)
        let manifest = GenerationManifest(inputs: [], diagnostics: [], files: expected)
        #expect(outputs.count == expected.count)
        #expect(files.keys.sorted().compactMap { outputs[$0] } == manifest.outputs)
        for output in manifest.outputs { #expect(output.size == expected[output.name]?.utf8.count) }
        let unhashed = await layout.arrangeConcurrently(rendered, banner: plan.banner, hashing: false)
        #expect(unhashed.files.mapValues(\.string) == expected)
        #expect(unhashed.outputs.isEmpty)
    }

    /// Templates whose output lacks the banner: two, one of them the last job's (`Operation.swift`), or every one,
    /// so that several threads fail at once. Whatever the number of threads, and whichever thread meets which
    /// failure first, the error thrown is the first failing job's, by the plan's order.
    @Test(arguments: [1, 2, 3, 8], [false, true])
    func theFirstFailingJobsErrorIsThrown(workers: Int, breaksEveryTemplate: Bool) async throws {
        let templates = FileManager.default.temporaryDirectory.appendingPathComponent(
            "present-and-render-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
        defer { try? FileManager.default.removeItem(at: templates) }
        let (plan, _) = try await Self.repositoryPlan()
        let names = Set((0..<plan.count).map { plan.job(at: $0).templateName })
        let broken = breaksEveryTemplate ? names : ["Enum.swift", "Operation.swift"]
        for name in broken {
            try "no banner\n".write(
                to: templates.appendingPathComponent(name + ".mustache"), atomically: true, encoding: .utf8)
        }
        // The repository's document has an enum (`Languages`) before its one operation, the last job; its first job
        // is the client (`Client.swift`).
        let expected = breaksEveryTemplate ? "Client.swift" : "Enum.swift"
        let firstBroken = try #require((0..<plan.count).first { broken.contains(plan.job(at: $0).templateName) })
        #expect(plan.job(at: firstBroken).templateName == expected)
        let renderer = try await TemplateRenderer(directory: templates, displayPath: "Broken")
        do {
            _ = try await Pipeline.presentAndRender(plan, with: renderer, workers: workers)
            Issue.record("rendering with templates that lack the banner succeeded")
        } catch {
            guard case .templates(let diagnostics) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(diagnostics.map { $0.location?.file } == ["Broken/\(expected).mustache"])
        }
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
