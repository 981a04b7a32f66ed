/// Builds the tree of a JSON document without libyaml, for the shape large documents have: the exact tree libyaml's
/// events would give (the same nodes, texts, values and marks), several times faster. It declines, returning `nil`,
/// for anything outside a strict subset of JSON, and the parser then reads the document with libyaml, which reports
/// any problem in its own words. So a document either gets the tree libyaml would give or is read by libyaml.
///
/// The subset: a root object or array; whitespace of spaces and line feeds (no tabs, carriage returns or byte
/// order mark); strings of printable characters (valid UTF-8, none of YAML's line breaks U+0085, U+2028 and
/// U+2029, no U+FEFF) with the escapes `\" \\ \/ \b \f \n \r \t \uXXXX` (no surrogate halves); JSON numbers, `true`,
/// `false` and `null`; each key and its colon on one line within 1,000 bytes (libyaml stops looking for the colon
/// of a key after 1,024 characters or at the end of its line); no duplicate key and no nesting deeper than
/// `YAMLParser.maximumDepth` (the libyaml path reports those).
struct JSONFastPath {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let file: String?
    private var index = 0
    private var line = 1
    /// The offset of the current line's first byte.
    private var lineStart = 0
    /// The UTF-8 continuation bytes between `lineStart` and `index`: columns count Unicode scalars.
    private var continuationBytes = 0
    private var builder = TreeBuilder()

    /// The longest key, in bytes from its opening quote to its colon, that the fast path reads.
    static let maximumKeySpan = 1_000

