import Foundation

/// A value sent to another thread whose safety the sender guarantees by other means (for example `EventChannel`'s
/// protocol, under which only one thread calls libyaml at a time, or ``concurrently(_:_:)``'s, under which each
/// thread writes only its own result and both have ended before either result is read).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Runs `first` and `second` at the same time, on two threads when another is free
/// (`DispatchQueue.concurrentPerform`, which otherwise runs both on the calling thread, one after the other), and
/// returns both results once both have returned.
///
/// Neither closure need be `Sendable`: the caller guarantees that the two share no mutable state (each works on its
/// own values, and reports to its own diagnostics), which is what makes running them on two threads safe.
func concurrently<First, Second>(_ first: () -> First, _ second: () -> Second) -> (First, Second) {
    withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            let results = ResultPair<First, Second>()
            // Each iteration writes only its own slot; `concurrentPerform` returns once both iterations have.
            let shared = UncheckedSendable((first, second, results))
            DispatchQueue.concurrentPerform(iterations: 2) { iteration in
                let (first, second, results) = shared.value
                if iteration == 0 {
                    results.first = first()
                } else {
                    results.second = second()
                }
            }
            // Both slots are set: `concurrentPerform` ran both iterations before it returned.
            return (results.first!, results.second!)
        }
    }
}

/// The two slots ``concurrently(_:_:)`` fills, one per thread.
private final class ResultPair<First, Second> {
    var first: First?
    var second: Second?
}

/// A value made on a thread of the global queue while the caller goes on, which `value` waits for.
///
/// Unlike ``concurrently(_:_:)``, whose `DispatchQueue.concurrentPerform` runs the two closures of a call made inside
/// another's closure one after the other on a machine with two cores (libdispatch divides the cores among nested
/// calls), this leaves the caller free to call `concurrently` itself: the resolver does, while the doc-comment
/// paragraphs are made beside it (`Pipeline.resolve(_:with:warming:)`).
final class Background<Value>: @unchecked Sendable {
    private let group = DispatchGroup()
    // Written once, by the work, before it leaves `group`; read only after waiting for `group`.
    private var result: Value?

    /// Starts `work`, which must share no mutable state with the caller (it captures values it owns alone).
    init(_ work: @escaping @Sendable () -> Value) {
        group.enter()
        DispatchQueue.global().async { [self] in
            result = work()
            group.leave()
        }
    }

    /// The work's value, once it has returned.
    var value: Value {
        group.wait()
        return result!
    }
}
