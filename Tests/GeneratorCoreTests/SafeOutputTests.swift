import Foundation
import Testing

@testable import GeneratorCore

/// Every path under `folder` (hidden ones too) with its bytes; folders map to empty data under `path/`.
func snapshot(_ folder: URL) -> [String: Data] {
    var state: [String: Data] = [:]
    for path in FileManager.default.subpaths(atPath: folder.path) ?? [] {
        let url = folder.appendingPathComponent(path)
        if FileSystem.kind(of: url.path) == .folder {
            state[path + "/"] = Data()
        } else {
            state[path] = FileManager.default.contents(atPath: url.path) ?? Data("<unreadable>".utf8)
        }
    }
    return state
}

/// Recreates a folder from a snapshot.
func restore(_ state: [String: Data], to folder: URL) throws {
    try? FileManager.default.removeItem(at: folder)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (path, data) in state.sorted(by: { $0.key < $1.key }) {
        let url = folder.appendingPathComponent(path)
        if path.hasSuffix("/") {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } else {
            try data.write(to: url)
        }
    }
}

/// A document with `count` object schemas `S0`, `S1`…; the `revised` one adds a property to every other
/// schema and replaces the last ten by `T0`…`T9`.
func largeDocument(schemas count: Int, revised: Bool) -> String {
    var text = "openapi: 3.1.0\ninfo: {title: Big, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
    for index in 0..<count {
        let name = revised && index >= count - 10 ? "T\(index - (count - 10))" : "S\(index)"
        let extra = revised && index % 2 == 0 ? ", c: {type: boolean}" : ""
        text += "    \(name):\n      type: object\n      properties: {a: {type: string}, b: {type: integer}\(extra)}\n"
    }
    return text
}

/// Starts the generator without waiting for it; its output goes nowhere.
func startGenerator(_ arguments: [String], in folder: URL, output: URL? = nil) throws -> Process {
    let process = Process()
    process.executableURL = try generatorExecutable()
    process.arguments = arguments
    process.currentDirectoryURL = folder
    process.standardOutput = try output.map { try FileHandle(forWritingTo: $0) } ?? FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
}

/// The guarantees of the README's "What a run guarantees about the output folder", checked by running the built
/// executable.
@Suite(.serialized) struct SafeOutputTests {
    let stagingName = ".Generated.openapi-codegen-staging"

    /// Kills runs at moments spread over their writing phase (found by watching for the staging folder) and
    /// checks that each leaves `Generated/` exactly as before or exactly as the new output.
    @Test func aKilledRunLeavesTheOldOrTheNewOutput() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        for (name, revised) in [("old", false), ("new", true)] {
            try manager.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
            try Data(largeDocument(schemas: 300, revised: revised).utf8)
                .write(to: folder.appendingPathComponent("\(name)/api.yaml"))
        }
        let generated = folder.appendingPathComponent("Generated")
        let staging = folder.appendingPathComponent(stagingName)
        #expect(try runGenerator(["generate", "old/api.yaml"], in: folder).status == 0)
        // The user's own files, which every state must keep.
        try Data("# notes\n".utf8).write(to: generated.appendingPathComponent("README.md"))
        try manager.createDirectory(at: generated.appendingPathComponent("Custom"), withIntermediateDirectories: true)
        try Data("extension S1 {}\n".utf8).write(to: generated.appendingPathComponent("Custom/S1+Custom.swift"))
        let old = snapshot(generated)

        // An uninterrupted run gives the new state and the length of the writing phase.
        let reference = try startGenerator(["generate", "new/api.yaml"], in: folder)
        let started = try waitUntil(of: reference) { manager.fileExists(atPath: staging.path) }
        reference.waitUntilExit()
        let writing = Date().timeIntervalSince(started ?? Date())
        #expect(reference.terminationStatus == 0)
        let new = snapshot(generated)
        #expect(old["S299.swift"] != nil && old["T0.swift"] == nil)
        #expect(new["S299.swift"] == nil && new["T0.swift"] != nil && new["README.md"] == Data("# notes\n".utf8))
        #expect(old["S1.swift"] == new["S1.swift"] && old["S0.swift"] != new["S0.swift"])

