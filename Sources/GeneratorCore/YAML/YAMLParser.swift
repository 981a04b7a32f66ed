internal import CLibYAML
import Foundation

/// A problem that stops parsing: malformed YAML, a duplicate key, a second document, too deep or too many
/// aliases. The mark is where libyaml (or the node tree builder) found it.
public struct YAMLError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var mark: SourceMark

    public var description: String { "\(mark): \(message)" }
}

/// Parses YAML 1.2 (and therefore JSON) text through libyaml into a tree of `YAMLNode`s.
///
/// One parser parses one stream holding exactly one document. It owns the `yaml_parser_t` (deleted in
/// `deinit`) and a copy of the input bytes that outlives it.
public final class YAMLParser {
    /// How deeply mappings and sequences may nest before parsing stops with an error.
    public static let maximumDepth = 512
    /// How many nodes aliases may add on top of the nodes written out, before parsing stops with an error
    /// (a bound against "billion laughs" documents).
    public static let maximumAliasExpansion = 1_000_000

    /// On the heap, behind a constant: libyaml is called with it for every event, and a stored `var` of a class would
    /// make each of those calls check exclusive access at run time.
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let buffer: UnsafeMutableBufferPointer<UInt8>

    /// JSON surrogate pair escapes rewritten for libyaml, and the map back to original columns.
    private let surrogates: SurrogatePairs

    /// The path every mark of the tree names, when the tree is to be merged into another file's (an overlay).
    private let file: String?

    /// - Parameter file: a path for the marks of every node, for trees merged into another file's tree;
    ///   `nil` (the default) leaves marks without a file.
    public init(bytes: [UInt8], file: String? = nil) {
        self.file = file
        surrogates = SurrogatePairs(bytes)
        let input = surrogates.bytes
        buffer = .allocate(capacity: max(input.count, 1))
        _ = buffer.initialize(from: input)
        parser = .allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        yaml_parser_initialize(parser)
        yaml_parser_set_input_string(parser, buffer.baseAddress, input.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        buffer.deallocate()
    }

    /// Inputs from this size on (in bytes) are parsed on two threads, on a machine with a core to spare for it
    /// (`hasCoreForParsing`): libyaml's event loop on one, the tree built on the calling one. Below it a thread
    /// costs more than it saves.
    static let minimumThreadedSize = 256 * 1024

    /// Whether libyaml's event loop can get a thread of its own: with two cores or more. On two cores the templates
    /// then load as the resolution starts rather than during the parse
    /// (`Pipeline.loadsTemplatesBeforeResolve(documentSize:)`): three
    /// busy threads on two cores made the threaded parse slower than the plain one (at 1fa6aea, one type per file,
    /// 9 interleaved runs, median wall time with it and without: stripe 299.1 and 290.8 ms, box 98.1 and 94.7).
    static let hasCoreForParsing = ProcessInfo.processInfo.activeProcessorCount >= 2

    /// Whether `parse()` runs libyaml's event loop on a thread of its own for an input of `size` bytes.
    static func parsesOnTwoThreads(size: Int) -> Bool { hasCoreForParsing && size >= minimumThreadedSize }

    /// Parses the whole input.
    /// - Returns: The root node, or `nil` when the stream holds no document at all (an empty file).
    /// - Throws: `YAMLError` for the first problem found.
    public func parse() throws(YAMLError) -> YAMLNode? {
        try parse(threaded: Self.parsesOnTwoThreads(size: buffer.count))
    }

    /// Parses the whole input, with libyaml's event loop on a thread of its own when `threaded` and such a thread
    /// begins (`EventChannel.started(with:spawn:timeout:)`; the tree is built on the calling thread either way), in
    /// batches of events; the result and the first error are the same.
    func parse(
        threaded: Bool, spawn: (@escaping @Sendable () -> Void) -> Void = EventChannel.spawnThread,
        startTimeout: Double = EventChannel.startTimeout
    ) throws(YAMLError) -> YAMLNode? {
        if let lone = surrogates.loneSurrogate {
            throw YAMLError(
                message:
                    "lone UTF-16 surrogate '\(lone.text)': a high surrogate (\\uD800-\\uDBFF) must be followed by a low one (\\uDC00-\\uDFFF)",
                mark: lone.mark)
        }
        var builder = TreeBuilder()
        var documents = 0
        guard threaded, let channel = EventChannel.started(with: self, spawn: spawn, timeout: startTimeout) else {
            var batch = EventBatch()
            while true {
                fill(&batch)
                if let root = try build(from: batch, into: &builder, documents: &documents) { return root }
            }
        }
        // However the tree ends (its root, or the first error), the producer stops before this parser can go away.
        defer { channel.stop() }
        while true {
            let batch = channel.next()
            defer { channel.recycle(batch) }
            if let root = try build(from: batch, into: &builder, documents: &documents) { return root }
        }
    }

    /// Refills `batch` with libyaml's next events (at most `EventBatch.capacity`), up to the stream's end or an error.
    func fill(_ batch: inout EventBatch) {
        batch.removeAll()
        while batch.events.count < EventBatch.capacity {
            var event = yaml_event_t()
            guard yaml_parser_parse(parser, &event) == 1 else {
                batch.error = currentError()
                return
            }
            defer { yaml_event_delete(&event) }
            var copied = EventBatch.Event(
                type: event.type, line: Int(event.start_mark.line), column: Int(event.start_mark.column))
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                copied.isPlain = scalar.style == YAML_PLAIN_SCALAR_STYLE
                copied.text = batch.append(scalar.value, count: scalar.length)
                copied.tag = batch.append(scalar.tag)
                copied.anchor = batch.append(scalar.anchor)
            case YAML_ALIAS_EVENT:
                copied.text = batch.append(event.data.alias.anchor)
            case YAML_MAPPING_START_EVENT:
                copied.anchor = batch.append(event.data.mapping_start.anchor)
            case YAML_SEQUENCE_START_EVENT:
                copied.anchor = batch.append(event.data.sequence_start.anchor)
            default:
                break
            }
            batch.events.append(copied)
            if event.type == YAML_STREAM_END_EVENT { return }
        }
    }

