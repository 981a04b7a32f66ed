import Testing

@testable import GeneratorCore

/// Large inputs are parsed on two threads: libyaml's event loop on one, handing batches of events
/// (`EventBatch.capacity` each) to the tree builder on the other. These documents span many batches; the expected
/// values are worked out from their text (line `n` holds key `k<n-1>`), and each is checked on both paths.
@Suite struct ThreadedParseTests {
    /// `k0: 0` to `k<count-1>: <count-1>`, one a line: key `k<i>` is on line `i + 1`.
    static func numberedLines(_ count: Int) -> String {
        (0..<count).map { "k\($0): \($0)\n" }.joined()
    }

    static func parse(_ text: String, threaded: Bool) throws(YAMLError) -> YAMLNode? {
        try YAMLParser(bytes: Array(text.utf8)).parse(threaded: threaded)
    }

    static func error(_ text: String, threaded: Bool) -> YAMLError? {
        do {
            _ = try parse(text, threaded: threaded)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [true, false]) func treeAcrossManyBatches(threaded: Bool) throws {
        // An anchor in the first batch, its alias in the last; a tagged scalar and a sequence in between.
        let text =
            "base: &b {x: 1}\n" + Self.numberedLines(60_000) + "tagged: !!str 12\nlist: [a, b]\ncopy: *b\n"
        let root = try #require(try Self.parse(text, threaded: threaded))
        let pairs = try #require(root.pairs)
        #expect(pairs.count == 60_004)
        // `k54321: 54321` is on line 54,323 (after `base`); its value starts after `k54321: `, at column 9.
        let pair = pairs[54_322]
        #expect(pair.key.scalar?.text == "k54321")
        #expect(pair.key.mark == SourceMark(line: 54_323, column: 1))
        #expect(pair.value.scalar?.value == .integer(54_321))
        #expect(pair.value.mark == SourceMark(line: 54_323, column: 9))
        #expect(root["tagged"]?.scalar?.value == .string("12"))
        #expect(root["tagged"]?.mark == SourceMark(line: 60_002, column: 9))
        #expect(root["list"]?.items?.map { $0.scalar?.text } == ["a", "b"])
        #expect(root["copy"]?["x"]?.scalar?.value == .integer(1))
        #expect(root["copy"]?.mark == SourceMark(line: 60_004, column: 7))
    }

    /// libyaml's own error, far into the input: an unclosed flow mapping (as `json-unclosed-object.json`, whose
    /// error is at the line after its last, column 1, naming the innermost unclosed mapping).
    @Test(arguments: [true, false]) func libyamlErrorAtTheEnd(threaded: Bool) throws {
        let count = 60_000
        let text =
            "{\"a0\": 0,\n" + (1..<count).map { "\"a\($0)\": \($0),\n" }.joined() + "\"x\": {\"y\": 1}\n"
        let error = try #require(Self.error(text, threaded: threaded))
        #expect(error.mark == SourceMark(line: count + 2, column: 1))
        #expect(error.message == "did not find expected ',' or '}' (while parsing a flow mapping at 1:1)")
    }

    /// The tree builder's errors: a duplicate key far into the input, and one so early that libyaml still has most
    /// of the input to parse when the tree builder stops it.
    @Test(arguments: [true, false]) func duplicateKeys(threaded: Bool) throws {
        let late = try #require(Self.error(Self.numberedLines(60_000) + "k10: again\n", threaded: threaded))
        #expect(late.mark == SourceMark(line: 60_001, column: 1))
        #expect(late.message == "duplicate mapping key 'k10'; the first is at line 11, column 1")
        for _ in 0..<20 {
            let early = try #require(
                Self.error("k0: 0\nk1: 1\nk1: again\n" + Self.numberedLines(100_000).dropFirst(12), threaded: threaded))
            #expect(early.mark == SourceMark(line: 3, column: 1))
            #expect(early.message == "duplicate mapping key 'k1'; the first is at line 2, column 1")
        }
    }

    @Test(arguments: [true, false]) func secondDocumentAndEmptyStream(threaded: Bool) throws {
        let error = try #require(Self.error(Self.numberedLines(30_000) + "---\nb: 1\n", threaded: threaded))
        #expect(error.mark == SourceMark(line: 30_001, column: 1))
        #expect(error.message == "a second document in the stream is not supported; put one document in each file")
        #expect(try Self.parse("", threaded: threaded) == nil)
        #expect(try Self.parse("# nothing\n", threaded: threaded) == nil)
    }

    /// A tab that indents, after many batches: the generator's own wording, at the tab.
    @Test(arguments: [true, false]) func tabIndentationFarIn(threaded: Bool) throws {
        let error = try #require(Self.error(Self.numberedLines(30_000) + "a:\n\t- b\n", threaded: threaded))
        #expect(error.mark == SourceMark(line: 30_002, column: 1))
        #expect(error.message == "a tab character cannot indent YAML (or start a value); indent with spaces")
    }
}

/// When the producer's thread does not begin (Foundation's `Thread` reports no failure to make one), the caller parses
/// on its own thread after the start timeout, and a producer that begins later returns without touching the parser.
@Suite struct ThreadedParseStartTests {
    @Test func aThreadThatNeverBeginsFallsBackToOneThread() throws {
        let text = ThreadedParseTests.numberedLines(5_000)
        let parser = YAMLParser(bytes: Array(text.utf8))
        let late = LateThread()
        let root = try #require(try parser.parse(threaded: true, spawn: late.keep, startTimeout: 0.05))
        #expect(root.pairs?.count == 5_000)
        #expect(root["k4999"]?.scalar?.value == .integer(4_999))
        // The thread begins at last: its producer sees that the caller gave up on it, and returns at once.
        late.run()
    }

    @Test func aThreadThatBeginsIsUsed() throws {
        let text = ThreadedParseTests.numberedLines(5_000)
        let parser = YAMLParser(bytes: Array(text.utf8))
        let spawned = SpawnCount()
        let root = try #require(
            try parser.parse(
                threaded: true,
                spawn: { body in
                    spawned.add()
                    EventChannel.spawnThread(body)
                }))
        #expect(root.pairs?.count == 5_000)
        #expect(spawned.count == 1)
    }
}

/// Keeps a thread's body instead of starting it, to run it later.
private final class LateThread: @unchecked Sendable {
    private var body: (@Sendable () -> Void)?
    func keep(_ body: @escaping @Sendable () -> Void) { self.body = body }
    func run() { body?() }
}

private final class SpawnCount: @unchecked Sendable {
    private(set) var count = 0
    func add() { count += 1 }
}
