import Foundation
import Testing

@testable import GeneratorCore

@Suite struct OutputWriterTests {
    let banner = Constants.bannerPrefix + "test.yaml. Do not edit.\n"

    func modificationDate(_ url: URL) throws -> Date {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date)
    }

    /// The file's inode number: the same number after a run means the same file, not a rewritten copy.
    func inode(_ url: URL) throws -> UInt64 {
        var info = stat()
        try #require(lstat(url.path, &info) == 0)
        return UInt64(info.st_ino)
    }

    /// Every path under `folder` (files, folders and links, hidden ones too), relative to it.
    func listing(_ folder: URL) -> [String] {
        (FileManager.default.subpaths(atPath: folder.path) ?? []).sorted()
    }

    /// The staging folder's path beside an output folder.
    func staging(of folder: URL) -> URL {
        folder.deletingLastPathComponent().appendingPathComponent(
            ".\(folder.lastPathComponent).openapi-codegen-staging")
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
        let aInode = try inode(a)
        let second = try writer.write(files.merging(["B.swift": banner + "struct B { var x = 1 }\n"]) { $1 })
        #expect(second.written == ["B.swift"])
        #expect(second.unchanged == ["A.swift"])
        #expect(try modificationDate(a) == old)
        #expect(try inode(a) == aInode)
        #expect(try String(contentsOf: folder.appendingPathComponent("B.swift"), encoding: .utf8).contains("var x = 1"))
        #expect(listing(folder) == ["A.swift", "B.swift"])
        #expect(!FileManager.default.fileExists(atPath: staging(of: folder).path))
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

    @Test func keepsTheUsersFilesFoldersAndLinksAsTheSameFiles() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        try Data((banner + "struct A {}\n").utf8).write(to: folder.appendingPathComponent("A.swift"))
        try Data("# mine\n".utf8).write(to: folder.appendingPathComponent("README.md"))
        try Data("// mine\nextension A {}\n".utf8).write(to: folder.appendingPathComponent("Custom.swift"))
        try manager.createDirectory(
            at: folder.appendingPathComponent("Extras/Deeper"), withIntermediateDirectories: true)
        try Data("deep\n".utf8).write(to: folder.appendingPathComponent("Extras/Deeper/notes.txt"))
        try manager.createSymbolicLink(
            atPath: folder.appendingPathComponent("Link.md").path, withDestinationPath: "README.md")
        try manager.setAttributes(
            [.posixPermissions: 0o750], ofItemAtPath: folder.appendingPathComponent("Extras").path)
        let kept = ["README.md", "Custom.swift", "Extras/Deeper/notes.txt", "Link.md"].map {
            folder.appendingPathComponent($0)
        }
        let inodes = try kept.map(inode)

        let report = try OutputWriter(directory: folder, displayPath: "out").write([
            "A.swift": banner + "struct A { var x = 1 }\n", "B.swift": banner,
        ])
        #expect(report.written == ["A.swift", "B.swift"])
        #expect(report.warnings.isEmpty)
        #expect(
            listing(folder) == [
                "A.swift", "B.swift", "Custom.swift", "Extras", "Extras/Deeper", "Extras/Deeper/notes.txt", "Link.md",
                "README.md",
            ])
        #expect(try kept.map(inode) == inodes)
        #expect(try String(contentsOf: kept[0], encoding: .utf8) == "# mine\n")
        #expect(try manager.destinationOfSymbolicLink(atPath: kept[3].path) == "README.md")
        let permissions =
            try manager.attributesOfItem(atPath: folder.appendingPathComponent("Extras").path)[
                .posixPermissions] as? Int
        #expect(permissions == 0o750)
        #expect(!manager.fileExists(atPath: staging(of: folder).path))
    }

    @Test func replacesTheFolderAsAWholeSoItsInodeChanges() throws {
        let parent = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = parent.appendingPathComponent("out")
        let writer = OutputWriter(directory: folder, displayPath: "out")
        try writer.write(["A.swift": banner])
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path)
        let before = try inode(folder)
        try writer.write(["A.swift": banner + "changed\n"])
        #expect(try inode(folder) != before)
        #expect(try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int == 0o700)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["out"])
    }

    @Test func fallsBackToOneFileAtATimeWhenFoldersCannotBeSwapped() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data((banner + "old\n").utf8).write(to: folder.appendingPathComponent("A.swift"))
        try Data((banner + "gone\n").utf8).write(to: folder.appendingPathComponent("Gone.swift"))
        try Data("mine\n".utf8).write(to: folder.appendingPathComponent("README.md"))
        var writer = OutputWriter(directory: folder, displayPath: "out")
        writer.exchange = { _, _ in
            errno = EXDEV
            return -1
        }
        let report = try writer.write(["A.swift": banner + "new\n", "C.swift": banner])
        #expect(report.written == ["A.swift", "C.swift"])
        #expect(report.removed == ["Gone.swift"])
        #expect(
            report.warnings.map(\.description) == [
                "out: warning: updated the output folder file by file, not as a whole, because the file system "
                    + "cannot swap folders (Invalid cross-device link); a run killed while it did so would have left "
                    + "a mix of old and new files"
            ])
        #expect(listing(folder) == ["A.swift", "C.swift", "README.md"])
        #expect(try String(contentsOf: folder.appendingPathComponent("A.swift"), encoding: .utf8) == banner + "new\n")
        #expect(!FileManager.default.fileExists(atPath: staging(of: folder).path))
    }

    @Test func sweepsWhatInterruptedRunsLeft() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let stagingFolder = staging(of: folder)
        defer { try? FileManager.default.removeItem(at: stagingFolder) }
        try FileManager.default.createDirectory(
            at: stagingFolder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("half".utf8).write(to: stagingFolder.appendingPathComponent("sub/A.swift"))
        // Left by a killed run of an earlier version, which wrote temporary files beside their targets.
        try Data(banner.prefix(10).utf8).write(to: folder.appendingPathComponent(".A.swift.4242.tmp"))
        try Data("mine".utf8).write(to: folder.appendingPathComponent(".notes.tmp"))
        try Data("mine".utf8).write(to: folder.appendingPathComponent(".swift.12.tmp"))
        let writer = OutputWriter(directory: folder, displayPath: "out")
        #expect(try writer.plan(["A.swift": banner]).removed == [".A.swift.4242.tmp"])
        let report = try writer.write(["A.swift": banner])
        #expect(report.removed == [".A.swift.4242.tmp"])
        #expect(listing(folder) == [".notes.tmp", ".swift.12.tmp", "A.swift"])
        #expect(!FileManager.default.fileExists(atPath: stagingFolder.path))
    }

    @Test func recognizesOnlyTheOldTemporaryFileNames() {
        #expect(OutputWriter.isLeftoverTemporaryName(".Pet.swift.123.tmp"))
        #expect(OutputWriter.isLeftoverTemporaryName(".CambAIClient+Get.swift.1.tmp"))
        #expect(!OutputWriter.isLeftoverTemporaryName(".Pet.swift.tmp"))  // no process id
        #expect(!OutputWriter.isLeftoverTemporaryName(".Pet.swift.12a.tmp"))  // not a number
        #expect(!OutputWriter.isLeftoverTemporaryName(".Pet.md.123.tmp"))  // not a Swift file
        #expect(!OutputWriter.isLeftoverTemporaryName("Pet.swift.123.tmp"))  // not hidden
        #expect(!OutputWriter.isLeftoverTemporaryName("..swift.123.tmp"))  // no name
    }

    @Test func refusesAFolderOrALinkWhereAGeneratedFileGoes() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("A.swift"), withIntermediateDirectories: true)
        try Data((banner + "b\n").utf8).write(to: folder.appendingPathComponent("Real.swift"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("B.swift").path, withDestinationPath: "Real.swift")
        do {
            try OutputWriter(directory: folder, displayPath: "out").write(["A.swift": banner, "B.swift": banner])
            Issue.record("expected an error")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "out/A.swift: error: 'A.swift' exists and was not generated by openapi-codegen; move it away or "
                        + "choose another output folder",
                    "out/B.swift: error: 'B.swift' exists and was not generated by openapi-codegen; move it away or "
                        + "choose another output folder",
                ])
        }
        #expect(listing(folder) == ["A.swift", "B.swift", "Real.swift"])
    }

    @Test func waitsForTheLockThenFailsClearly() throws {
        let parent = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = parent.appendingPathComponent("out")
        var writer = OutputWriter(directory: folder, displayPath: "out")
        try writer.write(["A.swift": banner])
        // Another open file description of the parent folder: flock treats it as another holder.
        let descriptor = open(parent.path, O_RDONLY)
        try #require(descriptor >= 0)
        try #require(flock(descriptor, LOCK_EX) == 0)
        writer.lockTimeout = 0.2
        do {
            try writer.write(["A.swift": banner + "new\n"])
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description
                    == "out: error: another openapi-codegen run is writing the output folder; run again when it has finished"
            )
        }
        #expect(throws: GenerationError.self) { try writer.plan(["A.swift": banner]) }
        close(descriptor)
        #expect(try String(contentsOf: folder.appendingPathComponent("A.swift"), encoding: .utf8) == banner)
        #expect(try writer.write(["A.swift": banner + "new\n"]).written == ["A.swift"])
    }

    @Test func rescuesWhatTheUserChangedInTheOldFolderDuringARun() throws {
        let root = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let old = root.appendingPathComponent("old")
        let new = root.appendingPathComponent("new")
        for folder in [old, new] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try Data("same".utf8).write(to: old.appendingPathComponent("Same.md"))
        try FileManager.default.linkItem(
            at: old.appendingPathComponent("Same.md"), to: new.appendingPathComponent("Same.md"))
        try Data("linked version".utf8).write(to: new.appendingPathComponent("Saved.md"))
        try Data("saved later".utf8).write(to: old.appendingPathComponent("Saved.md"))  // another file
        try Data("added".utf8).write(to: old.appendingPathComponent("Added.md"))
        try Data((banner + "old\n").utf8).write(to: old.appendingPathComponent("A.swift"))  // regenerated
        try FileManager.default.createDirectory(
            at: old.appendingPathComponent("Sub"), withIntermediateDirectories: true)
        FileSystem.rescue(from: old.path, into: new.path, skipping: ["A.swift"])
        #expect(listing(new) == ["Added.md", "Same.md", "Saved.md"])
        #expect(try String(contentsOf: new.appendingPathComponent("Saved.md"), encoding: .utf8) == "saved later")
        #expect(listing(old) == ["A.swift", "Same.md", "Sub"])
    }
}
