import Testing

@testable import GeneratorCore

/// File names stay within the 255 bytes file systems allow, whatever the length of the name they come from.
@Suite struct FileNameTests {
    @Test func shortNamesAreKept() {
        #expect(Presenter.swiftFileName("Pet") == "Pet.swift")
        // 249 + 6 = 255 bytes: the longest name kept as it is.
        #expect(
            Presenter.swiftFileName(String(repeating: "A", count: 249)) == String(repeating: "A", count: 249) + ".swift"
        )
    }

    /// The hashes are 64-bit FNV-1a of the whole name's UTF-8 bytes, computed independently (Python).
    @Test func longNamesKeepTheirFirst200BytesAndAHash() {
        #expect(
            Presenter.swiftFileName(String(repeating: "A", count: 300))
                == String(repeating: "A", count: 200) + "-d5e38f24e85d55e1.swift")
        // 250 bytes: one byte over.
        #expect(
            Presenter.swiftFileName(String(repeating: "B", count: 250))
                == String(repeating: "B", count: 200) + "-f4d8074c55ffe2a5.swift")
        // 150 two-byte characters are 300 bytes; the prefix stops at a whole character (100 of them).
        #expect(
            Presenter.swiftFileName(String(repeating: "é", count: 150))
                == String(repeating: "é", count: 100) + "-68f95dee7a64a70d.swift")
    }
}
