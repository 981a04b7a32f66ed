import Foundation

/// A rendered job: the file it would be in the one-type-per-file layout, the template that made it, and its text.
struct RenderedFile: Sendable {
    /// `TaskID.swift`.
    var fileName: String
    /// `Struct.swift`.
    var templateName: String
    /// As `TemplateRenderer.render` returns it (banner first).
    var text: String
    /// The text's size and hash for the manifest, when asked for (`Pipeline.presentAndRender`'s `hashing`): made
    /// on the thread that rendered the text, while its bytes are in that core's cache.
    var output: GenerationManifest.Output? = nil
    /// The file this text follows rather than being a file of its own (`Presenter.Job.partOf`).
    var partOf: String? = nil
}

extension Pipeline {
    /// Presents and renders every job of a plan on every core (at most 8 threads): each thread presents a job and
    /// renders it at once, so that the second core also presents, and a job's context is freed as soon as its text
    /// is made, on its thread, whose next jobs reuse that memory. (Keeping every job until the process exited, as
    /// until 9bf0654, saved stripe 42M instructions of freeing but touched 23 MB more memory, 5,900 more page faults,
    /// which on this machine cost more system time than the freeing costs user time.)
    ///
    /// The jobs are cut into blocks of neighbouring jobs (`defaultBlockSize(count:workers:)`), and each thread
    /// claims the next unclaimed block whenever it has finished one (`BlockClaims`), so that a thread whose jobs
    /// turned out cheaper takes more of them: dealing the blocks in turn left one of box's two threads idle for
    /// about a fifth of the phase. Each thread has its own doc-lines cache. The texts come back in the plan's
    /// order, and the error of a failed render is that of the first job (by index) that failed, so that neither
    /// depends on which thread rendered what.
    /// - Parameters:
    ///   - workers: the number of threads; `nil` for the number of active cores, at most 8.
    ///   - hashing: whether each file's manifest entry (`RenderedFile.output`) is made too.
    /// - Returns: every job's rendered file, in the plan's order.
    /// - Throws: `GenerationError.templates` for a template that is missing or does not begin with the banner.
    static func presentAndRender(
        _ plan: Presenter.JobPlan, with renderer: TemplateRenderer, workers: Int? = nil, hashing: Bool = false
    ) async throws(GenerationError) -> [RenderedFile] {
        let count = plan.count
        let workers = max(1, min(workers ?? min(ProcessInfo.processInfo.activeProcessorCount, 8), count))
        let blockSize = defaultBlockSize(count: count, workers: workers)
        let claims = BlockClaims(count: (count + blockSize - 1) / blockSize)
        typealias Outcome = (
            worker: Int, blocks: [(block: Int, files: [RenderedFile])], failure: (Int, GenerationError)?
        )
        let outcomes = await withTaskGroup(of: Outcome.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    // The first thread keeps the presenter's maker, which already holds the module's doc comments;
                    // the others start from its seed (the document's texts, made while it was resolved).
                    let plan = worker == 0 ? plan : plan.withDocLines(plan.presenter.docLinesMaker.sibling())
                    var blocks: [(block: Int, files: [RenderedFile])] = []
                    while let block = claims.next() {
                        var files: [RenderedFile] = []
                        files.reserveCapacity(blockSize)
                        for index in block * blockSize..<min(block * blockSize + blockSize, count) {
                            let job = plan.job(at: index)
                            switch Result(catching: { () throws(GenerationError) -> String in
                                try renderer.render(job)
                            }) {
                            case .success(let text):
                                files.append(
                                    RenderedFile(
                                        fileName: job.fileName, templateName: job.templateName, text: text,
                                        output: hashing && job.partOf == nil
                                            ? GenerationManifest.output(named: job.fileName, text: text) : nil,
                                        partOf: job.partOf))
                            case .failure(let error):
                                // No block is claimed after this one; those before it are claimed already, and
                                // their threads finish them, so the lowest failure of all is among those reported.
                                claims.stop()
                                return (worker, blocks, (index, error))
                            }
                        }
                        blocks.append((block, files))
                    }
                    return (worker, blocks, nil)
                }
            }
            var outcomes: [Outcome?] = Array(repeating: nil, count: workers)
            for await outcome in group { outcomes[outcome.worker] = outcome }
            return outcomes.map { $0! }
        }
        if let (_, error) = outcomes.compactMap({ $0.failure }).min(by: { $0.0 < $1.0 }) { throw error }
        // Every block was claimed once and finished: put them back in order.
        var ordered = [[RenderedFile]](repeating: [], count: claims.count)
        for outcome in outcomes {
            for (block, files) in outcome.blocks { ordered[block] = files }
        }
        var files: [RenderedFile] = []
        files.reserveCapacity(count)
        for block in ordered { files.append(contentsOf: block) }
        return files
    }

    /// The size of the blocks of jobs the threads claim: 32 jobs, fewer when there are not 8 blocks per thread, at
    /// least 1. Blocks of neighbouring jobs, rather than one job each, keep a thread's doc-lines cache useful
    /// (neighbouring types share texts) and make claims rare; many blocks per thread let the threads finish close
    /// together (an operation costs more than an enum, and operations come last).
    static func defaultBlockSize(count: Int, workers: Int) -> Int {
        max(1, min(32, count / max(1, workers * 8)))
    }
}

/// The blocks `0..<count`, handed out once each, in increasing order, to whichever thread asks first
/// (`Pipeline.presentAndRender`); after `stop()`, none.
final class BlockClaims: @unchecked Sendable {
    let count: Int
    private var nextBlock = 0
    private var isStopped = false
    private let lock = NSLock()

    init(count: Int) { self.count = count }

    /// The lowest block not yet handed out, or `nil` when every block has been, or after `stop()`.
    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard !isStopped, nextBlock < count else { return nil }
        nextBlock += 1
        return nextBlock - 1
    }

    /// Hands out no further block.
    func stop() {
        lock.lock()
        isStopped = true
        lock.unlock()
    }
}
