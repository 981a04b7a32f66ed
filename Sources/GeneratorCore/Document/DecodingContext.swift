import Foundation

/// What every decoding function needs: the file the nodes came from and where to report problems.
struct DecodingContext {
    let file: String
    let diagnostics: DiagnosticCollector

    func location(_ node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, mark: node.mark)
    }

    func error(_ message: String, at node: YAMLNode, pointer: JSONPointer) {
        diagnostics.error(message, at: location(node), pointer: pointer.description)
    }

    func warning(_ message: String, at node: YAMLNode, pointer: JSONPointer) {
        diagnostics.warning(message, at: location(node), pointer: pointer.description)
    }
}

/// A JSON pointer into the document (RFC 6901), written as a URI fragment: `#/components/schemas/Pet`.
public struct JSONPointer: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// The unescaped reference tokens, in order.
    public var tokens: [String] {
        didSet { digest = Self.digest(of: tokens) }
    }

    /// A 64-bit FNV-1a digest of the tokens, kept with them and extended token by token (`appending`): pointers are
    /// dictionary and set keys thousands of times in a large document, and hashing one then costs one word instead
    /// of every token's bytes (again at each rehash as the dictionary grows). Equal pointers have equal digests.
    private(set) var digest: UInt64

    public init(_ tokens: [String] = []) {
        self.tokens = tokens
        digest = Self.digest(of: tokens)
    }

    private init(tokens: [String], digest: UInt64) {
        self.tokens = tokens
        self.digest = digest
    }

    static let emptyDigest: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The digest of `tokens`: FNV-1a over each token's UTF-8 bytes in Unicode normalization form C (Swift's
    /// strings are equal when canonically equivalent: `"e\u{301}" == "é"`, and so must their digests be), each
    /// followed by 0xFF (a byte UTF-8 never holds), so that `["ab", "c"]` and `["a", "bc"]` differ.
    static func digest(of tokens: [String]) -> UInt64 {
        tokens.reduce(emptyDigest) { digest(extending: $0, with: $1) }
    }

    /// `digest` of a pointer's tokens followed by `token`.
    static func digest(extending digest: UInt64, with token: String) -> UInt64 {
        let prime: UInt64 = 0x0000_0100_0000_01b3
        var result = digest
        for byte in token.utf8 {
            // ASCII is its own normal form; any other text is normalized first (rare in pointers).
            guard byte < 0x80 else { return extending(digest, withNormalized: token) }
            result = (result ^ UInt64(byte)) &* prime
        }
        return (result ^ 0xFF) &* prime
    }

    private static func extending(_ digest: UInt64, withNormalized token: String) -> UInt64 {
        let prime: UInt64 = 0x0000_0100_0000_01b3
        var result = digest
        for byte in token.precomposedStringWithCanonicalMapping.utf8 { result = (result ^ UInt64(byte)) &* prime }
        return (result ^ 0xFF) &* prime
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(digest) }

    public static func == (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        lhs.digest == rhs.digest && lhs.tokens == rhs.tokens
    }

    /// Parses a fragment such as `#/components/schemas/Pet` (the leading `#` is required).
    public init?(fragment: String) {
        guard fragment.hasPrefix("#") else { return nil }
        let body = fragment.dropFirst()
        if body.isEmpty {
            self.init([])
            return
        }
        guard body.hasPrefix("/") else { return nil }
        let decoded = body.removingPercentEncodingIfValid
        let tokens = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            // A token without `~` has nothing to unescape (Foundation's replacement costs a few percent of a large
            // document's generation).
            guard $0.utf8.contains(UInt8(ascii: "~")) else { return String($0) }
            return $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
        self.init(tokens)
    }

    public func appending(_ token: String) -> JSONPointer {
        // One array at its final size (`tokens + [token]` would make two): a pointer is made for every node decoded.
        var extended: [String] = []
        extended.reserveCapacity(tokens.count + 1)
        extended.append(contentsOf: tokens)
        extended.append(token)
        return JSONPointer(tokens: extended, digest: Self.digest(extending: digest, with: token))
    }

    public func appending(_ index: Int) -> JSONPointer { appending(String(index)) }

    public var description: String {
        var result = "#"
        for token in tokens {
            result += "/"
            guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else {
                result += token
                continue
            }
            for character in token.unicodeScalars {
                switch character {
                case "~": result += "~0"
                case "/": result += "~1"
                default: result.unicodeScalars.append(character)
                }
            }
        }
        return result
    }

    public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        lhs.tokens.lexicographicallyPrecedes(rhs.tokens)
    }
}

