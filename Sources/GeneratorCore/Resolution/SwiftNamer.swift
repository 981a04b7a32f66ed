import Foundation

/// Turns names from a document (schema names, property names, enum values, operation ids) into Swift
/// identifiers that follow the Swift API Design Guidelines: `run_id` → `runID`, `output_url` → `outputURL`,
/// `task_id` → `taskID`, `HTTPProxy` → `httpProxy`, `3dModel` → `_3dModel`, `default` → `` `default` ``.
///
/// The namer is pure: the same input always gives the same name. Making names unique within a scope is
/// `NameScope`'s job. A memoizing namer (`SwiftNamer(memoizing:)`, one per resolution) remembers the names it has
/// computed, which large documents ask for again and again (the same property and enum value names in hundreds of
/// schemas); its copies share what it remembers.
public struct SwiftNamer: Sendable {
    /// Words written in capitals inside a name (`outputURL`, `TaskID`) and in lowercase at its start (`urlPath`).
    public static let acronyms: Set<String> = [
        "api", "ascii", "cpu", "css", "csv", "dns", "eof", "ftp", "gps", "gpu", "guid", "html", "http", "https", "id",
        "io", "ip", "json", "jwt", "mime", "os", "pdf", "rpc", "sdk", "sql", "ssh", "ssl", "tcp", "tls", "ttl", "udp",
        "ui", "uri", "url", "utc", "utf8", "uuid", "vm", "xml",
    ]

