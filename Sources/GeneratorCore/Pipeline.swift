import Foundation

/// The whole generator, one stage after another:
///
///     read → parse (libyaml) → decode (OpenAPI document) → resolve (IR) → present (template context)
///          → render (Templates/) → write (output folder)
///
/// Each stage reports to one `DiagnosticCollector`; the pipeline stops after a stage that reported an error,
/// so a failed run never reaches the output folder.
public struct Pipeline {
    public struct Options: Sendable {
        public var document: URL
        public var templates: URL
        public var output: URL
        /// The configuration file; `nil` to use `openapi-codegen.yaml` beside the document when it exists.
        public var configuration: URL?
        /// Overrides the configuration's `moduleName`.
        public var moduleName: String?
        /// The folder paths in diagnostics are relative to (normally the working directory).
        public var base: URL

        public init(
            document: URL, templates: URL, output: URL, configuration: URL? = nil, moduleName: String? = nil, base: URL
        ) {
            self.document = document
            self.templates = templates
            self.output = output
            self.configuration = configuration
            self.moduleName = moduleName
            self.base = base
        }
    }

    public let options: Options
    public let diagnostics: DiagnosticCollector

    public init(options: Options, diagnostics: DiagnosticCollector) {
        self.options = options
        self.diagnostics = diagnostics
    }

    /// Runs every stage but writing.
    /// - Returns: the generated files by file name.
    /// - Throws: `GenerationError` for the first stage that failed; its diagnostics are also in `diagnostics`.
    public func render() async throws(GenerationError) -> [String: String] {
        let jobs = try present(try read(options.document))
        let renderer: TemplateRenderer
        do {
            renderer = try await TemplateRenderer(directory: options.templates, displayPath: display(options.templates))
        } catch {
            throw fail(error)
        }
        return try await render(jobs, with: renderer)
    }

    /// Runs every stage but writing on a document already in memory, with templates already loaded, one file
    /// after another on the calling thread: the entry point for fuzzing and for bounds tests, which feed
    /// many documents through one set of templates. `options.document` only names the document in
    /// diagnostics (and locates `openapi-codegen.yaml` beside it when `options.configuration` is `nil`).
    /// - Parameter bytes: the document's bytes, YAML or JSON.
    /// - Returns: the generated files by file name.
    /// - Throws: `GenerationError` for the first stage that failed; its diagnostics are also in `diagnostics`.
    public func render(bytes: [UInt8], with renderer: TemplateRenderer) throws(GenerationError) -> [String: String] {
        var files: [String: String] = [:]
        for job in try present(bytes) {
            do {
                files[job.fileName] = try renderer.render(job)
            } catch {
                throw fail(error)
            }
        }
        return files
    }

    /// Parses, decodes, resolves and presents a document's bytes.
    /// - Returns: one job per file to render.
    func present(_ bytes: [UInt8]) throws(GenerationError) -> [Presenter.Job] {
        let documentPath = display(options.document)
        let root = try parse(bytes, path: documentPath)
        guard let root else {
            throw fail(
                .invalidInput([
                    Diagnostic(
                        .error, "the document is empty",
                        at: SourceLocation(file: documentPath, mark: SourceMark(line: 1, column: 1)))
                ]))
        }
        var configuration = try loadConfiguration()
        if let moduleName = options.moduleName { configuration.moduleName = moduleName }
        guard let document = DocumentDecoder(file: documentPath, diagnostics: diagnostics).decode(root),
            !diagnostics.hasErrors
        else {
            throw .invalidInput(diagnostics.sorted.filter { $0.severity == .error })
        }
        let module = ModuleResolver(configuration: configuration, file: documentPath, diagnostics: diagnostics).resolve(
            document)
        if diagnostics.hasErrors { throw .invalidInput(diagnostics.sorted.filter { $0.severity == .error }) }
        if let name = configuration.moduleName, SwiftNamer().typeName(for: name) != name {
            throw fail(
                .invalidInput([
                    Diagnostic(
                        .error, "module name '\(name)' is not an UpperCamelCase Swift identifier",
                        at: configuration.file.map { SourceLocation(file: $0, mark: nil) })
                ]))
        }
        return Presenter(documentName: options.document.lastPathComponent).present(module)
    }