extension Substring {
    /// Percent-decodes a URI fragment; returns the text unchanged when it holds no valid escapes.
    var removingPercentEncodingIfValid: String {
        guard contains("%") else { return String(self) }
        var bytes: [UInt8] = []
        var index = utf8.startIndex
        let utf8 = self.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%"),
                let high = utf8.index(index, offsetBy: 1, limitedBy: utf8.endIndex), high < utf8.endIndex,
                let low = utf8.index(index, offsetBy: 2, limitedBy: utf8.endIndex), low < utf8.endIndex,
                let value = UInt8(String(decoding: [utf8[high], utf8[low]], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index = utf8.index(index, offsetBy: 3)
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Reads one mapping node of the document: typed field access that reports mismatches, and a final check
/// that warns about keys the OpenAPI (or JSON Schema) vocabulary does not define.
struct MappingReader {
    let node: YAMLNode
    let pointer: JSONPointer
    let context: DecodingContext
    let pairs: [YAMLPair]

    /// - Returns: `nil` (after reporting an error) when `node` is not a mapping.
    init?(_ node: YAMLNode, at pointer: JSONPointer, context: DecodingContext, what: String) {
        guard let pairs = node.pairs else {
            context.error("expected \(what) to be a mapping, found \(node.kindDescription)", at: node, pointer: pointer)
            return nil
        }
        self.node = node
        self.pointer = pointer
        self.context = context
        self.pairs = pairs
    }

    subscript(key: String) -> YAMLNode? { node[key] }

    /// The text of a scalar field; `nil` when the field is absent or null. Numbers keep their source text,
    /// so `version: 1.0` reads as `"1.0"`.
    func string(_ key: String) -> String? {
        guard let value = node[key] else { return nil }
        guard let scalar = value.scalar else {
            context.error(
                "expected '\(key)' to be a string, found \(value.kindDescription)", at: value,
                pointer: pointer.appending(key))
            return nil
        }
        if scalar.isNull { return nil }
        return scalar.text
    }

    /// The string at `key`, or `nil` after an error: the key is missing, or its value is not a string
    /// (`openapi:` with nothing after it, or `~`, is null, which a required field cannot be).
    func requiredString(_ key: String) -> String? {
        guard let value = node[key] else {
            context.error("missing required field '\(key)'", at: node, pointer: pointer)
            return nil
        }
        if value.scalar?.isNull == true {
            context.error(
                "expected '\(key)' to be a string, found null", at: value, pointer: pointer.appending(key))
            return nil
        }
        return string(key)
    }

    func bool(_ key: String) -> Bool? {
        guard let value = node[key] else { return nil }
        guard case .bool(let bool)? = value.scalar?.value else {
            context.error(
                "expected '\(key)' to be true or false, found \(value.kindDescription)", at: value,
                pointer: pointer.appending(key))
            return nil
        }
        return bool
    }

    func mapping(_ key: String) -> [YAMLPair]? {
        guard let value = node[key] else { return nil }
        guard let pairs = value.pairs else {
            context.error(
                "expected '\(key)' to be a mapping, found \(value.kindDescription)", at: value,
                pointer: pointer.appending(key))
            return nil
        }
        return pairs
    }

    func sequence(_ key: String) -> [YAMLNode]? {
        guard let value = node[key] else { return nil }
        guard let items = value.items else {
            context.error(
                "expected '\(key)' to be a sequence, found \(value.kindDescription)", at: value,
                pointer: pointer.appending(key))
            return nil
        }
        return items
    }

    func strings(_ key: String) -> [String]? {
        guard let items = sequence(key) else { return nil }
        return items.enumerated().compactMap { index, item in
            guard let scalar = item.scalar else {
                context.error(
                    "expected the items of '\(key)' to be strings, found \(item.kindDescription)", at: item,
                    pointer: pointer.appending(key).appending(index))
                return nil
            }
            return scalar.text
        }
    }

    /// Specification extensions (`x-…`) in document order.
    var extensions: [String: YAMLNode] {
        var result: [String: YAMLNode] = [:]
        // Through the array's storage: most objects have no extension, and their pairs are not copied out.
        pairs.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                if case .scalar(let key) = buffer[index].key.kind, key.text.hasPrefix("x-") {
                    result[key.text] = buffer[index].value
                }
            }
        }
        return result
    }

    /// Warns once for each key that is neither in `known` nor a specification extension.
    /// - Parameter known: the keys of the object; a literal list is read as an array (a few names compared one by
    ///   one cost less than building a set for each object of a large document).
    func warnAboutUnknownKeys(_ known: some Collection<String>, vocabulary: String) {
        // Through the pairs' storage: iterating the array would copy each pair out.
        pairs.withUnsafeBufferPointer { pairs in
            for index in pairs.indices {
                guard case .scalar(let scalar) = pairs[index].key.kind else {
                    let key = pairs[index].key
                    context.warning(
                        "\(key.kindDescription) key is not allowed here; it is ignored", at: key, pointer: pointer)
                    continue
                }
                let key = scalar.text
                if known.contains(key) || key.hasPrefix("x-") { continue }
                context.warning(
                    "'\(key)' is not \(vocabulary)\(Suggestion.parenthetical(for: key, among: known)); it is ignored",
                    at: pairs[index].key, pointer: pointer.appending(key))
            }
        }
    }
}
