import Foundation

/// Brings the output folder in line with the generated files so that a run stopped at any instant, even by
/// `SIGKILL`, leaves the folder either exactly as it was or exactly as the new output, and never touches
/// what it did not generate.
///
/// What it keeps and removes:
/// - Files whose bytes are unchanged are not rewritten: they stay the same files, with their modification time.
/// - A `.swift` file whose first line is the generator's banner but that this run does not produce is stale and
///   removed; so is a `.<Name>.swift.<pid>.tmp` file left by a killed run of an earlier version of the generator.
/// - Everything else is the user's, kept untouched (subfolders included); a user's file where a generated file
///   should go is an error, reported before anything changes.
///
/// How it replaces the folder as a whole: the new folder is staged beside the output folder, as
/// `.<folder>.openapi-codegen-staging` in the same parent. New and changed files are written there; unchanged
/// files and the user's files are hard links to the same files (so their inode and modification time are kept);
/// the user's subfolders are recreated with links to their files. Then one system call swaps the two folders
/// (`renameat2(RENAME_EXCHANGE)` on Linux, `renamex_np(RENAME_SWAP)` on macOS), and the old folder, now at the
/// staging name, is deleted. A run killed before the swap leaves the output folder untouched; one killed after
/// it leaves the new folder in place. Either way the staging folder is left beside it, and the next run (not
/// `--check`, which writes nothing) deletes it before anything else. The output folder itself takes the old
/// folder's permissions; it is a new folder, so a shell whose working directory it was sees a deleted folder.
///
/// When the folder cannot be swapped as a whole (the file system has no atomic exchange: HFS+, FAT, or a folder
/// in an overlay's lower layer such as a Docker image's; the folder is a mount point or contains the working
/// directory; a file cannot be hard-linked), each new file is put beside its target as `.<Name>.swift.<pid>.tmp`,
/// then all are renamed over their targets one by one, and a warning says so: then a kill can leave a mix of old
/// and new files, each of them complete, and temporary files, which the next run removes.
///
/// Only one run at a time writes a folder: `write(_:)` holds an exclusive `flock` on the output folder's parent
/// folder, and `plan(_:)` a shared one, so the lock creates no file. A run that finds the lock taken waits up to
/// `lockTimeout` seconds, then fails with an error.
///
/// A file the user adds to the output folder, or replaces by another (an editor's save-by-rename), while a run
/// is between staging and swap is found in the old folder after the swap and moved into the new one; in a
/// subfolder it is not. Power loss is not covered: files are not synced to disk.
public struct OutputWriter {
    /// What a run did (or, in check mode, would do), by file name.
    public struct Report: Sendable, Equatable {
        public var written: [String] = []
        public var unchanged: [String] = []
        public var removed: [String] = []
        /// Warnings about how the folder was updated (the file-by-file fallback).
        public var warnings: [Diagnostic] = []
        /// Whether the folder's manifest showed it up to date, so that nothing was generated.
        public var skippedGeneration = false

        /// Whether the output folder already matched: nothing to write or remove.
        public var isUpToDate: Bool { written.isEmpty && removed.isEmpty }
    }

    public let directory: URL
    /// How diagnostics name the folder.
    public let displayPath: String
    /// How long a run waits, in seconds, for another run writing the same folder to finish.
    public var lockTimeout: Double = 60
    /// Swaps two folders atomically; returns 0, or -1 with `errno` set. Tests replace it to force the fallback.
    var exchange: (String, String) -> Int32 = FileSystem.exchange

    public init(directory: URL, displayPath: String) {
        self.directory = directory
        self.displayPath = displayPath
    }

    /// Compares `files` with the folder's contents without writing anything.
    /// - Throws: `GenerationError.output` when a file the generator did not create is in the way of a generated
    ///   one, or another run holds the folder longer than `lockTimeout`.
    public func plan(_ files: [String: String]) throws(GenerationError) -> Report {
        try plan(files.mapValues(OutputText.init))
    }

    /// `plan(_:)` for texts in pieces.
    func plan(_ files: [String: OutputText]) throws(GenerationError) -> Report {
        let folder = FileSystem.resolve(directory.path)
        return try withLock(on: folder, exclusive: false) { () throws(GenerationError) -> Report in
            try compare(files, with: folder)
        }
    }

