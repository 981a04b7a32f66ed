/// A position in a source file: 1-based line and 1-based column counted in Unicode scalars.
///
/// The conversion from libyaml's zero-based marks happens once, in `YAMLParser`.
public struct SourceMark: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Line number, starting at 1.
    public var line: Int
    /// Column number, starting at 1, counted in Unicode scalars (not bytes, not grapheme clusters).
    public var column: Int
    /// The file the mark is in, as printed in diagnostics, when it is not the file being read: nodes an overlay
    /// brings into a document keep the overlay's path. `nil` means the file of whoever reports it.
    public var file: String?

    public init(line: Int, column: Int, file: String? = nil) {
        self.line = line
        self.column = column
        self.file = file
    }

    public static func < (lhs: SourceMark, rhs: SourceMark) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// `line:column`, for example `14:17`.
    public var description: String { "\(line):\(column)" }
}

/// A file path together with a mark inside that file, printed as `path:line:column`.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The path as it should be printed (usually relative to the working directory).
    public var file: String
    /// The position inside `file`; `nil` when the problem concerns the file as a whole.
    public var mark: SourceMark?

    /// - Parameter file: the file to print, unless `mark` names its own.
    public init(file: String, mark: SourceMark?) {
        self.file = mark?.file ?? file
        self.mark = mark
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        switch (lhs.mark, rhs.mark) {
        case let (l?, r?): return l < r
        case (nil, _?): return true
        default: return false
        }
    }

    /// `file:line:column`, or `file` alone when there is no mark.
    public var description: String {
        guard let mark else { return file }
        return "\(file):\(mark.line):\(mark.column)"
    }
}