    /// Swift keywords that can be used as member names only between backticks.
    public static let keywords: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
        "import",
        "init", "inout", "internal", "let", "nonisolated", "open", "operator", "private", "precedencegroup", "protocol",
        "public", "rethrows", "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue",
        "default", "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw",
        "switch",
        "where", "while", "as", "Any", "await", "false", "is", "nil", "super", "throws", "true", "try", "some", "any",
        "package", "each", "macro", "_",
    ]

    /// Member names that do not work even between backticks in some position, so they get a trailing `_`.
    public static let unusableMemberNames: Set<String> = [
        "self", "Self", "Type", "Protocol", "init", "deinit", "subscript", "_",
    ]

    /// The names computed so far, when the namer memoizes; `nil` computes every name each time.
    let memo: NameMemo?

    public init() { memo = nil }

    /// A namer that remembers every name it computes (see `NameMemo`); its copies share the memory.
    init(memoizing: Void) { memo = NameMemo() }

    /// An UpperCamelCase type name: `dub_alt_format` → `DubAltFormat`, `TaskID` → `TaskID`, `pet-store` → `PetStore`.
    public func typeName(for name: String) -> String {
        guard let memo else { return Self.computeTypeName(for: name) }
        return memo.name(for: name, kind: .type) { Self.computeTypeName(for: name) }
    }

    static func computeTypeName(for name: String) -> String {
        if let words = asciiWords(in: name, spellingSigns: false) { return asciiTypeName(of: words) }
        let words = Self.words(in: name)
        guard !words.isEmpty else { return "Unnamed" }
        let joined = words.map(Self.capitalized).joined()
        return joined.first!.isNumber ? "_" + joined : joined
    }

    /// A lowerCamelCase member name (property, case, parameter, function): `run_id` → `runID`,
    /// `URLPath` → `urlPath`, `default` → `` `default` ``, `self` → `self_`, `3d` → `_3d`, `-1` → `minus1`.
    /// With `spellingSigns`, a `+` or `-` before a digit inside the name is spelled too (`GMT-1` →
    /// `gmtMinus1` rather than `gmt1`), for values that would otherwise get the same name.
    public func memberName(for name: String, spellingSigns: Bool = false) -> String {
        guard let memo else { return Self.computeMemberName(for: name, spellingSigns: spellingSigns) }
        return memo.name(for: name, kind: spellingSigns ? .memberSpellingSigns : .member) {
            Self.computeMemberName(for: name, spellingSigns: spellingSigns)
        }
    }

    static func computeMemberName(for name: String, spellingSigns: Bool) -> String {
        let base = computeUnescapedMemberName(for: name, spellingSigns: spellingSigns)
        if Self.unusableMemberNames.contains(base) { return base + "_" }
        if Self.keywords.contains(base) { return "`\(base)`" }
        return base
    }

    /// Like `memberName(for:)` without backticks, for building other names from it.
    public func unescapedMemberName(for name: String, spellingSigns: Bool = false) -> String {
        guard let memo else { return Self.computeUnescapedMemberName(for: name, spellingSigns: spellingSigns) }
        return memo.name(for: name, kind: spellingSigns ? .unescapedMemberSpellingSigns : .unescapedMember) {
            Self.computeUnescapedMemberName(for: name, spellingSigns: spellingSigns)
        }
    }

    static func computeUnescapedMemberName(for name: String, spellingSigns: Bool) -> String {
        if let words = asciiWords(in: name, spellingSigns: spellingSigns) { return asciiMemberName(of: words) }
        let words = Self.words(in: name, spellingSigns: spellingSigns)
        guard let first = words.first else { return "unnamed" }
        let head: String
        let isAcronym =
            Self.acronyms.contains(first.lowercased()) || Self.acronyms.contains(String(first.lowercased().dropLast()))
        if first.allSatisfy({ $0.isUppercase || $0.isNumber }) || isAcronym {
            head = first.lowercased()
        } else {
            head = first.prefix(1).lowercased() + first.dropFirst()
        }
        let joined = head + words.dropFirst().map(Self.capitalized).joined()
        return joined.first!.isNumber ? "_" + joined : joined
    }

    /// `computeUnescapedMemberName(for:spellingSigns:)` for the words `asciiWords(in:spellingSigns:)` found (at least
    /// one, each of ASCII letters and digits), byte by byte: the same rules without the character view's grapheme
    /// breaking and Unicode's case mappings.
    static func asciiMemberName(of words: [String]) -> String {
        var name: [UInt8] = []
        name.reserveCapacity(words.reduce(1) { $0 + $1.utf8.count })
        var firstWord = words[0]
        firstWord.withUTF8 { first in
            let packed = first.count <= maximumAcronymLength + 1 ? packedLowercased(first) : 0
            let isAcronym =
                (first.count <= maximumAcronymLength && packedAcronyms.contains(packed))
                || (first.count - 1 <= maximumAcronymLength && packedAcronyms.contains(packed >> 8))
            if isAcronym || first.allSatisfy({ isASCIICapital($0) || isASCIIDigit($0) }) {
                for byte in first { name.append(lowercased(byte)) }
            } else {
                // The first letter in lowercase, the rest as written.
                name.append(lowercased(first[0]))
                name.append(contentsOf: first[1...])
            }
        }
        for word in words.dropFirst() { appendCapitalized(word, to: &name) }
        if isASCIIDigit(name[0]) { name.insert(UInt8(ascii: "_"), at: 0) }
        return String(decoding: name, as: UTF8.self)
    }

    /// `computeTypeName(for:)` for the words `asciiWords(in:spellingSigns:)` found (at least one, each of ASCII
    /// letters and digits), byte by byte into one buffer.
    static func asciiTypeName(of words: [String]) -> String {
        var name: [UInt8] = []
        name.reserveCapacity(words.reduce(1) { $0 + $1.utf8.count })
        for word in words { appendCapitalized(word, to: &name) }
        if isASCIIDigit(name[0]) { name.insert(UInt8(ascii: "_"), at: 0) }
        return String(decoding: name, as: UTF8.self)
    }

    /// Appends `capitalized(_:)` of an ASCII word of letters and digits: the acronyms are found by their packed bytes
    /// (`packedAcronyms`), so no text is made for the lookups. The word's UTF-8 is read as one buffer (`withUTF8`),
    /// not stepped through by the string's index.
    static func appendCapitalized(_ word: String, to name: inout [UInt8]) {
        var word = word
        word.withUTF8 { word in
            let count = word.count
            guard count > 0 else { return }
            let packed = count <= maximumAcronymLength + 1 ? packedLowercased(word) : 0
            if count <= maximumAcronymLength, packedAcronyms.contains(packed) {
                for byte in word { name.append(uppercased(byte)) }
            } else if count - 1 <= maximumAcronymLength, lowercased(word[count - 1]) == UInt8(ascii: "s"),
                packedAcronyms.contains(packed >> 8)
            {
                // Plurals of acronyms: `ids` → `IDs`, `URLS` → `URLs`.
                for byte in word.dropLast() { name.append(uppercased(byte)) }
                name.append(UInt8(ascii: "s"))
            } else {
                name.append(uppercased(word[0]))
                name.append(contentsOf: word[1...])
            }
        }
    }

    /// The longest acronym, in bytes.
    static let maximumAcronymLength = acronyms.map(\.utf8.count).max()!

    /// The acronyms' bytes packed into a number each (`packedLowercased`).
    static let packedAcronyms = Set(acronyms.map { packedLowercased($0.utf8) })

    /// Up to eight ASCII bytes in lowercase in one number, the first byte highest: no byte is zero, so texts of
    /// different lengths differ, and dropping the number's lowest byte drops the text's last.
    static func packedLowercased(_ bytes: some Collection<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64(lowercased($1)) }
    }

    static func isASCIICapital(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    static func isASCIIDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    static func lowercased(_ byte: UInt8) -> UInt8 { isASCIICapital(byte) ? byte | 0x20 : byte }
    static func uppercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte & ~0x20 : byte
    }

    /// A word with its first letter capitalised; acronyms entirely in capitals (`id` → `ID`, `Url` → `URL`,
    /// `ids` → `IDs`).
    static func capitalized(_ word: String) -> String {
        if let capitalized = asciiCapitalized(word) { return capitalized }
        let lowercased = word.lowercased()
        if acronyms.contains(lowercased) { return word.uppercased() }
        // Plurals of acronyms: `ids` → `IDs`, `urls` → `URLs`.
        if lowercased.hasSuffix("s"), acronyms.contains(String(lowercased.dropLast())) {
            return word.dropLast().uppercased() + "s"
        }
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    /// `capitalized` for ASCII text without a carriage return (whose first character is its first byte), byte by byte:
    /// Unicode's case mappings and the character view's grapheme breaking cost a microsecond a word, for every type
    /// name a large document needs. `nil` for any other text.
    static func asciiCapitalized(_ word: String) -> String? {
        let bytes = word.utf8
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) else { return nil }
        func lower(_ byte: UInt8) -> UInt8 {
            byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
        }
        func upper(_ byte: UInt8) -> UInt8 {
            byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte & ~0x20 : byte
        }
        /// The word with each byte mapped (by its offset), made in place.
        func mapped(_ transform: (Int, UInt8) -> UInt8) -> String {
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (offset, byte) in bytes.enumerated() { buffer[offset] = transform(offset, byte) }
                return bytes.count
            }
        }
        let lowercased = mapped { lower($1) }
        if acronyms.contains(lowercased) { return mapped { upper($1) } }
        // Plurals of acronyms: `ids` → `IDs`, `URLS` → `URLs`.
        let last = bytes.count - 1
        if lowercased.utf8.last == UInt8(ascii: "s"), acronyms.contains(String(lowercased.dropLast())) {
            return mapped { $0 == last ? UInt8(ascii: "s") : upper($1) }
        }
        return mapped { $0 == 0 ? upper($1) : $1 }
    }

    /// Splits a name into words at separators (anything that cannot be part of an identifier) and at case
    /// changes: `getHTTPResponse_code` → `get`, `HTTP`, `Response`, `code`. Digits stay with the letters
    /// before them (`mp3`, `utf8`, `v2Api` → `v2`, `Api`).
    static func words(in name: String, spellingSigns: Bool = false) -> [String] {
        if let words = asciiWords(in: name, spellingSigns: spellingSigns) { return words }
        var words: [String] = []
        var current: [Character] = []
        func flush() {
            if !current.isEmpty { words.append(String(current)) }
            current = []
        }
        let characters = Array(name)
        for (index, character) in characters.enumerated() {
            guard isIdentifierCharacter(character) else {
                flush()
                // A sign that starts a number is part of its meaning: `-1` → `minus1`; with `spellingSigns`,
                // also inside a name: `GMT+1` → `gmtPlus1` (never between digits: `2024-01`).
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let previous = index > 0 ? characters[index - 1] : nil
                if character == "-" || character == "+", let next, next.isASCII, next.isNumber,
                    previous == nil || (spellingSigns && !(previous!.isNumber))
                {
                    words.append(character == "-" ? "minus" : "plus")
                }
                continue
            }
            if let previous = current.last {
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                if character.isUppercase {
                    // lower→Upper starts a word (`runId`); so does the last capital of a run followed by
                    // a lowercase letter (`HTTPResponse` → `HTTP`, `Response`).
                    if previous.isLowercase || previous.isNumber {
                        flush()
                    } else if previous.isUppercase, let next, next.isLowercase {
                        flush()
                    }
                }
            }
            current.append(character)
        }
        flush()
        if words.isEmpty {
            // Nothing but symbols or emoji: spell them with their Unicode names (`🙂` → `slightly smiling face`).
            for scalar in name.unicodeScalars where !scalar.properties.isWhitespace {
                guard let unicodeName = scalar.properties.name else { continue }
                words += unicodeName.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
            }
        }
        return words
    }

    /// `words(in:spellingSigns:)` for a name of ASCII characters other than the carriage return (which joins a
    /// following line feed into one character), byte by byte: there a character is a byte, letters and digits are
    /// known by value, and a word is a run of bytes. `nil` for any other name, and for one without a letter or
    /// digit (spelled by its characters' Unicode names).
    static func asciiWords(in name: String, spellingSigns: Bool) -> [String]? {
        let bytes = Array(name.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) else { return nil }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        func isUppercase(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        func isLowercase(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
        var words: [String] = []
        var wordStart: Int?
        func flush(at end: Int) {
            if let start = wordStart { words.append(String(decoding: bytes[start..<end], as: UTF8.self)) }
            wordStart = nil
        }
        for (index, byte) in bytes.enumerated() {
            let next = index + 1 < bytes.count ? bytes[index + 1] : nil
            guard isUppercase(byte) || isLowercase(byte) || isDigit(byte) else {
                flush(at: index)
                let previous = index > 0 ? bytes[index - 1] : nil
                if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+"), let next, isDigit(next),
                    previous == nil || (spellingSigns && !isDigit(previous!))
                {
                    words.append(byte == UInt8(ascii: "-") ? "minus" : "plus")
                }
                continue
            }
            if wordStart != nil, isUppercase(byte) {
                // The word's last character is the byte before this one.
                let previous = bytes[index - 1]
                if isLowercase(previous) || isDigit(previous) {
                    flush(at: index)
                } else if isUppercase(previous), let next, isLowercase(next) {
                    flush(at: index)
                }
            }
            if wordStart == nil { wordStart = index }
        }
        flush(at: bytes.count)
        return words.isEmpty ? nil : words
    }

    static func isIdentifierCharacter(_ character: Character) -> Bool {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return false }
        // ASCII letters and digits by value: `Character.isLetter` looks Unicode properties up, at a cost that shows
        // on large documents.
        if scalar.isASCII {
            let value = scalar.value
            return (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A) || (value >= 0x30 && value <= 0x39)
        }
        // Letters and digits of other scripts are legal in Swift identifiers; symbols and emoji are dropped.
        return scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
    }
}