    /// Adds a batch's events to the tree.
    /// - Returns: the root (itself `nil` for a stream without a document) once the stream ends, else `nil`.
    /// - Throws: `YAMLError` for the first problem, the tree builder's or libyaml's after the batch's events.
    private func build(from batch: borrowing EventBatch, into builder: inout TreeBuilder, documents: inout Int)
        throws(YAMLError) -> YAMLNode??
    {
        for event in batch.events {
            var mark = surrogates.original(SourceMark(line: event.line + 1, column: event.column + 1))
            mark.file = file
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return .some(builder.root)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw YAMLError(
                        message: "a second document in the stream is not supported; put one document in each file",
                        mark: mark)
                }
            case YAML_SCALAR_EVENT:
                let text = batch.string(event.text)!
                let tag = batch.string(event.tag)
                let resolved = YAMLScalar.resolve(text: text, tag: tag, isPlain: event.isPlain)
                let node = YAMLNode(
                    .scalar(YAMLScalar(text: text, resolved: resolved, isPlain: event.isPlain)), mark: mark)
                try builder.add(node, weight: 1, anchor: batch.string(event.anchor))
            case YAML_ALIAS_EVENT:
                let name = batch.string(event.text)!
                guard let (node, weight) = builder.anchors[name] else {
                    throw YAMLError(message: "alias '*\(name)' names no anchor defined before it", mark: mark)
                }
                try builder.addAlias(node, weight: weight, at: mark)
            case YAML_MAPPING_START_EVENT:
                try builder.open(.mapping, at: mark, anchor: batch.string(event.anchor))
            case YAML_SEQUENCE_START_EVENT:
                try builder.open(.sequence, at: mark, anchor: batch.string(event.anchor))
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                try builder.close()
            default:
                break
            }
        }
        if let error = batch.error { throw error }
        return nil
    }

    private func currentError() -> YAMLError {
        let parser = self.parser.pointee
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        let mark = SourceMark(line: parser.problem_mark.line + 1, column: parser.problem_mark.column + 1)
        let index = parser.problem_mark.index
        if parser.error == YAML_SCANNER_ERROR, index < buffer.count, buffer[index] == UInt8(ascii: "\t") {
            // libyaml's own words ("found character that cannot start any token") do not say what is wrong.
            return YAMLError(
                message: "a tab character cannot indent YAML (or start a value); indent with spaces",
                mark: surrogates.original(mark))
        }
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            let contextMark = surrogates.original(
                SourceMark(line: parser.context_mark.line + 1, column: parser.context_mark.column + 1))
            message += " (\(context) at \(contextMark))"
        }
        if parser.error == YAML_READER_ERROR {
            message += " at byte offset \(parser.problem_offset)"
        }
        return YAMLError(message: message, mark: surrogates.original(mark))
    }

}

