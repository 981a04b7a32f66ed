internal import CContentHash
import Foundation

/// What a run read and wrote, kept in the output folder as `.openapi-codegen-manifest`, so that the next run
/// whose inputs are the same and whose output is untouched can stop after reading it instead of generating
/// everything again (the build-tool-plugin case: a run on every build).
///
/// - `inputs` fingerprints everything the output depends on: the bytes of every input file (document,
///   configuration, overlays, each template of the built-in and overriding folders), the options that change the
///   output or its diagnostics, and the generator's executable (size, modification time, inode).
/// - `diagnostics` are the warnings and notes that run printed, printed again by a run that skips generation.
/// - `outputs` are the generated files with their size and a hash of their bytes, checked against the files on
///   disk, so a hand-edited, truncated or deleted output file is noticed and rewritten.
///
/// A manifest only ever short-cuts a run whose result it states exactly: inputs that differ, or output files
/// that do not match, mean a full run, which writes a new manifest together with the files (in the same
/// folder swap).
public struct GenerationManifest: Equatable, Sendable {
    /// The manifest's name in the output folder; a hidden file, which SwiftPM does not treat as a source.
    public static let fileName = ".openapi-codegen-manifest"
    static let header = "openapi-codegen manifest 1"

    public struct Output: Equatable, Sendable {
        public var name: String
        public var size: Int
        public var hash: UInt64
    }

    /// One line per input, in a fixed order (see `InputFingerprint`).
    public var inputs: [String]
    public var diagnostics: [Diagnostic]
    /// Sorted by name.
    public var outputs: [Output]

    public init(inputs: [String], diagnostics: [Diagnostic], files: [String: String]) {
        self.inputs = inputs
        self.diagnostics = diagnostics
        self.outputs = files.keys.sorted().map { name in
            var text = files[name]!
            return text.withUTF8 {
                Output(name: name, size: $0.count, hash: ContentHash.of(UnsafeRawBufferPointer($0)))
            }
        }
    }

    /// The manifest's entry of a file: its size in UTF-8 bytes and their `ContentHash`.
    static func output(named name: String, text: String) -> Output {
        var text = text
        return text.withUTF8 { Output(name: name, size: $0.count, hash: ContentHash.of(UnsafeRawBufferPointer($0))) }
    }

    /// The manifest's entry of a file whose text is in pieces, as of the pieces joined.
    static func output(named name: String, text: OutputText) -> Output {
        Output(name: name, size: text.utf8Count, hash: text.contentHash)
    }

    init(inputs: [String], diagnostics: [Diagnostic], outputs: [Output]) {
        self.inputs = inputs
        self.diagnostics = diagnostics
        self.outputs = outputs
    }

