/// Turns arbitrary document text into text that is safe inside generated Swift: doc comment lines and
/// string literals that no input can end early.
enum SwiftText {
    /// `///` lines for a summary and a description, followed by the source pointer. Lines are split at every
    /// line break Swift or an editor recognises (LF, CR, CRLF, NEL, U+2028, U+2029, VT, FF), so no text can
    /// leave the comment; other control characters are dropped. The lines are `DocLinesMaker`'s, made for one
    /// call (the presenter keeps one maker for a whole document, so that each distinct text is wrapped once).
    static func docLines(summary: String?, description: String?, source: String?, extra: [String] = []) -> [String] {
        DocLinesMaker().docLines(summary: summary, description: description, source: source, extra: extra)
    }

    /// A source pointer with its backquotes replaced, so that it stays one code span. Foundation's replacement
    /// costs a few percent of a large document's generation; ASCII text without a backquote, nearly every
    /// pointer, has nothing it could replace and is returned as it is.
    static func sourceText(_ source: String) -> String {
        if source.utf8AllSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "`") }) { return source }
        return source.replacingOccurrences(of: "`", with: "'")
    }

    /// The widest a line of comment text is made (not counting `/// ` and indentation).
    static let textWidth = 100

    /// Wraps lines longer than `textWidth` at spaces, as hand-written comments are. Continuation lines keep
    /// the line's indentation, plus two spaces for a list item, so Markdown reads them as the same item.
    /// Lines inside code fences, table rows and headings are left alone, as are words longer than a line.
    static func wrap(_ lines: [String]) -> [String] {
        var result: [String] = []
        var inFence = false
        for line in lines { wrap(line, inFence: &inFence, into: &result) }
        return result
    }

    /// `wrap(_:)`'s lines for one line, which depend on the line and on whether it is inside a code fence
    /// (`inFence`, updated when the line opens or closes one) alone.
    static func wrap(_ line: String, inFence: inout Bool, into result: inout [String]) {
        // ASCII without a carriage return, nearly every line: a character is a byte.
        if line.utf8AllSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) {
            wrapASCII(line, inFence: &inFence, into: &result)
            return
        }
        let trimmed = line.drop { $0 == " " }
        if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
        guard !inFence, line.count > textWidth, !trimmed.hasPrefix("|"), !trimmed.hasPrefix("#"),
            !trimmed.hasPrefix("Source: ")
        else {
            result.append(line)
            return
        }
        let indent = String(repeating: " ", count: line.count - trimmed.count)
        let isListItem = trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed.hasPrefix("+ ")
        let continuation = indent + (isListItem ? "  " : "")
        var current = indent
        for word in trimmed.split(separator: " ", omittingEmptySubsequences: true) {
            let isFirst = current == indent || current == continuation
            if !isFirst, current.count + 1 + word.count > textWidth {
                result.append(current)
                current = continuation + word
            } else {
                current += (isFirst ? "" : " ") + word
            }
        }
        result.append(current)
    }

    /// `wrap(_:)` for one line of ASCII text without a carriage return, where every character is one byte:
    /// the same lines, counted in bytes rather than in characters.
    static func wrapASCII(_ line: String, inFence: inout Bool, into result: inout [String]) {
        let space = UInt8(ascii: " ")
        var text = line
        // Over the bytes in place: a line is copied once, into the lines it wraps into, if it wraps.
        let isKept = text.withUTF8 { bytes -> Bool in
            let count = bytes.count
            var indentWidth = 0
            while indentWidth < count, bytes[indentWidth] == space { indentWidth += 1 }
            func hasPrefix(_ prefix: StaticString) -> Bool {
                let length = prefix.utf8CodeUnitCount
                guard count - indentWidth >= length else { return false }
                for offset in 0..<length where bytes[indentWidth + offset] != prefix.utf8Start[offset] { return false }
                return true
            }
            if hasPrefix("```") || hasPrefix("~~~") { inFence.toggle() }
            guard !inFence, count > textWidth, !hasPrefix("|"), !hasPrefix("#"), !hasPrefix("Source: ") else {
                return true
            }
            let isListItem = hasPrefix("- ") || hasPrefix("* ") || hasPrefix("+ ")
            let continuationWidth = indentWidth + (isListItem ? 2 : 0)
            var current = [UInt8](repeating: space, count: indentWidth)
            current.reserveCapacity(textWidth + 1)
            var isFirst = true
            var start = indentWidth
            while start < count {
                guard bytes[start] != space else {
                    start += 1
                    continue
                }
                var end = start
                while end < count, bytes[end] != space { end += 1 }
                if !isFirst, current.count + 1 + (end - start) > textWidth {
                    result.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                    current.append(contentsOf: repeatElement(space, count: continuationWidth))
                } else if !isFirst {
                    current.append(space)
                }
                current.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                isFirst = false
                start = end
            }
            result.append(String(decoding: current, as: UTF8.self))
            return false
        }
        if isKept { result.append(line) }
    }

    /// Splits text into lines, trimming trailing whitespace and leading/trailing empty lines.
    static func lines(_ text: String) -> [String] {
        if let lines = asciiLines(text) { return lines }
        var lines: [String] = []
        var current = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n" where previousWasCR:
                previousWasCR = false
                continue
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}":
                lines.append(current)
                current = ""
                previousWasCR = scalar == "\r"
                continue
            default:
                previousWasCR = false
            }
            if scalar == "\t" {
                current += "    "
            } else if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.properties.generalCategory == .control) {
                continue
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        lines.append(current)
        lines = lines.map { line in
            var line = line
            while line.last?.isWhitespace == true { line.removeLast() }
            return line
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// `lines(_:)` for ASCII text, byte by byte; `nil` for text with any other character. In ASCII, after tabs
    /// become spaces and control characters are dropped, the only whitespace left to trim is the space.
    static func asciiLines(_ text: String) -> [String]? {
        var text = text
        // One pass over the bytes in place: a line of printable ASCII alone (nearly every line) is copied once,
        // straight from the text; a line with a tab or a control character is filtered byte by byte.
        return text.withUTF8 { utf8 -> [String]? in
            var lines: [String] = []
            var start = 0
            var isPrintable = true
            var previousWasCR = false
            func endLine(at end: Int) {
                guard isPrintable else {
                    lines.append(filteredLine(UnsafeBufferPointer(rebasing: utf8[start..<end])))
                    return
                }
                var last = end
                while last > start, utf8[last - 1] == UInt8(ascii: " ") { last -= 1 }
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<last]), as: UTF8.self))
            }
            for index in 0..<utf8.count {
                let byte = utf8[index]
                if byte >= 0x80 { return nil }
                guard byte < 0x20 || byte == 0x7F else {
                    previousWasCR = false
                    continue
                }
                switch byte {
                case UInt8(ascii: "\n") where previousWasCR:
                    // The line ended at the carriage return.
                    previousWasCR = false
                    start = index + 1
                case UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C:
                    endLine(at: index)
                    start = index + 1
                    isPrintable = true
                    previousWasCR = byte == UInt8(ascii: "\r")
                default:
                    isPrintable = false
                    previousWasCR = false
                }
            }
            endLine(at: utf8.count)
            while lines.first?.isEmpty == true { lines.removeFirst() }
            while lines.last?.isEmpty == true { lines.removeLast() }
            return lines
        }
    }

    /// One line of ASCII without line breaks: a tab as four spaces, other control characters (below 0x20, and
    /// 0x7F) left out, trailing spaces trimmed.
    private static func filteredLine(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var line: [UInt8] = []
        line.reserveCapacity(bytes.count + 8)
        for byte in bytes {
            if byte == UInt8(ascii: "\t") {
                line += [0x20, 0x20, 0x20, 0x20]
            } else if byte >= 0x20, byte != 0x7F {
                line.append(byte)
            }
        }
        while line.last == UInt8(ascii: " ") { line.removeLast() }
        return String(decoding: line, as: UTF8.self)
    }

    /// A Swift string literal for any text: quotes, backslashes, control characters and line separators escaped.
    static func stringLiteral(_ text: String) -> String {
        "\"" + literalContent(text) + "\""
    }

    /// The inside of a string literal (no quotes).
    static func literalContent(_ text: String) -> String {
        // Printable ASCII without a backslash or a quote, nearly every name and path: nothing to escape.
        if text.utf8AllSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "\"") }) {
            return text
        }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\0": result += "\\0"
            default:
                let category = scalar.properties.generalCategory
                if category == .control || category == .lineSeparator || category == .paragraphSeparator
                    || category == .format
                {
                    result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