    /// The document's tree, or `nil` when the bytes are not in the subset this parser reads.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String?) -> YAMLNode? {
        var parser = JSONFastPath(bytes: bytes, file: file)
        parser.skipWhitespace()
        guard parser.index < bytes.count,
            bytes[parser.index] == UInt8(ascii: "{") || bytes[parser.index] == UInt8(ascii: "[")
        else { return nil }
        guard parser.parseValue() else { return nil }
        parser.skipWhitespace()
        guard parser.index == bytes.count else { return nil }
        return parser.builder.root
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, file: String?) {
        self.bytes = bytes
        self.file = file
    }

    private var mark: SourceMark {
        SourceMark(line: line, column: index - lineStart - continuationBytes + 1, file: file)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "):
                index += 1
            case UInt8(ascii: "\n"):
                index += 1
                line += 1
                lineStart = index
                continuationBytes = 0
            default:
                return
            }
        }
    }

    /// Reads one value at `index` into the builder; `false` to decline.
    private mutating func parseValue() -> Bool {
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "{"): return parseCollection(.mapping)
        case UInt8(ascii: "["): return parseCollection(.sequence)
        case UInt8(ascii: "\""): return parseString()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return parseNumber()
        case UInt8(ascii: "t"): return parseLiteral("true")
        case UInt8(ascii: "f"): return parseLiteral("false")
        case UInt8(ascii: "n"): return parseLiteral("null")
        default: return false
        }
    }

    private mutating func parseCollection(_ kind: TreeBuilder.CollectionKind) -> Bool {
        let close = kind == .mapping ? UInt8(ascii: "}") : UInt8(ascii: "]")
        do {
            try builder.open(kind, at: mark, anchor: nil)
        } catch {
            return false
        }
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == close {
            index += 1
            return closeCollection()
        }
        while true {
            if kind == .mapping {
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return false }
                let keyLine = line
                let keyStart = index
                guard parseString() else { return false }
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":"), line == keyLine,
                    index - keyStart <= Self.maximumKeySpan
                else { return false }
                index += 1
                skipWhitespace()
            }
            guard parseValue() else { return false }
            skipWhitespace()
            guard index < bytes.count else { return false }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                skipWhitespace()
                continue
            }
            guard bytes[index] == close else { return false }
            index += 1
            return closeCollection()
        }
    }

    private mutating func closeCollection() -> Bool {
        do {
            try builder.close()
            return true
        } catch {
            return false
        }
    }

    private mutating func add(_ text: String, isPlain: Bool, at mark: SourceMark) -> Bool {
        let value = YAMLScalar.resolve(text: text, tag: nil, isPlain: isPlain)
        let node = YAMLNode(.scalar(YAMLScalar(text: text, value: value, isPlain: isPlain)), mark: mark)
        do {
            try builder.add(node, weight: 1, anchor: nil)
            return true
        } catch {
            return false
        }
    }

    /// Whether the byte at `index` ends a plain scalar in JSON (what may follow a number or literal).
    private var isAtDelimiter: Bool {
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"): return true
        default: return false
        }
    }

    private mutating func parseLiteral(_ literal: StaticString) -> Bool {
        let start = mark
        let startIndex = index
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] { return false }
        index += count
        guard isAtDelimiter else { return false }
        return add(text(from: startIndex), isPlain: true, at: start)
    }

    /// A JSON number: `-? (0 | [1-9][0-9]*) (\.[0-9]+)? ([eE][-+]?[0-9]+)?`, a plain scalar.
    private mutating func parseNumber() -> Bool {
        let start = mark
        let startIndex = index
        func isDigit(_ index: Int) -> Bool {
            index < bytes.count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard isDigit(index) else { return false }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            while isDigit(index) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard isDigit(index) else { return false }
            while isDigit(index) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard isDigit(index) else { return false }
            while isDigit(index) { index += 1 }
        }
        guard isAtDelimiter else { return false }
        return add(text(from: startIndex), isPlain: true, at: start)
    }

    private func text(from start: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    /// A double-quoted string, a scalar that is not plain.
    private mutating func parseString() -> Bool {
        let start = mark
        index += 1
        let contentStart = index
        // The content with escapes replaced, once there is an escape.
        var unescaped: [UInt8]?
        var segmentStart = index
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                let text: String
                if var unescaped {
                    unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<index]))
                    text = String(decoding: unescaped, as: UTF8.self)
                } else {
                    text = String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<index]), as: UTF8.self)
                }
                index += 1
                return add(text, isPlain: false, at: start)
            case UInt8(ascii: "\\"):
                var buffer = unescaped ?? []
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<index]))
                guard let scalar = escape() else { return false }
                UTF8.encode(scalar) { buffer.append($0) }
                unescaped = buffer
                segmentStart = index
            case 0x20...0x7E:
                index += 1
            case 0x80...:
                guard let length = printableSequenceLength() else { return false }
                index += length
                continuationBytes += length - 1
            default:
                // Control characters (and DEL) are read by libyaml, which rejects or folds them.
                return false
            }
        }
        return false
    }

    /// The character an escape at `index` stands for, moving past it; `nil` for any escape outside JSON's, and for
    /// surrogate halves.
    private mutating func escape() -> Unicode.Scalar? {
        guard index + 1 < bytes.count else { return nil }
        let scalar: Unicode.Scalar
        switch bytes[index + 1] {
        case UInt8(ascii: "\""): scalar = "\""
        case UInt8(ascii: "\\"): scalar = "\\"
        case UInt8(ascii: "/"): scalar = "/"
        case UInt8(ascii: "b"): scalar = "\u{08}"
        case UInt8(ascii: "f"): scalar = "\u{0C}"
        case UInt8(ascii: "n"): scalar = "\n"
        case UInt8(ascii: "r"): scalar = "\r"
        case UInt8(ascii: "t"): scalar = "\t"
        case UInt8(ascii: "u"):
            guard index + 5 < bytes.count else { return nil }
            var value: UInt32 = 0
            for offset in 2...5 {
                let byte = bytes[index + offset]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
            }
            guard let decoded = Unicode.Scalar(value) else { return nil }  // a surrogate half
            index += 6
            return decoded
        default:
            return nil
        }
        index += 2
        return scalar
    }

    /// The length of the UTF-8 sequence at `index` when it is valid and encodes a character libyaml reads as an
    /// ordinary printable one (U+00A0–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF, less the line and paragraph
    /// separators and U+FEFF); otherwise `nil`.
    private func printableSequenceLength() -> Int? {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF:
            length = 2
            value = UInt32(lead & 0x1F)
        case 0xE0...0xEF:
            length = 3
            value = UInt32(lead & 0x0F)
        case 0xF0...0xF4:
            length = 4
            value = UInt32(lead & 0x07)
        default:
            return nil
        }
        guard index + length <= bytes.count else { return nil }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        // Overlong encodings and values past U+10FFFF are invalid.
        let smallest: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= smallest, value <= 0x10FFFF else { return nil }
        switch value {
        case 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
            return value == 0x2028 || value == 0x2029 || value == 0xFEFF ? nil : length
        default:
            return nil
        }
    }
}
