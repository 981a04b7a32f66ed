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