/// The names a memoizing `SwiftNamer` has computed, by kind of name and source name. Shared by the namer's copies
/// (which may be sent to other threads), so a lock guards it; the lock costs far less than computing a name.
final class NameMemo: @unchecked Sendable {
    enum Kind: Int, CaseIterable {
        case type, member, memberSpellingSigns, unescapedMember, unescapedMemberSpellingSigns
    }

    private let lock = NSLock()
    private var names = [[String: String]](repeating: [:], count: Kind.allCases.count)

    /// The name of `kind` for `source`, computed by `compute` the first time it is asked for.
    func name(for source: String, kind: Kind, compute: () -> String) -> String {
        lock.lock()
        let known = names[kind.rawValue][source]
        lock.unlock()
        if let known { return known }
        let name = compute()
        lock.lock()
        names[kind.rawValue][source] = name
        lock.unlock()
        return name
    }

    /// How many names of `kind` are remembered, for tests.
    func count(of kind: Kind) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return names[kind.rawValue].count
    }
}

/// Hands out names within one scope (the types of a module, the members of a type), making each unique:
/// a clash gets a numeric suffix in the order names are claimed (`name`, `name2`, `name3`).
/// Uniqueness ignores case when `caseInsensitive` is set, so that file names stay distinct on macOS.
public struct NameScope: Sendable {
    /// The reserved names' keys, never changed: a case-sensitive scope shares its caller's set (a struct's or enum's
    /// scope starts from the same constant set, thousands of times in a large document), and no claim copies it.
    private let reserved: Set<String>
    /// The keys of the names claimed so far.
    private var taken: Set<String> = []
    private let caseInsensitive: Bool
    /// For each name (its key) that needed a suffix, the last suffix it got: names are only ever taken, so the
    /// smallest free suffix never goes down, and the search resumes there instead of at 2 (10,000 values that
    /// all sanitise to one name would otherwise take 50 million lookups).
    private var lastSuffix: [String: Int] = [:]

