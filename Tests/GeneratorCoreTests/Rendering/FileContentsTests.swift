import Foundation
import Testing

@testable import GeneratorCore

/// `FileSystem.contents(of:)`, which reads the document (once, for its fingerprint and its parse): a file's bytes
/// whatever its size, `nil` for what is not a readable file, and the whole of a file whose size `fstat` does not
/// know.
struct FileContentsTests {
    @Test func readsEveryByteOfAFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("contents-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Empty, one byte, and larger than the 64 KiB of a piece read from a pipe, with every byte value.
        for count in [0, 1, 200_003] {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 / 256) }
            let path = folder.appendingPathComponent("document-\(count).yaml").path
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            #expect(FileSystem.contents(of: path) == bytes)
        }
        #expect(FileSystem.contents(of: folder.path) == nil)
        #expect(FileSystem.contents(of: folder.appendingPathComponent("missing.yaml").path) == nil)
    }

    /// `FileSystem.files(under:withSuffix:)`, which lists the templates (and their fingerprint), lists what
    /// `FileManager`'s enumerator lists: hidden files and subfolders too, a file linked in, not a folder linked in.
    @Test func listsTheFilesOfAFolderAsTheEnumeratorDoes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("listing-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(
            at: folder.appendingPathComponent("partials/deeper"), withIntermediateDirectories: true)
        try manager.createDirectory(at: folder.appendingPathComponent(".hidden"), withIntermediateDirectories: true)
        try manager.createDirectory(
            at: folder.appendingPathComponent("folder.mustache"), withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: folder) }
        for name in [
            "Struct.swift.mustache", "README.md", ".dot.mustache", "partials/a.mustache", "partials/deeper/b.mustache",
            ".hidden/c.mustache", "partials/not-a-template.mustache.bak", "folder.mustache/d.mustache",
        ] {
            #expect(manager.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data("x".utf8)))
        }
        try manager.createSymbolicLink(
            atPath: folder.appendingPathComponent("linked.mustache").path,
            withDestinationPath: folder.appendingPathComponent("Struct.swift.mustache").path)
        try manager.createSymbolicLink(
            atPath: folder.appendingPathComponent("linked-folder").path,
            withDestinationPath: folder.appendingPathComponent("partials").path)
        let listed = FileSystem.files(under: folder.path, withSuffix: ".mustache")
        #expect(
            listed == [
                ".dot.mustache", ".hidden/c.mustache", "Struct.swift.mustache", "folder.mustache/d.mustache",
                "linked.mustache", "partials/a.mustache", "partials/deeper/b.mustache",
            ])
        let enumerator = try #require(manager.enumerator(atPath: folder.path))
        var enumerated: [String] = []
        for case let path as String in enumerator where path.hasSuffix(".mustache") {
            var isFolder: ObjCBool = false
            if manager.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder),
                !isFolder.boolValue
            {
                enumerated.append(path)
            }
        }
        #expect(listed == enumerated.sorted())
        #expect(FileSystem.files(under: folder.appendingPathComponent("missing").path, withSuffix: ".mustache") == nil)
        // A folder given as a link (`--templates link`) is listed: the enumerator listed nothing under it.
        #expect(
            FileSystem.files(under: folder.appendingPathComponent("linked-folder").path, withSuffix: ".mustache") == [
                "a.mustache", "deeper/b.mustache",
            ])
    }

    #if os(Linux)
        /// A file of `/proc` says it is empty and is not: it is read to its end, in pieces (this process's arguments,
        /// each ending with a zero byte).
        @Test func readsAFileLongerThanItsStatedSize() {
            let expected: [UInt8] = CommandLine.arguments.flatMap { Array($0.utf8) + [0] }
            #expect(!expected.isEmpty)
            #expect(FileSystem.contents(of: "/proc/self/cmdline") == expected)
        }
    #endif

    /// The document's fingerprint line describes the bytes read, as the line of the same file read again does.
    @Test func theDocumentsLineIsTheFilesLine() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("fingerprint-\(UUID().uuidString)")
        try Data("openapi: 3.0.3\n".utf8).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        var read = InputFingerprint()
        read.add(file: path, contents: FileSystem.contents(of: path.path), role: "document")
        var again = InputFingerprint()
        again.add(files: [path], role: "document")
        #expect(read.lines == again.lines)
        #expect(
            read.lines.first?.hasSuffix(" 15 \(String(ContentHash.of(Data("openapi: 3.0.3\n".utf8)), radix: 16))")
                == true)
        var missing = InputFingerprint()
        missing.add(file: path, contents: nil, role: "document")
        #expect(missing.lines == ["document \(path.standardizedFileURL.path) missing"])
    }
}
