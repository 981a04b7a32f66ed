import Foundation
import Testing

@testable import GeneratorCore

@Suite struct OutputWriterTests {
    let banner = Constants.bannerPrefix + "test.yaml. Do not edit.\n"

    func modificationDate(_ url: URL) throws -> Date {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date)
    }

    @Test func writesNewFilesAndKeepsUnchangedOnesUntouched() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = OutputWriter(directory: folder, displayPath: "out")
        let files = ["A.swift": banner + "struct A {}\n", "B.swift": banner + "struct B {}\n"]
        let first = try writer.write(files)
        #expect(first.written == ["A.swift", "B.swift"])

        let a = folder.appendingPathComponent("A.swift")
        let old = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: a.path)
        let second = try writer.write(files.merging(["B.swift": banner + "struct B { var x = 1 }\n"]) { $1 })
        #expect(second.written == ["B.swift"])
        #expect(second.unchanged == ["A.swift"])
        #expect(try modificationDate(a) == old)
        #expect(try String(contentsOf: folder.appendingPathComponent("B.swift"), encoding: .utf8).contains("var x = 1"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    /// A name of 255 bytes, the most file systems allow, is written: the temporary file it is staged in has
    /// a short name of its own (it used to be `.<name>.<pid>.tmp`, over the limit).
    @Test func writesAFileNameOf255Bytes() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = String(repeating: "A", count: 249) + ".swift"
        #expect(name.utf8.count == 255)
        let report = try OutputWriter(directory: folder, displayPath: "out").write([name: banner])
        #expect(report.written == [name])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [name])
    }

    @Test func removesStaleGeneratedFilesButNeverForeignOnes() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data((banner + "struct Old {}\n").utf8).write(to: folder.appendingPathComponent("Old.swift"))
        try Data("// mine\nstruct Mine {}\n".utf8).write(to: folder.appendingPathComponent("Mine.swift"))
        try Data("notes".utf8).write(to: folder.appendingPathComponent("NOTES.md"))
        let report = try OutputWriter(directory: folder, displayPath: "out").write(["New.swift": banner])
        #expect(report.removed == ["Old.swift"])
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["Mine.swift", "NOTES.md", "New.swift"])
    }

    @Test func refusesToOverwriteAFileItDidNotGenerate() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mine = folder.appendingPathComponent("A.swift")
        try Data("// hand-written\n".utf8).write(to: mine)
        #expect(throws: GenerationError.self) {
            try OutputWriter(directory: folder, displayPath: "out").write(["A.swift": banner, "B.swift": banner])
        }
        #expect(try String(contentsOf: mine, encoding: .utf8) == "// hand-written\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("B.swift").path))
    }

    @Test func planWritesNothing() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data((banner + "old\n").utf8).write(to: folder.appendingPathComponent("A.swift"))
        try Data((banner + "gone\n").utf8).write(to: folder.appendingPathComponent("Gone.swift"))
        let report = try OutputWriter(directory: folder, displayPath: "out").plan([
            "A.swift": banner + "new\n", "C.swift": banner,
        ])
        #expect(report.written == ["A.swift", "C.swift"])
        #expect(report.removed == ["Gone.swift"])
        #expect(!report.isUpToDate)
        #expect(try String(contentsOf: folder.appendingPathComponent("A.swift"), encoding: .utf8) == banner + "old\n")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Gone.swift").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("C.swift").path))
    }
}
