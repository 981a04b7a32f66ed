internal import CContentHash
import Foundation

/// A generated file's text as the byte ranges of the strings it is made of, in order: what the writer writes,
/// compares and hashes, reading each range in place.
///
/// The few-files layout's files are their parts' rendered texts under a header (`OutputLayout.concatenatedText`).
/// Joined into one string first, stripe's eight declarations files were 19 MB of fresh memory, whose first writes
/// (4,800 page faults, 3 to 14 µs each on this machine) cost more than copying the bytes; written from their parts
/// through one small reused buffer, they touch no new memory.
struct OutputText: Sendable {
    /// The bytes `start..<end` of `text`'s UTF-8, `start` and `end` on character boundaries.
    struct Piece: Sendable {
        var text: String
        var start: Int
        var end: Int
    }

    private(set) var pieces: [Piece] = []
    /// The number of UTF-8 bytes of all the pieces.
    private(set) var utf8Count = 0

    /// An empty text.
    init() {}

    /// A whole string.
    init(_ text: String) {
        append(text)
    }

    /// Appends the bytes of `text`'s UTF-8 from `start` (a character boundary) to its end; nothing when they are
    /// none.
    mutating func append(_ text: String, from start: Int = 0) {
        let end = text.utf8.count
        guard end > start else { return }
        pieces.append(Piece(text: text, start: start, end: end))
        utf8Count += end - start
    }

    /// Whether the text ends with two newlines.
    var endsWithBlankLine: Bool {
        var newlines = 0
        for piece in pieces.reversed() {
            var text = piece.text
            let done = text.withUTF8 { bytes -> Bool in
                var index = piece.end
                while index > piece.start {
                    index -= 1
                    guard bytes[index] == UInt8(ascii: "\n") else { return true }
                    newlines += 1
                    if newlines == 2 { return true }
                }
                return false
            }
            if done { break }
        }
        return newlines == 2
    }

    /// Removes the last byte (of the last piece; a piece left empty is removed).
    mutating func removeLastByte() {
        guard var last = pieces.popLast() else { return }
        last.end -= 1
        utf8Count -= 1
        if last.end > last.start { pieces.append(last) }
    }

    /// Calls `body` with the bytes of each piece, in order.
    func forEachPiece<Failure: Error>(_ body: (UnsafeRawBufferPointer) throws(Failure) -> Void) throws(Failure) {
        for piece in pieces {
            var text = piece.text
            // `withUTF8` reads a native string in place (it copies only a bridged or non-contiguous one).
            let result = text.withUTF8 { bytes -> Result<Void, Failure> in
                let range = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[piece.start..<piece.end]))
                return Result { () throws(Failure) in try body(range) }
            }
            try result.get()
        }
    }

    /// The text as one string (for the callers that want strings: `Pipeline.render()`, tests).
    var string: String {
        if pieces.count == 1, pieces[0].start == 0, pieces[0].end == pieces[0].text.utf8.count {
            return pieces[0].text
        }
        return String(unsafeUninitializedCapacity: utf8Count) { output in
            var written = 0
            forEachPiece { bytes in
                UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(output)[written...]).copyMemory(
                    from: bytes)
                written += bytes.count
            }
            return written
        }
    }

    /// Whether `data` holds exactly these bytes.
    func isEqual(to data: Data) -> Bool {
        guard data.count == utf8Count else { return false }
        return data.withUnsafeBytes { other in
            var offset = 0
            var isEqual = true
            forEachPiece { bytes in
                guard isEqual else { return }
                isEqual = memcmp(bytes.baseAddress!, other.baseAddress! + offset, bytes.count) == 0
                offset += bytes.count
            }
            return isEqual
        }
    }

    /// The `ContentHash` of the bytes: the same as of the pieces joined.
    var contentHash: UInt64 {
        var hasher = openapi_codegen_content_hasher()
        openapi_codegen_content_hasher_start(&hasher, utf8Count)
        forEachPiece { bytes in openapi_codegen_content_hasher_update(&hasher, bytes.baseAddress, bytes.count) }
        return openapi_codegen_content_hasher_finish(&hasher)
    }
}
