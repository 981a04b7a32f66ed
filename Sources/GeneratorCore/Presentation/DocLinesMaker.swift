import Foundation

/// Makes the doc comment lines of one document's declarations (paragraphs split at every line break, wrapped
/// by `SwiftText.wrap`), each distinct summary or description text split and wrapped once: a large document repeats the same texts thousands of times (Stripe's
/// 7,855 one-line descriptions hold 1,333 distinct texts), and splitting and wrapping them was a tenth of its
/// generation.
///
/// `SwiftText.docLines` is one call's worth of it. Texts are told apart by their UTF-8 bytes, not by `String`
/// equality, which holds for canonically equivalent texts of different bytes (`é` as one scalar or two) whose
/// comments must keep their own bytes. Not thread-safe: one presenter uses it on one thread.
final class DocLinesMaker {
    /// A text's lines (`SwiftText.lines`) and its paragraph of comment lines: wrapped, each with `///`.
    struct Paragraph {
        var lines: [String]
        var comment: [String]
    }

    /// A text as a dictionary key, equal to another only with the same UTF-8 bytes.
    struct TextKey: Hashable {
        var text: String

        /// Over each text's contiguous UTF-8 where it has one (every native string), read in place: a copy of
        /// each text to call `withUTF8` on was a retain and a release per comparison.
        static func == (lhs: TextKey, rhs: TextKey) -> Bool {
            let left = lhs.text.utf8
            let right = rhs.text.utf8
            guard left.count == right.count else { return false }
            let compared = left.withContiguousStorageIfAvailable { left in
                right.withContiguousStorageIfAvailable { right in
                    left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0
                }
            }
            return (compared ?? nil) ?? left.elementsEqual(right)
        }

        /// Every byte: hashing only a long text's ends was faster, but a document whose long descriptions share
        /// their length and ends (templated texts) would put them all in one bucket, each look-up comparing them
        /// in turn.
        func hash(into hasher: inout Hasher) {
            // Read in place, as in `==`; a text without contiguous UTF-8 is copied into a native one first.
            let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { Self.hash($0, into: &hasher) }
            if hashed == nil {
                var text = text
                text.withUTF8 { Self.hash($0, into: &hasher) }
            }
        }

        private static func hash(_ utf8: UnsafeBufferPointer<UInt8>, into hasher: inout Hasher) {
            hasher.combine(bytes: UnsafeRawBufferPointer(utf8))
        }
    }

    /// The comment lines one line of an `extra` paragraph makes, and whether a code fence is open after it.
    struct LineComment {
        var comment: [String]
        var inFenceAfter: Bool
    }

    /// Paragraphs made before this maker, on another thread (`paragraphs(ofTextsIn:)`): the makers of one run each
    /// start from them, and read them without locking, since no maker changes them.
    let seed: [TextKey: Paragraph]
    private var paragraphs: [TextKey: Paragraph]
    /// The comment lines of each line of the `extra` paragraphs, outside a code fence and inside one (`wrap`
    /// depends on the line and on that alone). By line rather than by paragraph: an operation's paragraph is its
    /// own (it names the operation's parameters and types), while its lines (a parameter's description, the
    /// `- Throws:` lines) recur across operations.
    private var extraLines: [[TextKey: LineComment]] = [[:], [:]]

    /// - Parameter seed: paragraphs already made (`paragraphs(ofTextsIn:)`), which this maker does not make again.
    init(seed: [TextKey: Paragraph] = [:]) {
        self.seed = seed
        paragraphs = seed
    }

    /// A maker for another thread, starting from the same seed.
    func sibling() -> DocLinesMaker { DocLinesMaker(seed: seed) }

    /// The paragraph of every `title`, `summary` and `description` text in a document's tree, the texts most doc
    /// comments are made of: made on a thread that would otherwise wait (`Pipeline.resolve(_:with:warming:)`), so
    /// that the rendering threads find them made.
    static func paragraphs(ofTextsIn root: YAMLNode) -> [TextKey: Paragraph] {
        let maker = DocLinesMaker()
        var stack = [root]
        while let node = stack.popLast() {
            switch node.kind {
            case .scalar: continue
            case .sequence(let items): stack.append(contentsOf: items)
            case .mapping(let pairs):
                for pair in pairs {
                    if case .scalar(let key) = pair.key.kind,
                        key.text == "description" || key.text == "summary"
                            || key.text == "title", case .scalar(let value) = pair.value.kind
                    {
                        _ = maker.paragraph(value.text)
                    } else {
                        stack.append(pair.value)
                    }
                }
            }
        }
        return maker.paragraphs
    }

    /// The paragraph of a summary or description text, made on first use.
    func paragraph(_ text: String) -> Paragraph {
        let key = TextKey(text: text)
        if let paragraph = paragraphs[key] { return paragraph }
        let paragraph: Paragraph
        if let lines = SwiftText.asciiLines(text) {
            // `SwiftText.lines`' ASCII path, whose lines hold no carriage return (it breaks lines there): each
            // is one `wrap` wraps with `wrapASCII`, called here without checking its bytes again.
            var wrapped: [String] = []
            var inFence = false
            for line in lines { SwiftText.wrapASCII(line, inFence: &inFence, into: &wrapped) }
            paragraph = Paragraph(lines: lines, comment: wrapped.map { $0.isEmpty ? "///" : "/// " + $0 })
        } else {
            let lines = SwiftText.lines(text)
            paragraph = Paragraph(lines: lines, comment: Self.comment(lines))
        }
        paragraphs[key] = paragraph
        return paragraph
    }

