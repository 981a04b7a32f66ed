import Foundation

/// Rewrites UTF-16 surrogate pair escapes in JSON text (`\ud83d\udc4d`, valid JSON) as the YAML escape of the
/// same character (`\U0001F44D`), because libyaml checks each `\u` escape on its own and rejects the halves.
///
/// Only JSON input is rewritten (the first non-blank byte is `{` or `[`): there every escape is inside a
/// double-quoted string. Each rewrite makes its line two characters shorter, so the result carries what
/// is needed to map columns back to the original text.
struct SurrogatePairs {
    /// The rewritten bytes (the input itself when nothing was rewritten).
    let bytes: [UInt8]
    /// For each line with rewrites: the 1-based columns, in the rewritten text, where a rewrite starts.
    let rewrites: [Int: [Int]]
    /// The first lone surrogate (a high one not followed by a low one, or a low one on its own), if any:
    /// its escape text and its position in the original text.
    let loneSurrogate: (text: String, mark: SourceMark)?

    init(_ input: [UInt8]) {
        guard let first = input.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }),
            first == UInt8(ascii: "{") || first == UInt8(ascii: "["),
            Self.containsSurrogateEscape(input)
        else {
            bytes = input
            rewrites = [:]
            loneSurrogate = nil
            return
        }
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var rewrites: [Int: [Int]] = [:]
        var lone: (String, SourceMark)?
        var line = 1
        var column = 1  // in the original text, counted in Unicode scalars
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "\\"), index + 1 < input.count {
                if let high = Self.escape(input, at: index), (0xD800...0xDBFF).contains(high) {
                    if let low = Self.escape(input, at: index + 6), (0xDC00...0xDFFF).contains(low) {
                        let scalar = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                        let rewrittenColumn = column - 2 * (rewrites[line]?.count ?? 0)
                        rewrites[line, default: []].append(rewrittenColumn)
                        output += Array(("\\U" + String(format8: scalar)).utf8)
                        index += 12
                        column += 12
                        continue
                    }
                    if lone == nil {
                        lone = (
                            String(decoding: input[index..<index + 6], as: UTF8.self),
                            SourceMark(line: line, column: column)
                        )
                    }
                } else if let low = Self.escape(input, at: index), (0xDC00...0xDFFF).contains(low), lone == nil {
                    lone = (
                        String(decoding: input[index..<index + 6], as: UTF8.self),
                        SourceMark(line: line, column: column)
                    )
                }
                // Any other escape: copy the backslash and the escaped character as they are.
                output.append(byte)
                output.append(input[index + 1])
                index += 2
                column += 2
                continue
            }
            output.append(byte)
            index += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        self.bytes = output
        self.rewrites = rewrites
        self.loneSurrogate = lone
    }

    /// Maps a mark in the rewritten text back to the original text.
    func original(_ mark: SourceMark) -> SourceMark {
        // Asked for every event of the document: most documents have no rewrites, and then no lookup is needed.
        guard !rewrites.isEmpty, let starts = rewrites[mark.line] else { return mark }
        let before = starts.filter { $0 < mark.column }.count
        return SourceMark(line: mark.line, column: mark.column + 2 * before)
    }

    /// The value of a `\uXXXX` escape starting at `index`, if there is one.
    static func escape(_ bytes: [UInt8], at index: Int) -> Int? {
        guard index + 5 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
            return nil
        }
        return Int(String(decoding: bytes[index + 2..<index + 6], as: UTF8.self), radix: 16)
    }

    static func containsSurrogateEscape(_ bytes: [UInt8]) -> Bool {
        // From backslash to backslash with `memchr` (a whole large document is scanned, and backslashes are rare).
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            var index = 0
            while index + 2 < buffer.count {
                guard let found = memchr(base + index, Int32(UInt8(ascii: "\\")), buffer.count - 2 - index) else {
                    return false
                }
                index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if buffer[index + 1] == UInt8(ascii: "u"),
                    buffer[index + 2] == UInt8(ascii: "d") || buffer[index + 2] == UInt8(ascii: "D")
                {
                    return true
                }
                index += 1
            }
            return false
        }
    }
}

extension String {
    /// Eight uppercase hexadecimal digits.
    fileprivate init(format8 value: Int) {
        let hex = String(value, radix: 16, uppercase: true)
        self = String(repeating: "0", count: Swift.max(0, 8 - hex.count)) + hex
    }
}