    /// Brings the folder in line with `files`, as a whole (see the type's documentation).
    /// - Throws: `GenerationError.output` when the folder cannot be written (read-only, full disk, file size
    ///   limit), when a file the generator did not create is in the way, or when another run holds the folder
    ///   longer than `lockTimeout`; in every case the folder is as it was.
    /// - Parameter manifest: the text of `GenerationManifest.fileName`, written into the folder together with the
    ///   files (in the same swap); it is not counted in the report.
    @discardableResult
    public func write(_ files: [String: String], manifest: String? = nil) throws(GenerationError) -> Report {
        try write(files.mapValues(OutputText.init), manifest: manifest)
    }

    /// `write(_:manifest:)` for texts in pieces (`OutputText`), which are written from their pieces.
    @discardableResult
    func write(_ files: [String: OutputText], manifest: String? = nil) throws(GenerationError) -> Report {
        let folder = FileSystem.resolve(directory.path)
        let parent = (folder as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw failure("cannot create the folder that holds the output folder: \(error.localizedDescription)")
        }
        return try withLock(on: folder, exclusive: true) { () throws(GenerationError) -> Report in
            let staging = (parent as NSString).appendingPathComponent(
                ".\((folder as NSString).lastPathComponent).openapi-codegen-staging")
            if let reason = FileSystem.removeTree(staging) {
                throw failure("cannot remove '\(staging)', left by an interrupted run: \(reason)")
            }
            let report = try compare(files, with: folder)
            guard let manifest else {
                if report.isUpToDate { return report }
                return try replace(folder, with: files, as: report, stagingIn: staging)
            }
            let manifestPath = (folder as NSString).appendingPathComponent(GenerationManifest.fileName)
            if report.isUpToDate {
                if FileManager.default.contents(atPath: manifestPath) != Data(manifest.utf8) {
                    // Only the manifest is new: written beside, then renamed over the old one.
                    let temporary = (folder as NSString).appendingPathComponent(
                        ".\(GenerationManifest.fileName).\(ProcessInfo.processInfo.processIdentifier).tmp")
                    _ = unlink(temporary)
                    if let reason = FileSystem.writeFile(manifest, to: temporary) {
                        throw .output([problem(GenerationManifest.fileName, "cannot write the file: \(reason)")])
                    }
                    guard rename(temporary, manifestPath) == 0 else {
                        let reason = FileSystem.lastError()
                        _ = unlink(temporary)
                        throw .output([problem(GenerationManifest.fileName, "cannot write the file: \(reason)")])
                    }
                }
                return report
            }
            var withManifest = files
            withManifest[GenerationManifest.fileName] = OutputText(manifest)
            var plan = report
            plan.written.append(GenerationManifest.fileName)
            var result = try replace(folder, with: withManifest, as: plan, stagingIn: staging)
            result.written.removeAll { $0 == GenerationManifest.fileName }
            return result
        }
    }

    /// The report of a run that would change nothing, when the folder's manifest records exactly `inputs` and
    /// every output file it lists is on disk with the recorded size and hash, and no other generated file or
    /// leftover is there; `nil` otherwise (a full run then decides). Reads files, writes nothing.
    /// - Returns: the report and the manifest's diagnostics.
    public func unchangedReport(inputs: [String]) -> (report: Report, diagnostics: [Diagnostic])? {
        let folder = FileSystem.resolve(directory.path)
        let parent = (folder as NSString).deletingLastPathComponent
        let staging = (parent as NSString).appendingPathComponent(
            ".\((folder as NSString).lastPathComponent).openapi-codegen-staging")
        // A staging folder left by an interrupted run is removed by a full run.
        guard FileSystem.kind(of: staging) == nil else { return nil }
        let result = try? withLock(on: folder, exclusive: false) {
            () throws(GenerationError) -> (report: Report, diagnostics: [Diagnostic])? in
            guard
                let data = FileManager.default.contents(
                    atPath: (folder as NSString).appendingPathComponent(GenerationManifest.fileName)),
                let manifest = GenerationManifest(text: String(decoding: data, as: UTF8.self)),
                case let referenced = manifest.inputs.filter({ $0.hasPrefix(InputFingerprint.referencedRole + " ") }),
                manifest.inputs.filter({ !$0.hasPrefix(InputFingerprint.referencedRole + " ") }) == inputs,
                referenced.allSatisfy(InputFingerprint.isCurrent(referencedLine:))
            else { return nil }
            var listed = Set<String>()
            var buffer: [UInt8] = []
            for output in manifest.outputs {
                listed.insert(output.name)
                let path = (folder as NSString).appendingPathComponent(output.name)
                guard FileSystem.hash(ofFileAt: path, size: output.size, buffer: &buffer) == output.hash else {
                    return nil
                }
            }
            // Anything a full run would remove: a generated file no longer listed, a leftover temporary file.
            let present = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in present where !listed.contains(name) && name != GenerationManifest.fileName {
                if Self.isLeftoverTemporaryName(name) { return nil }
                let path = (folder as NSString).appendingPathComponent(name)
                if name.hasSuffix(".swift"), FileSystem.kind(of: path) == .file,
                    FileSystem.startsWithBanner(path)
                {
                    return nil
                }
            }
            var report = Report()
            report.unchanged = manifest.outputs.map(\.name)
            report.skippedGeneration = true
            return (report, manifest.diagnostics)
        }
        return result ?? nil
    }

