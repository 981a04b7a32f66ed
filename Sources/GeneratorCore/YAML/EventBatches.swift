internal import CLibYAML
import Foundation

/// libyaml's events, copied out of libyaml's memory in order: each event's type, start mark and texts (a scalar's
/// value, tag and anchor, an alias's anchor, a collection's anchor) as ranges of one byte buffer. The thread that
/// runs libyaml deletes each event as soon as it is copied, so no memory libyaml allocated crosses threads.
struct EventBatch {
    /// How many events a batch holds: enough that handing a batch over costs little, few enough that the tree builder
    /// starts soon and the batches in flight stay small.
    static let capacity = 2048

    struct Event {
        var type: yaml_event_type_t
        /// libyaml's zero-based mark.
        var line: Int
        var column: Int
        var isPlain = false
        var text: Range<Int>?
        var tag: Range<Int>?
        var anchor: Range<Int>?
    }

    var events: [Event] = []
    var bytes: [UInt8] = []
    /// libyaml's error after the events, when it stopped there.
    var error: YAMLError?

    init() {
        events.reserveCapacity(Self.capacity)
        bytes.reserveCapacity(16 * Self.capacity)
    }

    /// Whether nothing follows this batch: the stream ended, or libyaml stopped with an error.
    var isLast: Bool { error != nil || events.last?.type == YAML_STREAM_END_EVENT }

    mutating func removeAll() {
        events.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        error = nil
    }

    /// Copies `count` bytes from `pointer`; returns their range.
    mutating func append(_ pointer: UnsafeMutablePointer<yaml_char_t>, count: Int) -> Range<Int> {
        let start = bytes.count
        bytes.append(contentsOf: UnsafeBufferPointer(start: pointer, count: count))
        return start..<bytes.count
    }

    /// Copies a NUL-terminated text, when there is one; returns its range.
    mutating func append(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> Range<Int>? {
        guard let pointer else { return nil }
        return append(pointer, count: strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)))
    }

    /// The text of a range, decoded as UTF-8 (ill-formed sequences replaced, as `String(cString:)` does).
    func string(_ range: Range<Int>?) -> String? {
        guard let range else { return nil }
        return bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self)
        }
    }
}

/// Hands batches of events from the thread that runs libyaml (the producer) to the thread that builds the tree (the
/// consumer), in order, at most `capacity` batches ahead; used batches go back to be refilled, so the buffers are
/// made once. Either side stops the other: the producer after the stream's last event or libyaml's error (which
/// travels in the last batch, after the events before it), the consumer with `stop()` once it has the tree or an
/// error of its own, which waits until the producer no longer touches the parser.
final class EventChannel: @unchecked Sendable {
    private let condition = NSCondition()
    /// Filled batches, oldest first.
    private var filled: [EventBatch] = []
    /// Used batches, to refill.
    private var spare: [EventBatch] = []
    private var isStopped = false
    private var isProducerStarted = false
    private var isProducerDone = false
    private let capacity = 4

    /// How long `started(with:spawn:timeout:)` waits, by default, for the producer's thread to begin (in seconds).
    static let startTimeout: TimeInterval = 1

    /// Makes a thread, the producer's, that runs `body`: Foundation's `Thread`, which reports no failure to make one.
    static func spawnThread(_ body: @escaping @Sendable () -> Void) {
        Thread(block: body).start()
    }

    /// A channel whose producer runs `parser`'s event loop on a thread made by `spawn`, once that thread has begun;
    /// `nil` when it has not begun within `timeout` seconds (no thread could be made, or the machine is too busy to
    /// start one), and then the caller parses on its own thread: should the producer begin later, it returns at once
    /// without touching the parser.
    static func started(
        with parser: YAMLParser, spawn: (@escaping @Sendable () -> Void) -> Void = spawnThread,
        timeout: TimeInterval = startTimeout
    ) -> EventChannel? {
        let channel = EventChannel()
        let producer = UncheckedSendable((parser: parser, channel: channel))
        spawn { producer.value.channel.produce(with: producer.value.parser) }
        channel.condition.lock()
        defer { channel.condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: timeout)
        while !channel.isProducerStarted, channel.condition.wait(until: deadline) {}
        guard channel.isProducerStarted else {
            channel.isStopped = true
            return nil
        }
        return channel
    }

    /// The producer's loop: fills batches with `parser`'s events until the stream ends, libyaml fails, or the
    /// consumer stops it; returns at once when the consumer gave up waiting for it to begin.
    func produce(with parser: YAMLParser) {
        condition.lock()
        guard !isStopped else {
            condition.unlock()
            return
        }
        isProducerStarted = true
        condition.broadcast()
        condition.unlock()
        while true {
            condition.lock()
            while filled.count >= capacity, !isStopped { condition.wait() }
            if isStopped {
                isProducerDone = true
                condition.broadcast()
                condition.unlock()
                return
            }
            var batch = spare.popLast() ?? EventBatch()
            condition.unlock()
            parser.fill(&batch)
            let isLast = batch.isLast
            condition.lock()
            filled.append(batch)
            if isLast { isProducerDone = true }
            condition.broadcast()
            condition.unlock()
            if isLast { return }
        }
    }

    /// The next filled batch, waiting for it (the producer always ends with a last batch, unless stopped).
    func next() -> EventBatch {
        condition.lock()
        defer { condition.unlock() }
        while filled.isEmpty { condition.wait() }
        let batch = filled.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Gives a used batch back for refilling.
    func recycle(_ batch: consuming EventBatch) {
        condition.lock()
        spare.append(batch)
        condition.unlock()
    }

    /// Stops the producer and waits until it has returned (at once if it already has).
    func stop() {
        condition.lock()
        isStopped = true
        condition.broadcast()
        while !isProducerDone { condition.wait() }
        condition.unlock()
    }
}