    public init(reserved: Set<String> = [], caseInsensitive: Bool = false) {
        self.caseInsensitive = caseInsensitive
        self.reserved = caseInsensitive ? Set(reserved.map(Self.lowercased)) : reserved
    }

    /// Makes room for `count` claims, so that a scope whose size is known grows its set once.
    public mutating func reserveCapacity(_ count: Int) { taken.reserveCapacity(count) }

    /// `name.lowercased()`, byte by byte for ASCII text (Unicode's case mappings otherwise).
    /// Reads the name's UTF-8 as one buffer (`withUTF8`): a loop over `utf8` steps through the string's index for
    /// every byte, which made this 5,000 instructions for one of Stripe's long type names.
    static func lowercased(_ name: String) -> String {
        var utf8 = name
        // `nil` for text that is not ASCII, which takes Unicode's case mappings.
        let lowered = utf8.withUTF8 { bytes -> String? in
            var hasCapital = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if SwiftNamer.isASCIICapital(byte) { hasCapital = true }
            }
            guard hasCapital else { return name }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for offset in 0..<bytes.count { buffer[offset] = SwiftNamer.lowercased(bytes[offset]) }
                return bytes.count
            }
        }
        return lowered ?? name.lowercased()
    }

    /// The name without the backticks of a keyword (`` `default` `` → `default`).
    private static func bare(_ name: String) -> String {
        name.hasPrefix("`") ? String(name.dropFirst().dropLast()) : name
    }

    private func key(_ name: String) -> String {
        let bare = Self.bare(name)
        return caseInsensitive ? Self.lowercased(bare) : bare
    }

    private func isTaken(_ key: String) -> Bool { taken.contains(key) || reserved.contains(key) }

    public func contains(_ name: String) -> Bool { isTaken(key(name)) }

    /// Returns `name`, or `name` with the smallest suffix from 2 up that is still free, and marks it taken.
    public mutating func claim(_ name: String) -> String {
        let bare = Self.bare(name)
        return claim(name, bare: bare, bareKey: caseInsensitive ? Self.lowercased(bare) : bare)
    }

    /// `claim(_:)` of a name whose `NameScope.lowercased(_:)` the caller has made already, in a scope that ignores
    /// case (the module's types, whose names the caller lowercases for its own checks first).
    mutating func claim(_ name: String, lowercased: String) -> String {
        guard caseInsensitive, !name.hasPrefix("`") else { return claim(name) }
        return claim(name, bare: name, bareKey: lowercased)
    }

    private mutating func claim(_ name: String, bare: String, bareKey: String) -> String {
        if !reserved.contains(bareKey), taken.insert(bareKey).inserted { return name }
        // The key of the bare name with its backticks dropped again (the same key but for a name in two pairs).
        let suffixKey = key(bare)
        var suffix = lastSuffix[suffixKey] ?? 2
        while isTaken(key(bare + String(suffix))) { suffix += 1 }
        taken.insert(key(bare + String(suffix)))
        lastSuffix[suffixKey] = suffix
        return bare + String(suffix)
    }
}

extension SwiftNamer {
    public enum Kind: Sendable { case type, member }

    /// A name the user chose in the configuration, kept exactly as written when it is a legal Swift identifier
    /// (a keyword gets backticks as a member, and is refused as a type).
    /// - Returns: the name, or `nil` after an error that suggests the generator's own spelling of it.
    func checkedOverride(_ name: String, kind: Kind, at location: SourceLocation, diagnostics: DiagnosticCollector)
        -> String?
    {
        let scalars = Array(name.unicodeScalars)
        let isIdentifier =
            !scalars.isEmpty
            && (scalars[0] == "_" || scalars[0].properties.isAlphabetic)
            && scalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        let isUnusable =
            kind == .type
            ? Self.keywords.contains(name) || Self.unusableMemberNames.contains(name)
            : Self.unusableMemberNames.contains(name)
        guard isIdentifier, !isUnusable else {
            let legal = kind == .type ? typeName(for: name) : memberName(for: name)
            diagnostics.error(
                "'\(name)' is not a legal Swift \(kind == .type ? "type" : "member") name; did you mean '\(legal)'?",
                at: location)
            return nil
        }
        return kind == .member && Self.keywords.contains(name) ? "`\(name)`" : name
    }
}
