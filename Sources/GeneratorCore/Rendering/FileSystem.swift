internal import CFolderExchange
import Foundation

/// The system calls `OutputWriter` builds on, each returning the system's reason on failure (`nil` on success)
/// instead of throwing, so that the writer decides what a failure means.
enum FileSystem {
    enum Kind: Equatable {
        case file, folder, other
    }

    /// What is at `path`, without following a symbolic link (a link is `.other`); `nil` when nothing is.
    static func kind(of path: String) -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    /// Whether `path` is a folder, following symbolic links.
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// The file system that holds `path` (`st_dev`), or `nil` when nothing is there.
    static func device(of path: String) -> UInt64? {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_dev) : nil
    }

    /// The path with symbolic links resolved (those of its parent when it does not exist yet), so that the
    /// staging folder is created beside the real folder and swapped with it rather than with a link.
    static func resolve(_ path: String) -> String {
        if let resolved = realPath(path) { return resolved }
        let parent = (path as NSString).deletingLastPathComponent
        guard parent != path, let resolvedParent = realPath(parent) else { return path }
        return (resolvedParent as NSString).appendingPathComponent((path as NSString).lastPathComponent)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The description of `errno`, such as `Read-only file system`.
    static func lastError() -> String {
        String(cString: strerror(errno))
    }

    /// Swaps two folders in one step (see `CFolderExchange.h`); 0, or -1 with `errno` set.
    static func exchange(_ first: String, _ second: String) -> Int32 {
        openapi_codegen_exchange(first, second)
    }

    /// Creates a file with plain system calls (Foundation's `Data.write` also syncs each file to disk, which for
    /// thousands of files costs more than everything else).
    static func writeFile(_ text: String, to path: String) -> String? {
        writeFile(OutputText(text), to: path)
    }

    /// Creates a file holding a text's pieces, in order: a text of one piece is written from its string, one of
    /// several through a buffer of `writeBufferSize` bytes, the same buffer for all (its memory is touched once,
    /// where joining the pieces first would touch the text's size; see `OutputText`).
    static func writeFile(_ text: OutputText, to path: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return lastError() }
        func writeAll(_ bytes: UnsafeRawBufferPointer) -> String? {
            let written = transferAll(bytes.count) { write(descriptor, bytes.baseAddress! + $0, $1) }
            guard let written else { return lastError() }
            return written == bytes.count ? nil : "the system wrote \(written) of \(bytes.count) bytes"
        }
        var failure: String?
        if text.pieces.count <= 1 {
            text.forEachPiece { failure = writeAll($0) }
        } else {
            withUnsafeTemporaryAllocation(byteCount: writeBufferSize, alignment: 16) { buffer in
                var count = 0
                text.forEachPiece { bytes in
                    var rest = bytes
                    while failure == nil, !rest.isEmpty {
                        let taken = min(rest.count, buffer.count - count)
                        UnsafeMutableRawBufferPointer(rebasing: buffer[count..<count + taken]).copyMemory(
                            from: UnsafeRawBufferPointer(rebasing: rest[..<taken]))
                        count += taken
                        rest = UnsafeRawBufferPointer(rebasing: rest[taken...])
                        if count == buffer.count {
                            failure = writeAll(UnsafeRawBufferPointer(buffer))
                            count = 0
                        }
                    }
                }
                if failure == nil, count > 0 {
                    failure = writeAll(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
                }
            }
        }
        if let failure {
            close(descriptor)
            return failure
        }
        return close(descriptor) == 0 ? nil : lastError()
    }

    /// The size of `writeFile(_:to:)`'s buffer: 64 KiB, below malloc's threshold for a mapping of its own, so that
    /// the memory is reused from one file to the next.
    static let writeBufferSize = 1 << 16

    /// The `ContentHash` of a regular file's bytes, or `nil` when it is missing, not a regular file, or not
    /// `size` bytes long. `buffer` is reused from one call to the next.
    static func hash(ofFileAt path: String, size: Int, buffer: inout [UInt8]) -> UInt64? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == size else {
            return nil
        }
        // One byte more than expected, to notice a file that grew since `fstat`.
        if buffer.count < size + 1 { buffer = [UInt8](repeating: 0, count: size + 1) }
        return buffer.withUnsafeMutableBytes { bytes -> UInt64? in
            guard transferAll(size + 1, { read(descriptor, bytes.baseAddress! + $0, $1) }) == size else { return nil }
            return ContentHash.of(UnsafeRawBufferPointer(rebasing: bytes[0..<size]))
        }
    }

    /// Calls `transfer` (a `read` or a `write` of up to `count` bytes from an offset) until `count` bytes have moved
    /// or a call moves none (the end of a file), again when a call is interrupted (`EINTR`): the bytes moved, or
    /// `nil` when a call failed.
    private static func transferAll(_ count: Int, _ transfer: (_ offset: Int, _ count: Int) -> Int) -> Int? {
        var offset = 0
        while offset < count {
            let moved = transfer(offset, count - offset)
            if moved < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if moved == 0 { break }
            offset += moved
        }
        return offset
    }

    /// A file's bytes, read with plain system calls into the array returned (`Array(Data(contentsOf:))` touched twice
    /// the file's size of fresh memory, its first writes the larger cost of reading stripe's 4 MB document); `nil`
    /// when it cannot be opened or read, or is a folder. A regular file is read into an array of its size (and one
    /// byte more, to notice that it grew); anything else (a pipe) in pieces.
    static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { return nil }
        /// Reads into `buffer` until it is full or the file ends: the count read, or `nil` on failure.
        func readAll(into buffer: UnsafeMutableRawBufferPointer) -> Int? {
            transferAll(buffer.count) { read(descriptor, buffer.baseAddress! + $0, $1) }
        }
        let capacity = info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) + 1 : writeBufferSize
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            guard let read = readAll(into: UnsafeMutableRawBufferPointer(buffer)) else {
                failed = true
                return
            }
            count = read
        }
        guard !failed else { return nil }
        guard bytes.count == capacity else { return bytes }
        // Full: a pipe, or a file that grew since `fstat`; the rest in pieces.
        return withUnsafeTemporaryAllocation(byteCount: writeBufferSize, alignment: 16) { buffer -> [UInt8]? in
            while true {
                guard let count = readAll(into: buffer) else { return nil }
                bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
                if count < buffer.count { return bytes }
            }
        }
    }

    /// The paths, relative to a folder and sorted, of the files under it (in its subfolders too) whose names end with
    /// `suffix`: hidden ones and links to files too; a link to a folder inside it is not followed (the folder itself
    /// may be a link), a subfolder that cannot be read is skipped, and a folder whose name ends with `suffix` is
    /// searched, not listed. `nil` when the folder cannot be read. `readdir` rather than `FileManager`'s enumerator,
    /// which built a URL and an attribute dictionary for each file (a third of the built-in templates' listing and
    /// reading), and listed nothing under a folder given as a link.
    static func files(under folder: String, withSuffix suffix: String) -> [String]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var found: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let isFolder =
                entry.pointee.d_type == UInt8(DT_UNKNOWN)
                ? kind(of: path) == .folder : entry.pointee.d_type == UInt8(DT_DIR)
            if isFolder {
                found += (files(under: path, withSuffix: suffix) ?? []).map { name + "/" + $0 }
            } else if name.hasSuffix(suffix) {
                found.append(name)
            }
        }
        return found.sorted()
    }

    /// Whether a file begins with the generator's banner.
    static func startsWithBanner(_ path: String) -> Bool {
        let banner = Array(Constants.bannerPrefix.utf8)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: banner.count)
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, banner.count) }
        return count == banner.count && bytes == banner
    }

    /// Fills `destination` (an empty folder) with hard links to everything in `source` but the top-level
    /// `skipping` names: files and symbolic links are linked, subfolders recreated with their permissions.
    static func link(_ source: String, into destination: String, skipping: Set<String>) -> String? {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: source)
        } catch {
            return "'\(source)' cannot be listed (\(error.localizedDescription))"
        }
        for name in names.sorted() where !skipping.contains(name) {
            let from = (source as NSString).appendingPathComponent(name)
            let to = (destination as NSString).appendingPathComponent(name)
            var info = stat()
            guard lstat(from, &info) == 0 else { return "'\(from)' cannot be read (\(lastError()))" }
            switch info.st_mode & S_IFMT {
            case S_IFREG, S_IFLNK:
                // Flags 0: a symbolic link is linked itself, not its target.
                guard linkat(AT_FDCWD, from, AT_FDCWD, to, 0) == 0 else {
                    return "'\(from)' cannot be hard-linked (\(lastError()))"
                }
            case S_IFDIR:
                guard mkdir(to, 0o700) == 0 else { return "'\(to)' cannot be created (\(lastError()))" }
                if let reason = link(from, into: to, skipping: []) { return reason }
                guard chmod(to, info.st_mode & 0o7777) == 0 else {
                    return "'\(to)' cannot be given its permissions (\(lastError()))"
                }
            default:
                return "'\(from)' is neither a file, a folder nor a symbolic link"
            }
        }
        return nil
    }

    /// After a swap, moves into the new folder what the user added to the old one, or replaced there, since it
    /// was linked into the staging folder: any top-level file or link of `old` but the `skipping` names that the
    /// new folder lacks or holds as another file. Best effort: a failure leaves the file in the old folder.
    static func rescue(from old: String, into new: String, skipping: Set<String>) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: old)) ?? []
        for name in names where !skipping.contains(name) {
            let from = (old as NSString).appendingPathComponent(name)
            let to = (new as NSString).appendingPathComponent(name)
            var source = stat()
            var target = stat()
            guard lstat(from, &source) == 0, source.st_mode & S_IFMT != S_IFDIR else { continue }
            if lstat(to, &target) == 0, target.st_ino == source.st_ino { continue }
            _ = rename(from, to)
        }
    }

    /// Gives `destination` the permissions of `source`, and its owner when running as root.
    static func copyOwnerAndPermissions(from source: String, to destination: String) -> String? {
        var info = stat()
        guard stat(source, &info) == 0 else { return "'\(source)' cannot be read (\(lastError()))" }
        if geteuid() == 0, chown(destination, info.st_uid, info.st_gid) != 0 {
            return "'\(destination)' cannot be given the output folder's owner (\(lastError()))"
        }
        guard chmod(destination, info.st_mode & 0o7777) == 0 else {
            return "'\(destination)' cannot be given the output folder's permissions (\(lastError()))"
        }
        return nil
    }

    /// Deletes a file or a folder with everything in it; nothing to do when nothing is at `path`. Folders are
    /// made writable first, so that read-only subfolders (kept from a user's folder) can be emptied.
    static func removeTree(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return errno == ENOENT ? nil : lastError() }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            return unlink(path) == 0 ? nil : lastError()
        }
        _ = chmod(path, 0o700)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            return error.localizedDescription
        }
        for name in names {
            if let reason = removeTree((path as NSString).appendingPathComponent(name)) { return reason }
        }
        return rmdir(path) == 0 ? nil : lastError()
    }
}