    /// Lines wrapped (`SwiftText.wrap`), each as a comment line: `/// text`, or `///` for an empty one.
    static func comment(_ lines: [String]) -> [String] {
        SwiftText.wrap(lines).map { $0.isEmpty ? "///" : "/// " + $0 }
    }

    /// `comment(extra)`, each distinct line (inside a code fence or not) wrapped once.
    func extraComment(_ extra: [String]) -> [String] {
        var result: [String] = []
        var inFence = false
        for line in extra {
            let key = TextKey(text: line)
            let table = inFence ? 1 : 0
            if let made = extraLines[table][key] {
                result += made.comment
                inFence = made.inFenceAfter
                continue
            }
            var wrapped: [String] = []
            SwiftText.wrap(line, inFence: &inFence, into: &wrapped)
            let comment = wrapped.map { $0.isEmpty ? "///" : "/// " + $0 }
            extraLines[table][key] = LineComment(comment: comment, inFenceAfter: inFence)
            result += comment
        }
        return result
    }

    /// `///` lines for a summary, a description, extra paragraphs and the source pointer, a `///` line between
    /// paragraphs; a description with the summary's lines is left out.
    func docLines(summary: String?, description: String?, source: String?, extra: [String] = []) -> [String] {
        docLines(summary: summary, description: description, sourceLine: source.map(Self.sourceLine), extra: extra)
    }

    /// `docLines(summary:description:source:extra:)` with the source as a JSON pointer, whose line is
    /// written from its tokens.
    func docLines(summary: String?, description: String?, pointer: JSONPointer, extra: [String] = []) -> [String] {
        docLines(summary: summary, description: description, sourceLine: Self.sourceLine(pointer), extra: extra)
    }

    private func docLines(summary: String?, description: String?, sourceLine: String?, extra: [String]) -> [String] {
        var result: [String] = []
        var summaryLines: [String]?
        func separate() { if !result.isEmpty { result.append("///") } }
        if let summary {
            let paragraph = paragraph(summary)
            if !paragraph.lines.allSatisfy(\.isEmpty) {
                summaryLines = paragraph.lines
                result += paragraph.comment
            }
        }
        if let description {
            let paragraph = paragraph(description)
            if !paragraph.lines.allSatisfy(\.isEmpty), paragraph.lines != summaryLines {
                separate()
                result += paragraph.comment
            }
        }
        if !extra.isEmpty {
            separate()
            result += extraComment(extra)
        }
        if let sourceLine {
            separate()
            result.append(sourceLine)
        }
        return result
    }

    /// `/// Source: `#/a/b``: `wrap` leaves a line that begins with `Source: ` as it is.
    static func sourceLine(_ source: String) -> String { "/// Source: `" + SwiftText.sourceText(source) + "`" }

    /// `sourceLine(pointer.description)`, written byte by byte when every token is ASCII (nearly every pointer):
    /// `~` escaped as `~0`, `/` as `~1` (RFC 6901), and a backquote replaced by `'` (`SwiftText.sourceText`).
    static func sourceLine(_ pointer: JSONPointer) -> String {
        let prefix: StaticString = "/// Source: `#"
        // At most two bytes per token byte (`~0`, `~1`), one `/` per token, and the closing backquote.
        var capacity = prefix.utf8CodeUnitCount + 1
        for token in pointer.tokens { capacity += 1 + 2 * token.utf8.count }
        var isASCII = true
        // Written straight into the string's storage; each token read from its contiguous UTF-8: iterating
        // `token.utf8` goes through the generic collection witnesses, a byte at a time.
        let line = String(unsafeUninitializedCapacity: capacity) { output in
            var count = 0
            prefix.withUTF8Buffer { prefix in
                for byte in prefix {
                    output[count] = byte
                    count += 1
                }
            }
            for token in pointer.tokens {
                output[count] = UInt8(ascii: "/")
                count += 1
                var token = token
                let tokenIsASCII = token.withUTF8 { utf8 in
                    for byte in utf8 {
                        switch byte {
                        case UInt8(ascii: "~"):
                            output[count] = UInt8(ascii: "~")
                            output[count + 1] = UInt8(ascii: "0")
                            count += 2
                        case UInt8(ascii: "/"):
                            output[count] = UInt8(ascii: "~")
                            output[count + 1] = UInt8(ascii: "1")
                            count += 2
                        case UInt8(ascii: "`"):
                            output[count] = UInt8(ascii: "'")
                            count += 1
                        case 0x80...: return false
                        default:
                            output[count] = byte
                            count += 1
                        }
                    }
                    return true
                }
                if !tokenIsASCII {
                    isASCII = false
                    return 0
                }
            }
            output[count] = UInt8(ascii: "`")
            return count + 1
        }
        return isASCII ? line : sourceLine(pointer.description)
    }
}