    // MARK: - Comparing

    /// What writing `files` into `folder` would do; the caller holds the lock.
    func compare(_ files: [String: OutputText], with folder: String) throws(GenerationError) -> Report {
        var report = Report()
        var problems: [Diagnostic] = []
        for name in files.keys.sorted() {
            let path = (folder as NSString).appendingPathComponent(name)
            switch FileSystem.kind(of: path) {
            case nil:
                report.written.append(name)
                continue
            case .file?:
                guard let existing = FileManager.default.contents(atPath: path) else {
                    problems.append(problem(name, "cannot read the file to compare it"))
                    continue
                }
                if files[name]!.isEqual(to: existing) {
                    report.unchanged.append(name)
                } else if Self.isGenerated(existing) {
                    report.written.append(name)
                } else {
                    problems.append(notGenerated(name))
                }
            case .folder?, .other?:
                problems.append(notGenerated(name))
            }
        }
        let present = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in present.sorted() where files[name] == nil {
            let path = (folder as NSString).appendingPathComponent(name)
            guard FileSystem.kind(of: path) == .file else { continue }
            if Self.isLeftoverTemporaryName(name) {
                report.removed.append(name)
            } else if name.hasSuffix(".swift"), let data = FileManager.default.contents(atPath: path),
                Self.isGenerated(data)
            {
                report.removed.append(name)
            }
        }
        if !problems.isEmpty { throw .output(problems) }
        return report
    }

    /// Whether a file's first line is the generator's banner.
    static func isGenerated(_ data: Data) -> Bool {
        data.starts(with: Data(Constants.bannerPrefix.utf8))
    }

