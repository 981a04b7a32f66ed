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
        /// The built-in templates folder.
        public var templates: URL
        /// A folder of templates and partials replacing the built-in ones of the same name (`--templates`);
        /// `nil` to use the configuration's `templates`, if any.
        public var templateOverrides: URL?
        /// How operations report documented statuses (`--style`); `nil` for the configuration's
        /// `operationStyle`, else `throwing`.
        public var operationStyle: OperationStyle?
        public var output: URL
        /// The configuration file; `nil` to use `openapi-codegen.yaml` beside the document when it exists.
        public var configuration: URL?
        /// Overrides the configuration's `moduleName`.
        public var moduleName: String?
        /// Overlay documents applied after the configuration's `overlays`, in order (`--overlay`).
        public var overlays: [URL]
        /// How long to wait, in seconds, for another run writing the same output folder (`--lock-timeout`).
        public var lockTimeout: Double = 60
        /// The folder paths in diagnostics are relative to (normally the working directory); `/` for absolute
        /// paths everywhere.
        public var base: URL
        /// Overrides the configuration's `outputLayout` (`--layout`); with neither, `.oneTypePerFile`.
        public var layout: OutputLayout?
        /// Whether the large values the stages make on the way (the document's tree, the decoded document, the IR,
        /// the presenter and its jobs, the templates) stay allocated until the process exits instead of being freed
        /// node by node when the next stage no longer needs them. The command line sets it: its process ends right
        /// after writing, and freeing them cost about 6% of a large document's run (github's tree alone: a million
        /// nodes). A process that runs the pipeline many times (tests, fuzzing) leaves it off. For a document over
        /// ``Pipeline/keptDocumentSizeLimit`` the tree, the document and the IR are freed all the same.
        public var keepsIntermediatesUntilExit = false

        public init(
            document: URL, templates: URL, output: URL, configuration: URL? = nil, moduleName: String? = nil,
            overlays: [URL] = [], base: URL, layout: OutputLayout? = nil, templateOverrides: URL? = nil,
            operationStyle: OperationStyle? = nil
        ) {
            self.layout = layout
            self.templateOverrides = templateOverrides
            self.operationStyle = operationStyle
            self.overlays = overlays
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
        try await renderReportingFiles().files.mapValues(\.string)
    }

    /// Runs every stage but writing; also returns the other files the document refers to (multi-file
    /// documents), which the output depends on too, and with `hashing` each file's manifest entry, by file name.
    func renderReportingFiles(hashing: Bool = false, document: [UInt8]? = nil) async throws(GenerationError) -> (
        files: [String: OutputText], referencedFiles: [URL], outputs: [String: GenerationManifest.Output]
    ) {
        // The templates load on another thread while the document is parsed, decoded, resolved and prepared (or,
        // when the parse takes both cores of two, once it is decoded, as its resolution starts); their errors are
        // reported only after the document's, as when they loaded afterwards.
        let guessedOverrides =
            options.templateOverrides
            ?? (try? Pipeline(options: options, diagnostics: DiagnosticCollector()).loadConfiguration())?.templates
        let templates = (url: options.templates, display: display(options.templates))
        let guessedDisplay = guessedOverrides.map(display)
        var loading: Task<Result<TemplateRenderer, GenerationError>, Never>?
        func startLoading() {
            loading = Task {
                await Self.loadTemplates(templates, overrides: guessedOverrides, overridesDisplayPath: guessedDisplay)
            }
        }
        let bytes: [UInt8]
        let presented: (plan: Presenter.JobPlan, layout: OutputLayout, templateOverrides: URL?, referencedFiles: [URL])
        do {
            bytes = try PhaseTimes.measure("read") { () throws(GenerationError) in
                if let document { return document }
                return try read(options.document)
            }
            let beforeResolve = Self.loadsTemplatesBeforeResolve(documentSize: bytes.count)
            if !beforeResolve { startLoading() }
            presented = try present(bytes, beforeResolve: beforeResolve ? startLoading : {})
        } catch {
            loading?.cancel()
            throw error
        }
        let (plan, layout, overrides, referencedFiles) = presented
        let loaded: Result<TemplateRenderer, GenerationError>
        if overrides == guessedOverrides, let loading {
            loaded = await loading.value
        } else {
            // The configuration named other overrides than the guess (or none was started): a load of the guess
            // would only take a core from the rendering.
            loading?.cancel()
            loaded = await Self.loadTemplates(
                templates, overrides: overrides, overridesDisplayPath: overrides.map(display))
        }
        let renderer: TemplateRenderer
        switch loaded {
        case .success(let value): renderer = value
        case .failure(let error): throw fail(error)
        }
        let rendered = try await PhaseTimes.measure("present+render") { () async throws(GenerationError) in
            do throws(GenerationError) {
                return try await Self.presentAndRender(
                    plan, with: renderer, hashing: hashing && layout == .oneTypePerFile)
            } catch {
                throw fail(error)
            }
        }
        let (files, outputs) = await PhaseTimes.measure("arrange") {
            await layout.arrangeConcurrently(rendered, banner: plan.banner, hashing: hashing)
        }
        keepUntilExit(renderer)
        return (files, referencedFiles, outputs)
    }

    /// Whether the templates start loading once the document is decoded, as its resolution starts, rather than with
    /// its parse: when the parse takes two threads (`YAMLParser.parsesOnTwoThreads(size:)`) and the machine has no
    /// third core. Resolving takes one thread, and the doc-comment paragraphs made beside it
    /// (`resolve(_:with:warming:)`) leave the other core idle for most of it; the parse and the decode keep both
    /// busy (on box, loading them while the document was decoded, as from 1b5f6a1 to 949a3ad, made the decode phase
    /// 16.3 ms of wall time against 9.9 ms, medians of 11 runs taking turns).
    static func loadsTemplatesBeforeResolve(documentSize: Int) -> Bool {
        YAMLParser.parsesOnTwoThreads(size: documentSize) && ProcessInfo.processInfo.activeProcessorCount <= 2
    }

    /// Loads and compiles the built-in templates with `overrides` (`TemplateRenderer.init`), and builds the context
    /// types' readers (`Context.prepareTemplateReaders()`), timed as the templates phase: on the thread the
    /// templates load on, beside the document's stages, rather than in the rendering threads' first jobs.
    static func loadTemplates(
        _ templates: (url: URL, display: String), overrides: URL?, overridesDisplayPath: String?
    ) async -> Result<TemplateRenderer, GenerationError> {
        do {
            return .success(
                try await PhaseTimes.measure("templates") { () async throws(GenerationError) in
                    let renderer = try await TemplateRenderer(
                        directory: templates.url, displayPath: templates.display, overrides: overrides,
                        overridesDisplayPath: overridesDisplayPath)
                    Context.prepareTemplateReaders()
                    return renderer
                })
        } catch {
            return .failure(error)
        }
    }

    /// Runs every stage but writing on a document already in memory, with templates already loaded, one file
    /// after another on the calling thread: the entry point for fuzzing and for bounds tests, which feed
    /// many documents through one set of templates. `options.document` only names the document in
    /// diagnostics (and locates `openapi-codegen.yaml` beside it when `options.configuration` is `nil`).
    /// - Parameter bytes: the document's bytes, YAML or JSON.
    /// - Returns: the generated files by file name.
    /// - Throws: `GenerationError` for the first stage that failed; its diagnostics are also in `diagnostics`.
    public func render(bytes: [UInt8], with renderer: TemplateRenderer) throws(GenerationError) -> [String: String] {
        let (plan, layout, _, _) = try present(bytes)
        var files: [RenderedFile] = []
        files.reserveCapacity(plan.count)
        for index in 0..<plan.count {
            let job = plan.job(at: index)
            do {
                files.append(
                    RenderedFile(fileName: job.fileName, templateName: job.templateName, text: try renderer.render(job))
                )
            } catch {
                throw fail(error)
            }
        }
        return layout.arrange(files, banner: plan.banner)
    }

    /// Parses, decodes and resolves a document's bytes, and prepares its presentation (the presenter's tables and the
    /// module's context): the jobs themselves are presented as they are rendered.
    /// - Returns: the plan of the jobs to render, the layout the files are arranged in, and the folder of template
    /// overrides (`--templates`, else the configuration's `templates`), if any.
    /// - Parameter beforeResolve: called once the document is decoded, when it decoded without errors, as its
    ///   resolution starts.
    func present(_ bytes: [UInt8], beforeResolve: () -> Void = {}) throws(GenerationError) -> (
        plan: Presenter.JobPlan, layout: OutputLayout, templateOverrides: URL?, referencedFiles: [URL]
    ) {
        let documentPath = display(options.document)
        // The document and the configuration are both read before stopping, so that one run reports the
        // problems of both.
        let parsed = PhaseTimes.measure("parse") {
            Result { () throws(GenerationError) -> YAMLNode? in try parse(bytes, path: documentPath) }
        }
        var configuration = PhaseTimes.measure("configuration") {
            (try? loadConfiguration()) ?? GeneratorConfiguration()
        }
        let root: YAMLNode?
        switch parsed {
        case .success(let node): root = node
        case .failure(let error): throw stop(error)
        }
        guard var root else {
            throw stop(
                .invalidInput([
                    Diagnostic(
                        .error, "the document is empty",
                        at: SourceLocation(file: documentPath, mark: SourceMark(line: 1, column: 1)))
                ]))
        }
        if let moduleName = options.moduleName { configuration.moduleName = moduleName }
        PhaseTimes.measure("overlays") { applyOverlays(configuration.overlays + options.overlays, to: &root) }
        // Other files the document refers to join its tree here, so that every later stage sees local references.
        // A reference the bundle could not follow stops here: left in place, it would be reported again.
        let errorsBefore = diagnostics.diagnostics.count(where: { $0.severity == .error })
        var bundler = ReferenceBundler(rootURL: options.document, diagnostics: diagnostics, display: display)
        var decoder = DocumentDecoder(file: documentPath, diagnostics: diagnostics)
        decoder.decodesComponentsConcurrently = YAMLParser.parsesOnTwoThreads(size: bytes.count)
        var document: OpenAPI.Document?
        if decoder.decodesComponentsConcurrently {
            // The decode does not wait for the bundle: most documents are one file that the bundle leaves as it is.
            // It decodes the tree as parsed, on two threads, one of which walks the tree for the bundle first; its
            // diagnostics wait in a collector of their own, to follow the bundle's as on one thread. A tree the
            // bundle changed is decoded again.
            let decodeDiagnostics = DiagnosticCollector()
            var early = DocumentDecoder(file: documentPath, diagnostics: decodeDiagnostics)
            early.decodesComponentsConcurrently = true
            var bundled = root
            let decoded = PhaseTimes.measure("bundle+decode") {
                early.decode(root, alongside: { [root] in bundled = bundler.bundle(root) })
            }
            if diagnostics.diagnostics.count(where: { $0.severity == .error }) > errorsBefore { throw stop(nil) }
            if bundler.leftTreeUnchanged {
                for diagnostic in decodeDiagnostics.diagnostics { diagnostics.emit(diagnostic) }
                document = decoded
            } else {
                root = bundled
                document = PhaseTimes.measure("decode") { decoder.decode(root) }
            }
        } else {
            root = PhaseTimes.measure("bundle") { bundler.bundle(root) }
            if diagnostics.diagnostics.count(where: { $0.severity == .error }) > errorsBefore { throw stop(nil) }
            document = PhaseTimes.measure("decode") { decoder.decode(root) }
        }
        guard let document, !diagnostics.hasErrors else { throw stop(nil) }
        beforeResolve()
        var resolver = ModuleResolver(configuration: configuration, file: documentPath, diagnostics: diagnostics)
        // Kept with the tree, the document and the IR below (and like them freed for a very large document).
        if bytes.count <= Self.keptDocumentSizeLimit { resolver.keepWorkingState = { keepUntilExit($0) } }
        // Not for a document whose memory matters more than its time (over `keptDocumentSizeLimit`): each rendering
        // thread's maker copies the paragraphs (the 50 MB document of `.ci/bounds` peaked at 1,073 MB with them, 909
        // MB without).
        let warms = YAMLParser.parsesOnTwoThreads(size: bytes.count) && bytes.count <= Self.keptDocumentSizeLimit
        let (module, paragraphs) = PhaseTimes.measure("resolve") {
            Self.resolve(document, with: resolver, warming: warms ? root : nil)
        }
        if diagnostics.hasErrors { throw .invalidInput(diagnostics.sorted.filter { $0.severity == .error }) }
        if let name = configuration.moduleName, case let swiftName = SwiftNamer().typeName(for: name), swiftName != name
        {
            throw fail(
                .invalidInput([
                    Diagnostic(
                        .error,
                        "module name '\(name)' is not an UpperCamelCase Swift identifier; did you mean '\(swiftName)'?",
                        // A name given on the command line has no place in a file.
                        at: options.moduleName != nil
                            ? nil : configuration.file.map { SourceLocation(file: $0, mark: nil) })
                ]))
        }
        let style = options.operationStyle ?? configuration.operationStyle ?? .throwing
        var presenter = Presenter(documentName: options.document.lastPathComponent, operationStyle: style)
        presenter.docLinesMaker = DocLinesMaker(seed: paragraphs)
        let plan = PhaseTimes.measure("prepare") { presenter.prepared(for: module).plan(module) }
        // A very large document's tree, document and IR are much of the run's memory: they are freed here, before
        // rendering (the 50 MB document of `.ci/bounds` peaked at 1,454 MB with them kept, 1,252 MB freed here).
        // The plan's presenter and module live on through rendering anyway (the IR's declarations and operations).
        if bytes.count <= Self.keptDocumentSizeLimit {
            keepUntilExit((root, document, module, plan))
        } else {
            keepUntilExit(plan)
        }
        return (
            plan, options.layout ?? configuration.outputLayout ?? .oneTypePerFile,
            options.templateOverrides ?? configuration.templates, Array(bundler.loadedFiles.dropFirst())
        )
    }

    /// Resolves `document`, and when given the document's tree makes the paragraphs of its texts meanwhile
    /// (`DocLinesMaker.paragraphs(ofTextsIn:)`) on a second thread (``Background``): resolving takes one core,
    /// and the rendering threads then find those paragraphs made. The resolver runs on the calling thread, where its
    /// own ``concurrently(_:_:)`` (`IdenticalSchemas.merge`) gets both cores.
    static func resolve(
        _ document: OpenAPI.Document, with resolver: ModuleResolver, warming root: YAMLNode?
    ) -> (IR.Module, [DocLinesMaker.TextKey: DocLinesMaker.Paragraph]) {
        guard let root else { return (resolver.resolve(document), [:]) }
        // The work reads only the tree, a value of its own.
        let paragraphs = Background { DocLinesMaker.paragraphs(ofTextsIn: root) }
        let module = resolver.resolve(document)
        return (module, paragraphs.value)
    }

    /// The largest document, in bytes, whose tree, decoded document and IR ``keepUntilExit(_:)`` keeps: 16 MiB, four
    /// times the largest real description we measure (stripe's 4.2 MB), far below the documents whose memory matters.
    static let keptDocumentSizeLimit = 16 << 20

    /// Keeps `value` allocated until the process exits, when `options.keepsIntermediatesUntilExit` is set.
    func keepUntilExit<Value>(_ value: Value) {
        guard options.keepsIntermediatesUntilExit else { return }
        // One retain that is never balanced: the box, and everything it holds, is never freed.
        _ = Unmanaged.passRetained(KeptValue(value))
    }

    /// Runs every stage, writing the output folder, unless the folder's manifest shows that its files are
    /// exactly what the same inputs generated (see `GenerationManifest`): then nothing is generated or written,
    /// and the warnings of the run that wrote it are reported again.
    public func generate() async throws(GenerationError) -> OutputWriter.Report {
        var writer = OutputWriter(directory: options.output, displayPath: display(options.output))
        writer.lockTimeout = options.lockTimeout
        let fingerprint = PhaseTimes.measure("fingerprint") { inputFingerprint() }
        let inputs = fingerprint?.inputs
        if let inputs,
            let (report, recorded) = PhaseTimes.measure("unchanged", { writer.unchangedReport(inputs: inputs.lines) })
        {
            for diagnostic in recorded { diagnostics.emit(diagnostic) }
            return report
        }
        let (files, referencedFiles, outputs) = try await renderReportingFiles(
            hashing: inputs != nil, document: fingerprint?.document)
        let manifest = PhaseTimes.measure("manifest") {
            inputs.map {
                var inputs = $0
                // Known only once the document is read: the next run checks them again before skipping.
                inputs.add(referencedFiles: referencedFiles)
                // Each file's entry was made with its text (on the thread that made it).
                return GenerationManifest(
                    inputs: inputs.lines, diagnostics: diagnostics.diagnostics.filter { $0.severity != .error },
                    outputs: files.keys.sorted().map {
                        outputs[$0] ?? GenerationManifest.output(named: $0, text: files[$0] ?? OutputText())
                    }
                ).text
            }
        }
        let report: OutputWriter.Report
        do {
            report = try PhaseTimes.measure("write") { () throws(GenerationError) in
                try writer.write(files, manifest: manifest)
            }
        } catch {
            throw fail(error)
        }
        for warning in report.warnings { diagnostics.emit(warning) }
        return report
    }

    /// Runs every stage and compares with the output folder, writing nothing.
    public func check() async throws(GenerationError) -> OutputWriter.Report {
        let files = try await render()
        do {
            var writer = OutputWriter(directory: options.output, displayPath: display(options.output))
            writer.lockTimeout = options.lockTimeout
            return try writer.plan(files)
        } catch {
            throw fail(error)
        }
    }

    /// Everything the output depends on besides the generator's code: the document, the configuration, the
    /// overlays and templates it names, the options, and the generator's executable. `nil` when the
    /// configuration does not load (a full run reports why).
    func inputFingerprint() -> (inputs: InputFingerprint, document: [UInt8]?)? {
        let quiet = Pipeline(options: options, diagnostics: DiagnosticCollector())
        guard let configuration = try? quiet.loadConfiguration() else { return nil }
        var fingerprint = InputFingerprint()
        fingerprint.addGenerator()
        fingerprint.add(setting: "base", options.base.standardizedFileURL.path)
        fingerprint.add(setting: "moduleName", options.moduleName)
        fingerprint.add(setting: "layout", options.layout?.rawValue)
        fingerprint.add(setting: "operationStyle", options.operationStyle?.rawValue)
        // Read once: the bytes hashed are the bytes generated from.
        let document = FileSystem.contents(of: options.document.path)
        fingerprint.add(file: options.document, contents: document, role: "document")
        let configurationFile =
            options.configuration
            ?? options.document.deletingLastPathComponent().appendingPathComponent(
                Constants.defaultConfigurationFileName)
        fingerprint.add(files: [configurationFile], role: "configuration")
        fingerprint.add(files: configuration.overlays + options.overlays, role: "overlay")
        fingerprint.add(templateFolder: options.templates, role: "templates")
        fingerprint.add(templateFolder: options.templateOverrides ?? configuration.templates, role: "overrides")
        return (fingerprint, document)
    }

    // MARK: - Stages

    /// Reads a file's bytes (`FileSystem.contents(of:)`).
    func read(_ url: URL) throws(GenerationError) -> [UInt8] {
        if let bytes = FileSystem.contents(of: url.path) { return bytes }
        let reason = FileManager.default.fileExists(atPath: url.path) ? "it is not a readable file" : "no such file"
        throw fail(
            .unreadable(
                Diagnostic(
                    .error, "cannot read the document: \(reason)", at: SourceLocation(file: display(url), mark: nil))
            ))
    }

    /// Reads and parses a file.
    func parse(_ url: URL) throws(GenerationError) -> YAMLNode? {
        try parse(try read(url), path: display(url))
    }

    func parse(_ bytes: [UInt8], path: String) throws(GenerationError) -> YAMLNode? {
        do {
            return try YAMLParser(bytes: bytes).parse()
        } catch {
            throw fail(
                .invalidInput([Diagnostic(.error, error.message, at: SourceLocation(file: path, mark: error.mark))]))
        }
    }

    /// Applies overlay documents in order to the document's tree; problems are reported, and the caller stops
    /// when any is an error.
    func applyOverlays(_ overlays: [URL], to root: inout YAMLNode) {
        for url in overlays {
            let path = display(url)
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                let reason =
                    FileManager.default.fileExists(atPath: url.path) ? "it is not a readable file" : "no such file"
                diagnostics.error("cannot read the overlay: \(reason)", at: SourceLocation(file: path, mark: nil))
                continue
            }
            let context = DecodingContext(file: path, diagnostics: diagnostics)
            let overlayRoot: YAMLNode?
            do {
                overlayRoot = try YAMLParser(bytes: Array(data), file: path).parse()
            } catch {
                diagnostics.error(error.message, at: SourceLocation(file: path, mark: error.mark))
                continue
            }
            guard let overlayRoot else {
                diagnostics.error(
                    "the overlay is empty", at: SourceLocation(file: path, mark: SourceMark(line: 1, column: 1)))
                continue
            }
            guard let overlay = Overlay.decode(overlayRoot, context: context) else { continue }
            overlay.apply(to: &root, documentName: options.document.lastPathComponent, context: context)
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
        guard
            let configuration = GeneratorConfiguration.decode(
                root, file: display(url), folder: url.deletingLastPathComponent(), diagnostics: diagnostics),
            !diagnostics.hasErrors
        else {
            throw .invalidInput(diagnostics.sorted.filter { $0.severity == .error })
        }
        return configuration
    }

    /// Records a failure (if any) in the collector and returns the error to throw: every error reported so far,
    /// by every stage, sorted by file and position.
    func stop(_ error: GenerationError?) -> GenerationError {
        if let error { _ = fail(error) }
        if case .unreadable? = error { return error! }
        return .invalidInput(diagnostics.sorted.filter { $0.severity == .error })
    }

    /// Records a stage's failure in the collector and returns it for throwing.
    func fail(_ error: GenerationError) -> GenerationError {
        for diagnostic in error.diagnostics { diagnostics.emit(diagnostic) }
        return error
    }

    /// A path relative to `options.base` when it is inside it; otherwise (and always when the base is `/`) the
    /// absolute path.
    public func display(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = options.base.standardizedFileURL.path
        if base == "/" { return path }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

/// A value `Pipeline.keepUntilExit(_:)` keeps allocated.
private final class KeptValue<Value> {
    let value: Value
    init(_ value: Value) { self.value = value }
}
