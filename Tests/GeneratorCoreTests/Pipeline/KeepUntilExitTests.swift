import Foundation
import Testing

@testable import GeneratorCore

/// `Pipeline.keepUntilExit(_:)`: with `keepsIntermediatesUntilExit` (the command line's setting) a value handed to it
/// is never freed; without it (every other user of the pipeline) nothing is kept.
@Suite struct KeepUntilExitTests {
    final class Tracked {}

    static func pipeline(keeping: Bool) -> Pipeline {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory())
        var options = Pipeline.Options(
            document: folder.appendingPathComponent("openapi.yaml"), templates: folder,
            output: folder.appendingPathComponent("out"), base: folder)
        options.keepsIntermediatesUntilExit = keeping
        return Pipeline(options: options, diagnostics: DiagnosticCollector())
    }

    @Test func keptOnlyWhenAsked() {
        weak var kept: Tracked?
        weak var freed: Tracked?
        do {
            let first = Tracked()
            let second = Tracked()
            kept = first
            freed = second
            Self.pipeline(keeping: true).keepUntilExit((1, [first]))
            Self.pipeline(keeping: false).keepUntilExit((1, [second]))
        }
        #expect(kept != nil)
        #expect(freed == nil)
    }
}