/// A growable buffer of nodes, the children of the open collections: a collection's children are moved (not
/// copied, which would retain each and then release it) into its array when it closes.
private struct NodeBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<YAMLNode>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        base = .allocate(capacity: capacity)
        self.capacity = capacity
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    subscript(index: Int) -> YAMLNode { base[index] }

    /// The text of the node at `index` when it is a scalar (read in place).
    func scalarText(at index: Int) -> String? {
        if case .scalar(let scalar) = base[index].kind { return scalar.text }
        return nil
    }

    func mark(at index: Int) -> SourceMark { base[index].mark }

    mutating func append(_ node: consuming YAMLNode) {
        if count == capacity {
            let larger = UnsafeMutablePointer<YAMLNode>.allocate(capacity: 2 * capacity)
            larger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = larger
            capacity *= 2
        }
        (base + count).initialize(to: node)
        count += 1
    }

    /// Moves the nodes from `start` on, keys and values alternately, into a mapping's pairs (a last key without a
    /// value, which libyaml never gives, is dropped).
    mutating func movePairs(from start: Int) -> [YAMLPair] {
        let pairCount = (count - start) / 2
        let source = base + start
        let pairs = [YAMLPair](unsafeUninitializedCapacity: pairCount) { buffer, initialized in
            for index in 0..<pairCount {
                (buffer.baseAddress! + index).initialize(
                    to: YAMLPair(key: (source + 2 * index).move(), value: (source + 2 * index + 1).move()))
            }
            initialized = pairCount
        }
        (source + 2 * pairCount).deinitialize(count: count - start - 2 * pairCount)
        count = start
        return pairs
    }

    /// Moves the nodes from `start` on into a sequence's items.
    mutating func moveItems(from start: Int) -> [YAMLNode] {
        let itemCount = count - start
        let source = base + start
        let items = [YAMLNode](unsafeUninitializedCapacity: itemCount) { buffer, initialized in
            if itemCount > 0 { buffer.baseAddress!.moveInitialize(from: source, count: itemCount) }
            initialized = itemCount
        }
        count = start
        return items
    }
}

/// Builds nodes from libyaml's event stream with an explicit stack (no recursion, so deep input cannot
/// overflow the call stack), checking duplicate keys and bounding alias expansion.
private struct TreeBuilder: ~Copyable {
    enum CollectionKind { case mapping, sequence }

