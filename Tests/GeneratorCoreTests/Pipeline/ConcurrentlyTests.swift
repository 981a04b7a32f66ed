import Foundation
import Testing

@testable import GeneratorCore

/// `concurrently(_:_:)`, which the decoder (paths and components) and the pipeline (resolving and doc-comment
/// paragraphs) run their two halves with: each closure runs once, and each result comes back in its own place.
@Suite struct ConcurrentlyTests {
    @Test func eachClosureRunsOnceAndItsResultComesBackInItsPlace() {
        // Non-Sendable state each closure owns alone, as the decoder's two decoders are.
        var firstRuns = 0
        var secondRuns = 0
        let (count, text) = concurrently(
            { () -> Int in
                firstRuns += 1
                return (1...100).reduce(0, +)
            },
            { () -> String in
                secondRuns += 1
                return ["paths", "components"].joined(separator: "+")
            })
        #expect(count == 5050)
        #expect(text == "paths+components")
        #expect(firstRuns == 1)
        #expect(secondRuns == 1)
    }

    @Test func resultsMayBeOptionalOrEmpty() {
        // An `Optional` result that is `nil` is a result, not a slot left unset.
        let (missing, empty) = concurrently({ Int?.none }, { [String]() })
        #expect(missing == nil)
        #expect(empty.isEmpty)
    }

    /// `Background`: the work runs once, on a thread other than the caller's, and `value` gives its result however
    /// often it is read; a `concurrently` call made meanwhile on the caller's thread runs both its closures.
    @Test func backgroundWorkRunsOnceOnAnotherThread() {
        let caller = pthread_self()
        let work = Background { () -> (sum: Int, onCaller: Bool) in
            ((1...1000).reduce(0, +), pthread_equal(pthread_self(), caller) != 0)
        }
        let (first, second) = concurrently({ 2 }, { 3 })
        #expect(first + second == 5)
        #expect(work.value.sum == 500_500)
        #expect(work.value.onCaller == false)
    }
}