    /// Whether a name is that of a temporary file which earlier versions of the generator wrote beside each
    /// target, `.<Name>.swift.<process id>.tmp`, and left behind when killed.
    static func isLeftoverTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return false }
        let middle = name.dropFirst().dropLast(".tmp".count)  // <Name>.swift.<process id>
        guard let dot = middle.lastIndex(of: ".") else { return false }
        let processID = middle[middle.index(after: dot)...]
        let file = middle[..<dot]
        return !processID.isEmpty && processID.allSatisfy { $0.isASCII && $0.isNumber }
            && file.hasSuffix(".swift") && file.count > ".swift".count
    }

    // MARK: - Replacing

    /// Stages the new folder and swaps it in, or falls back to moving files one by one; the caller holds the
    /// lock and has removed any earlier staging folder.
    private func replace(
        _ folder: String, with files: [String: OutputText], as report: Report, stagingIn staging: String
    ) throws(GenerationError) -> Report {
        let exists = FileSystem.kind(of: folder) != nil
        if exists {
            guard FileSystem.isFolder(folder) else { throw failure("the output folder is not a folder") }
            guard access(folder, W_OK) == 0 else {
                throw failure("cannot write into the output folder: \(FileSystem.lastError())")
            }
        }
        guard mkdir(staging, 0o755) == 0 else {
            throw failure(
                "cannot create the staging folder '\(staging)' beside the output folder: \(FileSystem.lastError())")
        }
        do throws(GenerationError) {
            for name in report.written {
                if let reason = FileSystem.writeFile(
                    files[name]!, to: (staging as NSString).appendingPathComponent(name))
                {
                    throw .output([problem(name, "cannot write the file: \(reason)")])
                }
            }
            guard exists else {
                guard rename(staging, folder) == 0 else {
                    throw failure("cannot move the new output folder into place: \(FileSystem.lastError())")
                }
                return report
            }
            var fallback: String?
            let workingDirectory = FileManager.default.currentDirectoryPath
            if workingDirectory == folder || workingDirectory.hasPrefix(folder + "/") {
                fallback = "it contains the working directory"
            } else if FileSystem.device(of: folder) != FileSystem.device(of: staging) {
                fallback = "it is on another file system than the folder that contains it"
            } else if let reason = FileSystem.link(
                folder, into: staging, skipping: Set(report.written + report.removed))
                ?? FileSystem.copyOwnerAndPermissions(from: folder, to: staging)
            {
                fallback = reason
            } else if exchange(staging, folder) != 0 {
                fallback = "the file system cannot swap folders (\(FileSystem.lastError()))"
            } else {
                // `staging` now names the old folder.
                FileSystem.rescue(from: staging, into: folder, skipping: Set(report.written + report.removed))
                _ = FileSystem.removeTree(staging)  // a leftover is removed by the next run
                return report
            }
            var result = report
            try moveOneByOne(from: staging, into: folder, files, report)
            result.warnings.append(
                Diagnostic(
                    .warning,
                    "updated the output folder file by file, not as a whole, because \(fallback!); a run killed "
                        + "while it did so would have left a mix of old and new files",
                    at: SourceLocation(file: displayPath, mark: nil)))
            return result
        } catch {
            _ = FileSystem.removeTree(staging)
            throw error
        }
    }

    /// The fallback, in two passes so that a failure (a full disk) most likely comes before any target changed.
    /// First each new file goes beside its target as `.<Name>.swift.<process id>.tmp`: moved from the staging
    /// folder, or written again when the output folder is on another file system (a mount point); a failure
    /// removes these files and changes nothing. Then each is renamed over its target, and stale files are
    /// removed. A temporary file that a kill leaves is removed by the next run.
    private func moveOneByOne(
        from staging: String, into folder: String, _ files: [String: OutputText], _ report: Report
    ) throws(GenerationError) {
        let processID = ProcessInfo.processInfo.processIdentifier
        var placed: [(temporary: String, target: String)] = []
        for name in report.written {
            let temporary = (folder as NSString).appendingPathComponent(".\(name).\(processID).tmp")
            var reason: String?
            if rename((staging as NSString).appendingPathComponent(name), temporary) != 0 {
                reason = errno == EXDEV ? FileSystem.writeFile(files[name]!, to: temporary) : FileSystem.lastError()
            }
            if let reason {
                _ = unlink(temporary)
                for (written, _) in placed { _ = unlink(written) }
                throw .output([problem(name, "cannot write the file: \(reason)")])
            }
            placed.append((temporary, (folder as NSString).appendingPathComponent(name)))
        }
        for (index, (temporary, target)) in placed.enumerated() where rename(temporary, target) != 0 {
            let reason = FileSystem.lastError()
            for (written, _) in placed[index...] { _ = unlink(written) }
            throw .output([
                problem(
                    (target as NSString).lastPathComponent,
                    "cannot move the new file into place: \(reason); "
                        + (index == 0
                            ? "the output folder is unchanged" : "the output folder now mixes old and new files"))
            ])
        }
        for name in report.removed {
            _ = unlink((folder as NSString).appendingPathComponent(name))
        }
        _ = FileSystem.removeTree(staging)
    }

    // MARK: - Locking

    /// Runs `body` holding a `flock` on the output folder's parent folder (the output folder itself is replaced
    /// by each run, so it cannot carry the lock); no file is created. When the parent does not exist and the
    /// lock is shared (a check), there is nothing to read and `body` runs unlocked.
    private func withLock<Result>(
        on folder: String, exclusive: Bool, _ body: () throws(GenerationError) -> Result
    ) throws(GenerationError) -> Result {
        let parent = (folder as NSString).deletingLastPathComponent
        let descriptor = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if !exclusive && errno == ENOENT { return try body() }
            throw failure("cannot lock the folder that holds the output folder: \(FileSystem.lastError())")
        }
        defer { close(descriptor) }  // releases the lock
        let deadline = Date().addingTimeInterval(lockTimeout)
        while flock(descriptor, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            guard errno == EWOULDBLOCK else {
                throw failure("cannot lock the folder that holds the output folder: \(FileSystem.lastError())")
            }
            guard Date() < deadline else {
                throw failure(
                    "another openapi-codegen run is writing the output folder; run again when it has finished")
            }
            usleep(20_000)
        }
        return try body()
    }

    // MARK: - Diagnostics

    private func failure(_ message: String) -> GenerationError {
        .output([Diagnostic(.error, message, at: SourceLocation(file: displayPath, mark: nil))])
    }

    private func problem(_ name: String, _ message: String) -> Diagnostic {
        Diagnostic(
            .error, message, at: SourceLocation(file: (displayPath as NSString).appendingPathComponent(name), mark: nil)
        )
    }

    private func notGenerated(_ name: String) -> Diagnostic {
        problem(
            name,
            "'\(name)' exists and was not generated by openapi-codegen; move it away or choose another output folder")
    }
}