    /// The manifest's text: a header line, then one tab-separated line per input, diagnostic and output.
    public var text: String {
        var lines = [Self.header]
        for input in inputs { lines.append("input\t" + Self.escape(input)) }
        for diagnostic in diagnostics {
            let mark = diagnostic.location?.mark
            lines.append(
                [
                    "diagnostic", diagnostic.severity.rawValue, diagnostic.location == nil ? "-" : "+",
                    diagnostic.location?.file ?? "", mark.map { "\($0.line)" } ?? "", mark.map { "\($0.column)" } ?? "",
                    mark?.file ?? "", diagnostic.pointer ?? "", diagnostic.pointer == nil ? "-" : "+",
                    diagnostic.message,
                ].map(Self.escape).joined(separator: "\t"))
        }
        for output in outputs {
            lines.append("output\t\(String(output.hash, radix: 16))\t\(output.size)\t\(Self.escape(output.name))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a manifest's text; `nil` for anything that is not exactly what `text` writes.
    ///
    /// Lines and fields are split at newline and tab bytes, which `escape` leaves in no field: a byte test, where
    /// splitting the string compared characters (and went through Foundation for each field's backslash), a third
    /// of a no-op run on openai.yaml's 2,998 output lines.
    public init?(text: String) {
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard let first = lines.first, Substring(first) == Self.header, lines.last?.isEmpty == true else {
            return nil
        }
        lines.removeFirst()
        lines.removeLast()
        var inputs: [String] = []
        var diagnostics: [Diagnostic] = []
        var outputs: [Output] = []
        for line in lines {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map {
                Self.unescape(Substring($0))
            }
            switch fields.first {
            case "input" where fields.count == 2:
                inputs.append(fields[1])
            case "diagnostic" where fields.count == 10:
                guard let severity = Diagnostic.Severity(rawValue: fields[1]) else { return nil }
                var location: SourceLocation?
                if fields[2] == "+" {
                    var mark: SourceMark?
                    if let line = Int(fields[4]), let column = Int(fields[5]) {
                        mark = SourceMark(line: line, column: column, file: fields[6].isEmpty ? nil : fields[6])
                    }
                    location = SourceLocation(file: fields[3], mark: mark)
                }
                diagnostics.append(
                    Diagnostic(severity, fields[9], at: location, pointer: fields[8] == "+" ? fields[7] : nil))
            case "output" where fields.count == 4:
                guard let hash = UInt64(fields[1], radix: 16), let size = Int(fields[2]) else { return nil }
                outputs.append(Output(name: fields[3], size: size, hash: hash))
            default:
                return nil
            }
        }
        self.init(inputs: inputs, diagnostics: diagnostics, outputs: outputs)
    }

    /// The field with each backslash, tab, newline and carriage return written as `\\`, `\t`, `\n` and `\r`. Byte by
    /// byte, like `init(text:)`: a carriage return and newline pair is one character, which a character test
    /// would not see as either.
    static func escape(_ field: String) -> String {
        guard field.utf8.contains(where: Self.isEscaped) else { return field }
        var escaped = ""
        for character in field.unicodeScalars {
            switch character {
            case "\\": escaped += "\\\\"
            case "\t": escaped += "\\t"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// Whether `escape` writes the byte as two.
    private static func isEscaped(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }

    static func unescape(_ field: Substring) -> String {
        guard field.utf8.contains(UInt8(ascii: "\\")) else { return String(field) }
        var result = ""
        var escaping = false
        for character in field.unicodeScalars {
            if escaping {
                switch character {
                case "t": result += "\t"
                case "n": result += "\n"
                case "r": result += "\r"
                default: result.unicodeScalars.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.unicodeScalars.append(character)
            }
        }
        return result
    }
}

/// A fast 64-bit hash of bytes, eight at a time, for noticing that a file changed; not a cryptographic hash (a
/// file crafted to collide is not a threat here: whoever can write it can write the output folder). Computed in C
/// (`openapi_codegen_content_hash`, which documents the function), so that the debug build SwiftPM makes for the
/// build tool plugin checks an unchanged output folder about as fast as a release build.
enum ContentHash {
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        openapi_codegen_content_hash(bytes.baseAddress, bytes.count)
    }

    static func of(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { of($0) }
    }
}

/// The fingerprint of a run's inputs: one line per input, in a fixed order. Input files are a list, so that a
/// document made of several files adds its files here.
public struct InputFingerprint {
    public private(set) var lines: [String] = []

    public init() {}

    /// A setting that changes the output or its diagnostics (`moduleName=Pets`).
    public mutating func add(setting name: String, _ value: String?) {
        lines.append("setting \(name)=\(value ?? "-")")
    }

    /// Input files, each by its role (`document`, `overlay`), its path and a hash of its bytes (or `missing`).
    public mutating func add(files: [URL], role: String) {
        for file in files {
            lines.append("\(role) \(file.standardizedFileURL.path) \(Self.describe(contentsOf: file.path))")
        }
    }

    /// An input file whose bytes the caller has read (`nil`: it could not be read), as `add(files:role:)` describes
    /// it.
    mutating func add(file: URL, contents: [UInt8]?, role: String) {
        lines.append("\(role) \(file.standardizedFileURL.path) \(contents.map(Self.describe) ?? "missing")")
    }

    /// The other files a multi-file document refers to, found while reading it: `referenced <path> <size> <hash>`.
    public mutating func add(referencedFiles files: [URL]) {
        add(files: files, role: Self.referencedRole)
    }

    static let referencedRole = "referenced"

    /// Whether a `referenced` line still describes its file: its path is followed by `<size> <hash>` or
    /// `missing`, and paths may hold spaces.
    static func isCurrent(referencedLine line: String) -> Bool {
        guard line.hasPrefix(referencedRole + " ") else { return false }
        let rest = line.dropFirst(referencedRole.count + 1)
        let fields = rest.split(separator: " ", omittingEmptySubsequences: false)
        let path: String
        if rest.hasSuffix(" missing") {
            path = String(rest.dropLast(" missing".count))
        } else {
            guard fields.count >= 3 else { return false }
            path = fields.dropLast(2).joined(separator: " ")
        }
        return line == "\(referencedRole) \(path) \(describe(contentsOf: path))"
    }

    /// Every `*.mustache` file of a folder (with its relative path and hash), or `missing`.
    public mutating func add(templateFolder folder: URL?, role: String) {
        guard let folder else {
            lines.append("\(role) -")
            return
        }
        guard let names = FileSystem.files(under: folder.path, withSuffix: ".mustache") else {
            lines.append("\(role) \(folder.standardizedFileURL.path) missing")
            return
        }
        lines.append("\(role) \(folder.standardizedFileURL.path)")
        let path = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
        for name in names {
            lines.append("\(role)-file \(name) \(Self.describe(contentsOf: path + name))")
        }
    }

    /// The running executable, by size, modification time and inode: a rebuilt generator is a new input.
    public mutating func addGenerator() {
        #if os(Linux)
            let path = "/proc/self/exe"
        #else
            let path = Bundle.main.executablePath ?? CommandLine.arguments[0]
        #endif
        var info = stat()
        guard stat(path, &info) == 0 else {
            // Unknown generator: a line that never repeats, so that no run is skipped.
            lines.append("generator unknown \(UUID().uuidString)")
            return
        }
        #if os(Linux)
            let modified = "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        #else
            let modified = "\(info.st_mtimespec.tv_sec).\(info.st_mtimespec.tv_nsec)"
        #endif
        lines.append("generator \(info.st_size) \(modified) \(info.st_dev):\(info.st_ino)")
    }

    static func describe(contentsOf path: String) -> String {
        FileSystem.contents(of: path).map(describe) ?? "missing"
    }

    /// A file's bytes as its line describes them: `<size> <hash>`.
    static func describe(_ bytes: [UInt8]) -> String {
        "\(bytes.count) \(String(bytes.withUnsafeBytes { ContentHash.of($0) }, radix: 16))"
    }
}
