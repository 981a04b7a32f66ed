import Foundation
import Testing

@testable import GeneratorCore

/// `OutputText`, a file's text as the strings it is made of: whatever the cut into pieces, its bytes, its hash, its
/// comparison with a file's bytes and the file written from it are those of the one string the pieces join into,
/// made here by plain string concatenation.
struct OutputTextTests {
    /// `joined` cut at `first` and `second` (byte offsets, on character boundaries) into three pieces, some of them
    /// possibly empty, each appended from after a prefix of its own string, so that no piece starts at 0.
    static func cut(_ joined: String, at first: Int, _ second: Int) -> OutputText {
        let bytes = Array(joined.utf8)
        var text = OutputText()
        for range in [0..<first, first..<second, second..<bytes.count] {
            text.append("«»" + String(decoding: bytes[range], as: UTF8.self), from: "«»".utf8.count)
        }
        return text
    }

    /// Every cut of texts of 0 to 24 bytes into three pieces (the hash reads 8-byte words, so that a piece ends
    /// before, inside and after a word): the same bytes, hash and size as the text in one piece.
    @Test func everyCutHasTheBytesAndTheHashOfTheWholeText() {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)
        for length in 0...24 {
            let joined = String(decoding: alphabet.prefix(length), as: UTF8.self)
            let expectedHash = ContentHash.of(Data(joined.utf8))
            for first in 0...length {
                for second in first...length {
                    let text = Self.cut(joined, at: first, second)
                    #expect(text.utf8Count == length)
                    #expect(text.pieces.count == [first, second - first, length - second].filter { $0 > 0 }.count)
                    #expect(text.string == joined)
                    #expect(text.contentHash == expectedHash)
                    #expect(GenerationManifest.output(named: "A.swift", text: text).hash == expectedHash)
                    #expect(text.isEqual(to: Data(joined.utf8)))
                }
            }
        }
    }

    /// Multibyte characters on both sides of a cut, and pieces longer than a word.
    @Test func multibyteTextsKeepTheirBytesAcrossPieces() {
        let joined = "struct Café {}\n// 🙂 é\nlet x = \"日本\"\n"
        // The byte offset of every character, and of the end.
        let boundaries = (joined.indices + [joined.endIndex]).map {
            joined.utf8.distance(from: joined.startIndex, to: $0)
        }
        for first in boundaries {
            for second in boundaries where second >= first {
                let text = Self.cut(joined, at: first, second)
                #expect(text.string == joined)
                #expect(text.contentHash == ContentHash.of(Data(joined.utf8)))
            }
        }
    }

    /// A file's bytes are equal only when every byte is: not with one byte changed at the end of a piece, at the
    /// start of the next one or at the end, nor with one byte more or less.
    @Test func isEqualComparesEveryByte() {
        let text = Self.cut("abcdefghij", at: 3, 7)
        #expect(text.isEqual(to: Data("abcdefghij".utf8)))
        for changed in ["abXdefghij", "abcXefghij", "abcdefghiX", "abcdefghi", "abcdefghijk", ""] {
            #expect(!text.isEqual(to: Data(changed.utf8)), "\(changed)")
        }
        #expect(OutputText().isEqual(to: Data()))
        #expect(OutputText().string == "")
    }

    /// The blank line at the end may be made of two pieces; removing the last byte of a one-byte piece removes the
    /// piece.
    @Test func blankLineAtTheEndIsFoundAcrossPieces() {
        var text = OutputText("a\n")
        #expect(!text.endsWithBlankLine)
        text.append("\n")
        #expect(text.endsWithBlankLine)
        text.removeLastByte()
        #expect(text.pieces.count == 1)
        #expect(text.string == "a\n")
        var split = OutputText("x")
        split.append("\n")
        split.append("\n")
        #expect(split.endsWithBlankLine)
        #expect(!OutputText("\n").endsWithBlankLine)
        #expect(OutputText("\n\n").endsWithBlankLine)
        #expect(!OutputText().endsWithBlankLine)
    }

    /// Written from pieces larger than the write buffer (`FileSystem.writeBufferSize`, 64 KiB), some of them
    /// multibyte and starting past their string's start, the file holds exactly the joined text.
    @Test func aFileWrittenFromPiecesHoldsTheJoinedText() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("output-text-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let strings = [
            String(repeating: "let é = 1\n", count: 9_000),  // 99,000 bytes
            "// MARK: - A\n\n",  // 14 bytes
            String(repeating: "🙂", count: 20_000) + "\n",  // 80,001 bytes
            String(repeating: "x", count: 65_536),
        ]
        var text = OutputText()
        var joined = ""
        for (index, string) in strings.enumerated() {
            let skipped = index == 2 ? "🙂".utf8.count : 0
            text.append(string, from: skipped)
            joined += index == 2 ? String(string.dropFirst()) : string
        }
        #expect(text.utf8Count == 99_000 + 14 + 79_997 + 65_536)
        let path = folder.appendingPathComponent("Declarations1.swift").path
        #expect(FileSystem.writeFile(text, to: path) == nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(joined.utf8))
        // One piece is written from its string as it is.
        let single = folder.appendingPathComponent("Client.swift").path
        #expect(FileSystem.writeFile(OutputText(strings[2]), to: single) == nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: single)) == Data(strings[2].utf8))
    }

    /// A few-files file is its header, and for each part its `// MARK: -` line and its text after its imports, read
    /// in place (a piece of the part's own string): two pieces a part, none of them a copy of a part's text.
    @Test func fewFilesTextReadsEachPartInPlace() {
        let parts = [
            (name: "A", text: "// b\n\nimport Foundation\n\nstruct A {}\n"),
            (name: "B", text: "// b\n\nimport Foundation\n"),
            (name: "C", text: "// b\n\nenum C {}\n"),
        ]
        let text = OutputLayout.concatenatedText(parts, banner: "// b")
        #expect(
            text.string
                == "// b\n\nimport Foundation\n\n// MARK: - A\n\nstruct A {}\n\n// MARK: - B\n\n// MARK: - C\n\nenum C {}\n"
        )
        // The header, A's mark and text, B's mark (B has nothing after its imports), C's mark and text.
        #expect(text.pieces.count == 6)
        #expect(text.pieces[2].text == parts[0].text)
        #expect(text.pieces[5].text == parts[2].text)
        #expect(text.contentHash == ContentHash.of(Data(text.string.utf8)))
    }
}