    struct Frame {
        var kind: CollectionKind
        var mark: SourceMark
        var anchor: String?
        /// Where the collection's children start in `TreeBuilder.children`.
        var start: Int
        /// Whether one of the mapping's keys is a plain `<<` (a merge key, expanded when the mapping closes).
        var hasMergeKey = false
        /// The pair numbers of the scalar keys so far by text, and of the other keys by identity (see
        /// `keyIdentity`), once the mapping has more than `TreeBuilder.scannedKeyCount` keys; until then its few keys
        /// are compared one by one (no text is built and nothing is hashed for the many small mappings of a
        /// document). Scalar keys are hashed by their text as it is (no identity text is built for them): a scalar
        /// key never has a collection's identity.
        var scalarKeyPositions: [String: Int] = [:]
        var otherKeyPositions: [String: Int] = [:]
        /// The number of nodes this collection stands for once every alias inside it is expanded.
        var weight = 1
    }

    var stack: [Frame] = []
    /// The children of every open collection, the innermost collection's last: a sequence's items, a mapping's keys
    /// and values alternately (a key waiting for its value last). A collection's array is made once, at its exact
    /// size, when it closes (instead of growing, and reallocating, with each child).
    var children = NodeBuffer(capacity: 1024)
    var root: YAMLNode?
    var anchors: [String: (YAMLNode, Int)] = [:]
    var aliasExpansion = 0

    mutating func open(_ kind: CollectionKind, at mark: SourceMark, anchor: String?) throws(YAMLError) {
        guard stack.count < YAMLParser.maximumDepth else {
            throw YAMLError(
                message: "nesting deeper than \(YAMLParser.maximumDepth) levels is not supported", mark: mark)
        }
        stack.append(Frame(kind: kind, mark: mark, anchor: anchor, start: children.count))
    }

    mutating func close() throws(YAMLError) {
        let frame = stack.removeLast()
        let node: YAMLNode
        switch frame.kind {
        case .mapping:
            // libyaml ends a mapping only after the value of its last key (an empty value is an empty scalar).
            let pairs = children.movePairs(from: frame.start)
            node = YAMLNode(.mapping(frame.hasMergeKey ? try Self.applyingMergeKeys(pairs) : pairs), mark: frame.mark)
        case .sequence:
            let items = children.moveItems(from: frame.start)
            node = YAMLNode(.sequence(items), mark: frame.mark)
        }
        try add(node, weight: frame.weight, anchor: frame.anchor)
    }

    /// Expands YAML 1.1 merge keys (`<<: *base` or `<<: [*a, *b]`), which OpenAPI documents in the wild use
    /// to share parts of mappings: the merged mappings' pairs are inserted where `<<` stands, except keys
    /// the mapping itself defines (which win) and keys an earlier merged mapping already gave.
    static func applyingMergeKeys(_ pairs: [YAMLPair]) throws(YAMLError) -> [YAMLPair] {
        func isMergeKey(_ node: YAMLNode) -> Bool { node.scalar.map { $0.isPlain && $0.text == "<<" } ?? false }
        guard pairs.contains(where: { isMergeKey($0.key) }) else { return pairs }
        var explicit: Set<String> = []
        for pair in pairs where !isMergeKey(pair.key) { explicit.insert(keyIdentity(pair.key)) }
        var taken = explicit
        var result: [YAMLPair] = []
        for pair in pairs {
            guard isMergeKey(pair.key) else {
                result.append(pair)
                continue
            }
            let sources: [YAMLNode]
            switch pair.value.kind {
            case .mapping: sources = [pair.value]
            case .sequence(let items) where items.allSatisfy({ $0.pairs != nil }): sources = items
            default:
                throw YAMLError(
                    message:
                        "merge key '<<' expects a mapping or a sequence of mappings, found \(pair.value.kindDescription)",
                    mark: pair.value.mark)
            }
            for source in sources {
                for merged in source.pairs ?? [] where taken.insert(keyIdentity(merged.key)).inserted {
                    result.append(merged)
                }
            }
        }
        return result
    }

