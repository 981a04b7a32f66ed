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
    /// is made (unless `keepingJobs`).
    ///
    /// The jobs are dealt to the threads in blocks (`blocks(count:workers:blockSize:)`), a fixed split that depends
    /// only on the number of jobs and of cores; each thread has its own doc-lines cache. The texts come back in the
    /// plan's order, and the error of a failed render is that of the first job (by index) that failed, so that
    /// neither depends on which thread finishes first.
    /// - Parameters:
    ///   - workers: the number of threads; `nil` for the number of active cores, at most 8.
    ///   - keepingJobs: whether the jobs (and their contexts) are returned, to keep until the process exits rather
    ///     than free each one.
    ///   - hashing: whether each file's manifest entry (`RenderedFile.output`) is made too.
    /// - Returns: every job's rendered file, in the plan's order, and when `keepingJobs` the jobs, each thread's in a
    ///   list of its own.
    /// - Throws: `GenerationError.templates` for a template that is missing or does not begin with the banner.
    static func presentAndRender(
        _ plan: Presenter.JobPlan, with renderer: TemplateRenderer, workers: Int? = nil, keepingJobs: Bool = false,
        hashing: Bool = false
    ) async throws(GenerationError) -> (files: [RenderedFile], jobs: [[Presenter.Job]]) {
        let count = plan.count
        let workers = max(1, min(workers ?? min(ProcessInfo.processInfo.activeProcessorCount, 8), count))
        let blockSize = defaultBlockSize(count: count, workers: workers)
        let dealt = blocks(count: count, workers: workers, blockSize: blockSize)
        typealias Outcome = (
            worker: Int, files: [RenderedFile], jobs: [Presenter.Job], failure: (Int, GenerationError)?
        )
        let outcomes = await withTaskGroup(of: Outcome.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    // The first thread keeps the presenter's maker, which already holds the module's doc comments;
                    // the others start from its seed (the document's texts, made while it was resolved).
                    let plan = worker == 0 ? plan : plan.withDocLines(plan.presenter.docLinesMaker.sibling())
                    let indices = dealt[worker]
                    var files: [RenderedFile] = []
                    files.reserveCapacity(indices.count)
                    var jobs: [Presenter.Job] = []
                    if keepingJobs { jobs.reserveCapacity(indices.count) }
                    for index in indices {
                        let job = plan.job(at: index)
                        switch Result(catching: { () throws(GenerationError) -> String in try renderer.render(job) }) {
                        case .success(let text):
                            files.append(
                                RenderedFile(
                                    fileName: job.fileName, templateName: job.templateName, text: text,
                                    output: hashing && job.partOf == nil
                                        ? GenerationManifest.output(named: job.fileName, text: text) : nil,
                                    partOf: job.partOf))
                        case .failure(let error):
                            return (worker, files, jobs, (index, error))
                        }
                        if keepingJobs { jobs.append(consume job) }
                    }
                    return (worker, files, jobs, nil)
                }
            }
            var outcomes: [Outcome?] = Array(repeating: nil, count: workers)
            for await outcome in group { outcomes[outcome.worker] = outcome }
            return outcomes.map { $0! }
        }
        // Each thread stops at its first failure, the lowest failing index of its own: the lowest of those is the
        // lowest of all.
        if let (_, error) = outcomes.compactMap({ $0.failure }).min(by: { $0.0 < $1.0 }) { throw error }
        let files = merge(outcomes.map { $0.files }, blockSize: blockSize)
        // Each thread's jobs as they are: flattening them copied every job, a retain of every string of its context.
        return (files, keepingJobs ? outcomes.map { $0.jobs } : [])
    }

    /// The size of the blocks of jobs dealt to each thread in turn: 32 jobs, fewer when there are not 8 blocks per
    /// thread, at least 1. Blocks of neighbouring jobs, rather than one job each, keep a thread's doc-lines cache
    /// useful (neighbouring types share texts); many blocks per thread even out the threads' work (an operation costs
    /// more than an enum, and operations come last).
    static func defaultBlockSize(count: Int, workers: Int) -> Int {
        max(1, min(32, count / max(1, workers * 8)))
    }

    /// The indices `0..<count` dealt to `workers` threads in blocks of `blockSize`: thread `w` gets blocks `w`,
    /// `w + workers`, `w + 2 * workers`…, each thread's indices in increasing order. With 5 jobs, 2 threads and
    /// blocks of 2: `[[0, 1, 4], [2, 3]]`.
    static func blocks(count: Int, workers: Int, blockSize: Int) -> [[Int]] {
        var result = [[Int]](repeating: [], count: workers)
        var start = 0
        var worker = 0
        while start < count {
            result[worker].append(contentsOf: start..<min(start + blockSize, count))
            start += blockSize
            worker = (worker + 1) % workers
        }
        return result
    }

    /// The inverse of `blocks(count:workers:blockSize:)`: the threads' results (`lists[w]` in thread `w`'s order)
    /// back in index order.
    static func merge<Element>(_ lists: [[Element]], blockSize: Int) -> [Element] {
        var result: [Element] = []
        result.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        var positions = [Int](repeating: 0, count: lists.count)
        var worker = 0
        while positions[worker] < lists[worker].count {
            let end = min(positions[worker] + blockSize, lists[worker].count)
            result.append(contentsOf: lists[worker][positions[worker]..<end])
            positions[worker] = end
            worker = (worker + 1) % lists.count
        }
        return result
    }
}