    /// Renders jobs on every core: each job is independent, and the result does not depend on the order
    /// in which they finish.
    func render(_ jobs: [Presenter.Job], with renderer: TemplateRenderer) async throws(GenerationError) -> [String:
        String]
    {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let chunkSize = max(1, (jobs.count + workers - 1) / workers)
        let chunks = stride(from: 0, to: jobs.count, by: chunkSize).map {
            Array(jobs[$0..<min($0 + chunkSize, jobs.count)])
        }
        let results = await withTaskGroup(of: Result<[String: String], GenerationError>.self) { group in
            for chunk in chunks {
                group.addTask {
                    var files: [String: String] = [:]
                    for job in chunk {
                        switch Result(catching: { () throws(GenerationError) -> String in try renderer.render(job) }) {
                        case .success(let text): files[job.fileName] = text
                        case .failure(let error): return .failure(error)
                        }
                    }
                    return .success(files)
                }
            }
            var results: [Result<[String: String], GenerationError>] = []
            for await result in group { results.append(result) }
            return results
        }
        var files: [String: String] = [:]
        for result in results {
            switch result {
            case .success(let chunk): files.merge(chunk) { first, _ in first }
            case .failure(let error): throw fail(error)
            }
        }
        return files
    }

    /// Runs every stage, writing the output folder.
    public func generate() async throws(GenerationError) -> OutputWriter.Report {
        let files = try await render()
        do {
            return try OutputWriter(directory: options.output, displayPath: display(options.output)).write(files)
        } catch {
            throw fail(error)
        }
    }

    /// Runs every stage and compares with the output folder, writing nothing.
    public func check() async throws(GenerationError) -> OutputWriter.Report {
        let files = try await render()
        do {
            return try OutputWriter(directory: options.output, displayPath: display(options.output)).plan(files)
        } catch {
            throw fail(error)
        }
    }

    // MARK: - Stages

    /// Reads a file's bytes.
    func read(_ url: URL) throws(GenerationError) -> [UInt8] {
        do {
            return Array(try Data(contentsOf: url))
        } catch {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "it is not a readable file" : "no such file"
            throw fail(
                .unreadable(
                    Diagnostic(
                        .error, "cannot read the document: \(reason)", at: SourceLocation(file: display(url), mark: nil)
                    )
                ))
        }
    }

    func parse(_ bytes: [UInt8], path: String) throws(GenerationError) -> YAMLNode? {
        do {
            return try YAMLParser(bytes: bytes).parse()
        } catch {
            throw fail(
                .invalidInput([Diagnostic(.error, error.message, at: SourceLocation(file: path, mark: error.mark))]))
        }
    }

    func loadConfiguration() throws(GenerationError) -> GeneratorConfiguration {
        var url = options.configuration
        if url == nil {
            let beside = options.document.deletingLastPathComponent().appendingPathComponent(
                Constants.defaultConfigurationFileName)
            if FileManager.default.fileExists(atPath: beside.path) { url = beside }
        }
        guard let url else { return GeneratorConfiguration() }
        let root = try parse(try read(url), path: display(url))
        guard let configuration = GeneratorConfiguration.decode(root, file: display(url), diagnostics: diagnostics),
            !diagnostics.hasErrors
        else {
            throw .invalidInput(diagnostics.sorted.filter { $0.severity == .error })
        }
        return configuration
    }

    /// Records a stage's failure in the collector and returns it for throwing.
    func fail(_ error: GenerationError) -> GenerationError {
        for diagnostic in error.diagnostics { diagnostics.emit(diagnostic) }
        return error
    }

    /// A path relative to `options.base` when it is inside it; otherwise the absolute path.
    public func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = options.base.standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
