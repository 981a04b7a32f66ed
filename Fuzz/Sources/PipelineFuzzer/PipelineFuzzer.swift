import Dispatch
import Foundation
import GeneratorCore

// libFuzzer calls `LLVMFuzzerTestOneInput` with each input and provides `main` itself; this file has no
// top-level code (SwiftPM compiles a lone file not named main.swift as a library file).
//
// Each input is the bytes of an OpenAPI document. It goes through parse → decode → resolve → present →
// render with the real `Templates/`, in memory (nothing is written). A normal result and an error with
// diagnostics are both fine; a crash, a trap, a hang (libFuzzer's -timeout) or a memory blow-up
// (-rss_limit_mb) is a finding, and so is a failure that carries no error diagnostic.

/// The built-in templates, loaded once for every input.
let renderer: TemplateRenderer = {
    final class Box: @unchecked Sendable { var result: Result<TemplateRenderer, GenerationError>? }
    let box = Box()
    let done = DispatchSemaphore(value: 0)
    let directory = BuiltinTemplates.directory
    Task {
        do throws(GenerationError) {
            box.result = .success(try await TemplateRenderer(directory: directory, displayPath: directory.path))
        } catch {
            box.result = .failure(error)
        }
        done.signal()
    }
    done.wait()
    switch box.result {
    case .success(let renderer)?: return renderer
    case .failure(let error)?: fatalError("cannot load the templates: \(error)")
    case nil: fatalError("cannot load the templates")
    }
}()

/// A folder that does not exist, so no `openapi-codegen.yaml` is found beside the document.
let folder = URL(fileURLWithPath: "/nonexistent-openapi-codegen-fuzz", isDirectory: true)
let options = Pipeline.Options(
    document: folder.appendingPathComponent("openapi.yaml"), templates: BuiltinTemplates.directory,
    output: folder.appendingPathComponent("Generated"), base: folder)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let diagnostics = DiagnosticCollector()
    do {
        let files = try Pipeline(options: options, diagnostics: diagnostics).render(bytes: bytes, with: renderer)
        if files.isEmpty { fatalError("a successful run produced no files") }
    } catch {
        let errors = error.diagnostics.filter { $0.severity == .error }
        if errors.isEmpty { fatalError("the pipeline failed without an error diagnostic") }
        for diagnostic in errors where diagnostic.location?.file != "openapi.yaml" || diagnostic.location?.mark == nil {
            fatalError("an error does not point at a line and column of the document: \(diagnostic)")
        }
    }
    return 0
}