        // Kill as soon as the staging folder appears, at fractions of the writing phase after that, and as soon
        // as the output folder is another folder (the swap happened, the old one is being deleted).
        var outcomes: [String] = []
        for moment in [0, 0.25, 0.5, 0.75, -1] {
            try restore(old, to: generated)
            // What the previous kill left; a run removes it first, but it must not be taken for this run's.
            try? manager.removeItem(at: staging)
            let folderBefore = try inode(generated)
            let run = try startGenerator(["generate", "new/api.yaml"], in: folder)
            let reached =
                moment < 0
                ? try waitUntil(of: run) { (try? inode(generated)) != folderBefore }
                : try waitUntil(of: run) { manager.fileExists(atPath: staging.path) }
            guard reached != nil else {
                Issue.record("the run ended before the moment to kill it (\(moment))")
                continue
            }
            if moment > 0 { usleep(useconds_t(moment * writing * 1_000_000)) }
            kill(run.processIdentifier, SIGKILL)
            run.waitUntilExit()
            let state = snapshot(generated)
            #expect(state == old || state == new, "killed at \(moment): neither the old nor the new output")
            outcomes.append(
                (state == old ? "old" : state == new ? "new" : "mix")
                    + (manager.fileExists(atPath: staging.path) ? "+staging" : ""))
        }
        // Both states were reached, with work left beside the folder for the next run.
        #expect(outcomes.first == "old+staging", "outcomes: \(outcomes)")
        #expect(outcomes.last?.hasPrefix("new") == true, "outcomes: \(outcomes)")

