import Foundation

/// Values a run hands over to the end of the process instead of freeing them: a command line process exits
/// right after generating, and its exit reclaims all memory at once, where freeing a large document's YAML tree,
/// IR and template contexts one allocation at a time costs several percent of a run's CPU time (`Pipeline.Options.
/// leavesCleanupToExit`, which only the command line sets).
///
/// What is kept is never freed: a process that generates again (a test, a plugin host) must not use this.
enum LeftToExit {
    nonisolated(unsafe) private static var kept: [Any] = []
    private static let lock = NSLock()

    /// Keeps the value (and so everything it references) alive until the process exits.
    static func keep(_ value: Any) {
        lock.lock()
        defer { lock.unlock() }
        kept.append(value)
    }

    /// How many values are kept so far.
    static var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return kept.count
    }
}