    mutating func addAlias(_ node: YAMLNode, weight: Int, at mark: SourceMark) throws(YAMLError) {
        aliasExpansion += weight
        guard aliasExpansion <= YAMLParser.maximumAliasExpansion else {
            throw YAMLError(
                message:
                    "aliases expand to more than \(YAMLParser.maximumAliasExpansion) nodes; the document is too large or malicious",
                mark: mark)
        }
        var node = node
        node.mark = mark
        try add(node, weight: weight, anchor: nil)
    }

    mutating func add(_ node: consuming YAMLNode, weight: Int, anchor: String?) throws(YAMLError) {
        if let anchor { anchors[anchor] = (node, weight) }
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        stack[top].weight += weight
        if stack[top].kind == .mapping, (children.count - stack[top].start) % 2 == 0 {
            // A key.
            if let first = Self.earlierKeyMark(of: node, in: &stack[top], children: children) {
                throw YAMLError(
                    message:
                        "duplicate mapping key '\(Self.keyText(node))'; the first is at line \(first.line), column \(first.column)",
                    mark: node.mark)
            }
            if !stack[top].hasMergeKey, case .scalar(let scalar) = node.kind, scalar.isPlain, scalar.text == "<<" {
                stack[top].hasMergeKey = true
            }
        }
        children.append(node)
    }

    /// How many keys a mapping's keys are compared with one by one before they are indexed by identity.
    static let scannedKeyCount = 8

    /// The mark of the mapping's earlier key that duplicates `key`, if any; otherwise records `key` (when the
    /// mapping's keys are indexed) and returns `nil`.
    /// - Parameter children: `TreeBuilder.children`, whose last values from `frame.start` on are the mapping's keys
    ///   and values so far.
    static func earlierKeyMark(of key: YAMLNode, in frame: inout Frame, children: borrowing NodeBuffer) -> SourceMark? {
        let start = frame.start
        let count = (children.count - start) / 2
        if count < scannedKeyCount {
            // A few keys: compared one by one, scalars by their text (as their identities would be).
            if case .scalar(let scalar) = key.kind {
                for pair in 0..<count where children.scalarText(at: start + 2 * pair) == scalar.text {
                    return children.mark(at: start + 2 * pair)
                }
            } else {
                let identity = keyIdentity(key)
                for pair in 0..<count where keyIdentity(children[start + 2 * pair]) == identity {
                    return children.mark(at: start + 2 * pair)
                }
            }
            return nil
        }
        if count == scannedKeyCount {
            frame.scalarKeyPositions.reserveCapacity(4 * scannedKeyCount)
            for pair in 0..<count { record(children[start + 2 * pair], at: pair, in: &frame) }
        }
        let earlier: Int?
        if case .scalar(let scalar) = key.kind {
            earlier = frame.scalarKeyPositions[scalar.text]
        } else {
            earlier = frame.otherKeyPositions[keyIdentity(key)]
        }
        if let earlier { return children.mark(at: start + 2 * earlier) }
        // The key becomes the mapping's next pair once its value is added.
        record(key, at: count, in: &frame)
        return nil
    }

    /// Indexes a key of the mapping as the one of its pair number `position`.
    static func record(_ key: YAMLNode, at position: Int, in frame: inout Frame) {
        if case .scalar(let scalar) = key.kind {
            frame.scalarKeyPositions[scalar.text] = position
        } else {
            frame.otherKeyPositions[keyIdentity(key)] = position
        }
    }

    /// Two keys are duplicates when they are scalars with the same text, or collections with the same content.
    static func keyIdentity(_ node: YAMLNode) -> String {
        switch node.kind {
        case .scalar(let scalar): "s:" + scalar.text
        case .sequence(let items): "q:[" + items.map(keyIdentity).joined(separator: ",") + "]"
        case .mapping(let pairs):
            "m:{" + pairs.map { keyIdentity($0.key) + "=" + keyIdentity($0.value) }.joined(separator: ",") + "}"
        }
    }

    static func keyText(_ node: YAMLNode) -> String {
        node.scalar?.text ?? node.kindName
    }
}