        let final = try runGenerator(["generate", "new/api.yaml"], in: folder)
        #expect(final.status == 0)
        #expect(snapshot(generated) == new)
        #expect(try manager.contentsOfDirectory(atPath: folder.path).sorted() == ["Generated", "new", "old"])
    }

    /// Polls `condition` (up to 60 seconds) while `process` runs.
    /// - Returns: When it became true, or `nil` when the process ended first.
    private func waitUntil(of process: Process, _ condition: () -> Bool) throws -> Date? {
        let deadline = Date().addingTimeInterval(60)
        while !condition() {
            guard process.isRunning else { return nil }
            try #require(Date() < deadline, "the run never reached the moment to kill it")
            usleep(200)
        }
        return Date()
    }

    @Test func aReadOnlyOutputFolderIsAnErrorAndNothingChanges() throws {
        let folder = try makeWorkspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = folder.appendingPathComponent("Generated")
        try makeStale(generated.appendingPathComponent("TaskID.swift"))
        let before = snapshot(generated)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: generated.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: generated.path) }
        // Root ignores permission bits: run the generator as `nobody`, who may write the workspace but not the
        // read-only output folder in it. The executable and the templates are copied into the workspace, since
        // `nobody` may not reach the checkout (under /root, say).
        var launcher: [String] = []
        var executable: URL?
        var arguments = ["generate"]
        if geteuid() == 0 {
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path)
            launcher = ["/usr/bin/env", "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
            executable = folder.appendingPathComponent("openapi-codegen")
            try FileManager.default.copyItem(at: try generatorExecutable(), to: executable!)
            try FileManager.default.copyItem(at: TestPaths.templates, to: folder.appendingPathComponent("Templates"))
            arguments += ["--templates", "Templates"]
        }
        let result = try runGenerator(arguments, in: folder, launcher: launcher, executable: executable)
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "Generated: error: cannot write into the output folder: Permission denied\n")
        #expect(snapshot(generated) == before)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(stagingName).path))
    }

    @Test func aFullDiskIsAnErrorAndNothingChanges() throws {
        let folder = try makeWorkspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = folder.appendingPathComponent("Generated")
        // Languages.swift (over 20,000 bytes) is the one file to rewrite; the limit is 16 blocks of 512 bytes.
        try makeStale(generated.appendingPathComponent("Languages.swift"))
        let before = snapshot(generated)
        let result = try runGenerator(
            ["generate"], in: folder, launcher: ["/bin/sh", "-c", "ulimit -f 16 && exec \"$0\" \"$@\""])
        #expect(result.status == 1)
        #expect(
            result.standardError
                == "Generated/Languages.swift: error: cannot write the file: File too large\n")
        #expect(snapshot(generated) == before)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(stagingName).path))
    }

    @Test func aUserFileInTheWayIsAnErrorAndOtherUserFilesAreKept() throws {
        let folder = try makeWorkspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = folder.appendingPathComponent("Generated")
        let checkedIn = try FileManager.default.contentsOfDirectory(atPath: generated.path)
            .filter { $0.hasSuffix(".swift") }.count
        let readme = generated.appendingPathComponent("README.md")
        let custom = generated.appendingPathComponent("Custom.swift")
        let credential = generated.appendingPathComponent("CambAICredential.swift")
        try Data("# notes\n".utf8).write(to: readme)
        try Data("extension CambAIClient {}\n".utf8).write(to: custom)
        try Data("// mine\n".utf8).write(to: credential)
        try makeStale(generated.appendingPathComponent("TaskID.swift"))
        let before = snapshot(generated)
        let refused = try runGenerator(["generate"], in: folder)
        #expect(refused.status == 1)
        #expect(
            refused.standardError
                == "Generated/CambAICredential.swift: error: 'CambAICredential.swift' exists and was not generated by "
                + "openapi-codegen; move it away or choose another output folder\n")
        #expect(snapshot(generated) == before)

        try FileManager.default.removeItem(at: credential)
        let inodes = try [readme, custom].map(inode)
        let result = try runGenerator(["generate"], in: folder)
        #expect(result.status == 0)
        // The credential file and the stale TaskID.swift are written; every other checked-in file is unchanged.
        #expect(result.standardOutput == "Generated: 2 written, \(checkedIn - 2) unchanged, 0 removed\n")
        #expect(try [readme, custom].map(inode) == inodes)
        #expect(try String(contentsOf: readme, encoding: .utf8) == "# notes\n")
        #expect(try String(contentsOf: custom, encoding: .utf8) == "extension CambAIClient {}\n")
        #expect(try String(contentsOf: credential, encoding: .utf8).hasPrefix(Constants.bannerPrefix))
        #expect(try runGenerator(["generate", "--check"], in: folder).status == 0)
    }

    @Test func aRunWaitsForAnotherOnTheSameFolderThenFailsClearly() throws {
        let folder = try makeWorkspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = folder.appendingPathComponent("Generated")
        try makeStale(generated.appendingPathComponent("TaskID.swift"))
        let before = snapshot(generated)
        // What a run holds while it writes: an exclusive flock on the output folder's parent.
        let descriptor = open(folder.path, O_RDONLY)
        try #require(descriptor >= 0)
        try #require(flock(descriptor, LOCK_EX) == 0)
        let started = Date()
        let blocked = try runGenerator(["generate", "--lock-timeout", "2"], in: folder)
        let waited = Date().timeIntervalSince(started)
        close(descriptor)
        #expect(blocked.status == 1)
        #expect(
            blocked.standardError
                == "Generated: error: another openapi-codegen run is writing the output folder; run again when it has "
                + "finished\n")
        #expect(waited >= 2)
        #expect(snapshot(generated) == before)
        #expect(try runGenerator(["generate"], in: folder).standardOutput.hasPrefix("Generated: 1 written, "))
    }

    @Test func twoRunsAtOnceDoNotInterleave() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(largeDocument(schemas: 300, revised: false).utf8).write(to: folder.appendingPathComponent("api.yaml"))
        let outputs = (0..<2).map { folder.appendingPathComponent("stdout\($0)") }
        for output in outputs { _ = FileManager.default.createFile(atPath: output.path, contents: nil) }
        let runs = try outputs.map { try startGenerator(["generate", "api.yaml"], in: folder, output: $0) }
        for run in runs { run.waitUntilExit() }
        // Both succeed (the second waited for the first and found nothing left to do), or the second gave up
        // waiting; never do both write. 300 schemas and the support files of a module without operations.
        let files = 300 + Presenter.moduleTemplates.count
        let lines = try outputs.map { try String(contentsOf: $0, encoding: .utf8) }.sorted()
        let statuses = runs.map(\.terminationStatus)
        if statuses == [0, 0] {
            #expect(
                lines == [
                    "Generated: 0 written, \(files) unchanged, 0 removed\n",
                    "Generated: \(files) written, 0 unchanged, 0 removed\n",
                ])
        } else {
            #expect(statuses.sorted() == [0, 1])
            #expect(lines == ["", "Generated: \(files) written, 0 unchanged, 0 removed\n"])
        }
        #expect(try runGenerator(["generate", "api.yaml", "--check"], in: folder).status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(stagingName).path))
    }

    /// Appends a line to a generated file, which keeps its banner: the generator rewrites it.
    private func makeStale(_ url: URL) throws {
        try Data((try String(contentsOf: url, encoding: .utf8) + "// edited\n").utf8).write(to: url)
    }

    /// The file's inode number: the same number after a run means the same file, not a rewritten copy.
    private func inode(_ url: URL) throws -> UInt64 {
        var info = stat()
        try #require(lstat(url.path, &info) == 0)
        return UInt64(info.st_ino)
    }
}
