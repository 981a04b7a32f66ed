import Mustache

/// Parses a template straight into the compiled renderer's tree (`CompiledTemplates.Node`), making the same tree
/// as swift-mustache's parser read back by `CompiledTemplates.nodes(of:)`, step for step, but in linear time:
/// swift-mustache's parser measures the rest of the template at every tag (`Parser.read(count:)` calls
/// `String.distance` to the end), which made loading the built-in templates most of a small document's run.
///
/// It covers text, variables (`{{name}}`, `{{{name}}}`, `{{& name}}`, with transforms), sections, inverted
/// sections, comments, static partials and `{{% CONTENT_TYPE: … }}`. For anything else (set-delimiter tags,
/// template inheritance, dynamic partials) and for any template swift-mustache would reject, it returns `nil`, and
/// the caller parses with swift-mustache, which reports errors with their positions. `CompiledTemplatesTests`
/// checks that both parsers make the same tree of every built-in template and of whitespace corner cases.
struct TemplateParser {
    typealias Node = CompiledTemplates.Node

    /// Why parsing stopped; the caller falls back to swift-mustache.
    struct Unsupported: Error {}

    struct State {
        var sectionName: String?
        var sectionTransforms: [String] = []
        var newLine = true
    }

    /// The template's UTF-8 bytes.
    private let bytes: [UInt8]
    /// One unit per `Character` of the template: its byte when the character is one ASCII scalar, else
    /// `Self.nonASCII` (the character is then in `others`). The parser's loops compare bytes, so that the common
    /// case needs no `Character` comparison or hashing; only the rare other characters are read as characters.
    private let units: [UInt8]
    /// The characters of more than one byte, in order: the position of each, and how many bytes the characters up
    /// to it and with it have beyond one each. A position's first byte is the position plus that count
    /// of the last such character before it (`byteOffset(of:)`), so that a run of characters becomes a string by
    /// copying its bytes; a template of ASCII characters has none.
    private let wideCharacters: [(position: Int, extraBytes: Int)]
    /// The characters whose unit is `nonASCII` (a letter with an accent, `\r\n`, an emoji), by position.
    private let others: [Int: Character]
    private var position = 0
    /// The content types of `{{% CONTENT_TYPE: … }}` tags, by name, shared by the templates of a library.
    private var contentTypes: [String: any MustacheContentType]

    /// The unit of a character that is not one ASCII scalar.
    private static let nonASCII: UInt8 = 0xFF

    /// The tree of a template, or `nil` when swift-mustache must parse it.
    /// - Parameter contentTypes: the content types found so far, by name; the template's are added.
    static func nodes(of text: String, contentTypes: inout [String: any MustacheContentType]) -> [Node]? {
        var parser = TemplateParser(text: text, contentTypes: contentTypes)
        let nodes = try? parser.parse(State())
        contentTypes = parser.contentTypes
        return nodes
    }

    /// The tree of a template, or `nil` when swift-mustache must parse it.
    static func nodes(of text: String) -> [Node]? {
        var contentTypes: [String: any MustacheContentType] = [:]
        return nodes(of: text, contentTypes: &contentTypes)
    }

    private init(text: String, contentTypes: [String: any MustacheContentType]) {
        self.contentTypes = contentTypes
        let bytes = Array(text.utf8)
        var units: [UInt8] = []
        var wideCharacters: [(position: Int, extraBytes: Int)] = []
        var others: [Int: Character] = [:]
        units.reserveCapacity(bytes.count)
        // An ASCII byte other than a carriage return, followed by another ASCII one (or the end), is a `Character`
        // of its own: found without grapheme breaking, the slowest part of loading the templates. Anything else
        // (`\r\n`, a letter and its combining accent) is read as a character, from where it starts.
        bytes.withUnsafeBufferPointer { bytes in
            var offset = 0
            var extraBytes = 0
            while offset < bytes.count {
                // The run of ASCII bytes but carriage returns from here, appended in one copy, less its last byte
                // when a byte of a longer character follows it (a combining accent may join it).
                var end = offset
                while end < bytes.count, bytes[end] < 0x80, bytes[end] != UInt8(ascii: "\r") { end += 1 }
                if end < bytes.count, bytes[end] >= 0x80, end > offset { end -= 1 }
                units.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[offset..<end]))
                offset = end
                if offset == bytes.count { break }
                let character = text[text.utf8.index(text.utf8.startIndex, offsetBy: offset)]
                let scalars = character.unicodeScalars
                if scalars.count == 1, let scalar = scalars.first, scalar.isASCII {
                    units.append(UInt8(scalar.value))
                } else {
                    units.append(Self.nonASCII)
                    others[units.count - 1] = character
                }
                let length = character.utf8.count
                if length > 1 {
                    extraBytes += length - 1
                    wideCharacters.append((units.count - 1, extraBytes))
                }
                offset += length
            }
        }
        self.bytes = bytes
        self.units = units
        self.wideCharacters = wideCharacters
        self.others = others
    }

    /// Where the character at a position (or the end, at `units.count`) starts in `bytes`.
    private func byteOffset(of position: Int) -> Int {
        // The last character of several bytes before the position.
        var low = 0
        var high = wideCharacters.count
        while low < high {
            let middle = (low + high) / 2
            if wideCharacters[middle].position < position { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? position : position + wideCharacters[low - 1].extraBytes
    }

    /// The character at a position before the end.
    private func character(at position: Int) -> Character {
        let unit = units[position]
        return unit == Self.nonASCII ? others[position]! : Character(Unicode.Scalar(unit))
    }

    private var atEnd: Bool { position == units.count }

    /// The character at the position; `"\0"` at the end, as swift-mustache's `Parser.current()`.
    private var current: Character { atEnd ? "\0" : character(at: position) }

    /// No characters: the white space before a tag once it is used.
    private static let none = 0..<0

    /// `MustacheTemplate.parse(_:state:)`, for the tokens this parser covers. Text is kept as ranges of positions
    /// until a node needs it, so that a line of text is one copy of its bytes.
    private mutating func parse(_ initial: State) throws(Unsupported) -> [Node] {
        var nodes: [Node] = []
        var state = initial
        // The blanks that start the line, up to the first text or tag.
        var whiteSpaceBefore = Self.none
        while !atEnd {
            if state.newLine {
                let start = position
                while !atEnd, Self.isBlank(units[position]) { position += 1 }
                whiteSpaceBefore = start..<position
            }
            let text = try readUntilDelimiterOrNewline()
            if current.isNewline {
                nodes.append(.text(string(whiteSpaceBefore, text, position..<position + 1)))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(string(whiteSpaceBefore, text)))
                whiteSpaceBefore = Self.none
                state.newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            switch current {
            case "#", "^":
                let isInverted = current == "^"
                position += 1
                let (name, transforms) = try parseName()
                if isStandalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(string(whiteSpaceBefore)))
                    whiteSpaceBefore = Self.none
                }
                let children = try parse(
                    State(sectionName: name, sectionTransforms: transforms, newLine: setNewLine))
                let tagName = CompiledTemplates.Name(name, transforms: transforms)
                nodes.append(isInverted ? .invertedSection(tagName, children) : .section(tagName, children))
            case "/":
                position += 1
                let (name, transforms) = try parseName()
                guard name == state.sectionName, transforms == state.sectionTransforms else { throw Unsupported() }
                if !isStandalone(state), !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(string(whiteSpaceBefore)))
                }
                return nodes
            case "!":
                position += 1
                try skipComment()
                setNewLine = isStandalone(state)
            case "{", "&":
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(string(whiteSpaceBefore)))
                    whiteSpaceBefore = Self.none
                }
                let isTriple = current == "{"
                position += 1
                let (name, transforms) = try parseName()
                if isTriple {
                    guard !atEnd, current == "}" else { throw Unsupported() }
                    position += 1
                }
                nodes.append(.variable(CompiledTemplates.Name(name, transforms: transforms), isEscaped: false))
            case ">":
                position += 1
                skipWhitespace()
                // A dynamic partial (`{{>*name}}`) is not covered.
                guard current != "*" else { throw Unsupported() }
                let name = try parsePartialName()
                let indentation = string(whiteSpaceBefore)
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(indentation)) }
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: indentation))
                } else {
                    nodes.append(.partial(name, indentation: nil))
                }
                whiteSpaceBefore = Self.none
            case "%":
                position += 1
                nodes.append(.contentType(try readContentType()))
                setNewLine = isStandalone(state)
            case "<", "$", "=":
                throw Unsupported()
            default:
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(string(whiteSpaceBefore)))
                    whiteSpaceBefore = Self.none
                }
                let (name, transforms) = try parseName()
                nodes.append(.variable(CompiledTemplates.Name(name, transforms: transforms), isEscaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Unsupported() }
        return nodes
    }

    /// The characters of a range of positions, copied from the template's bytes.
    private func string(_ range: Range<Int>) -> String {
        if range.isEmpty { return "" }
        let start = byteOffset(of: range.lowerBound)
        let end = byteOffset(of: range.upperBound)
        return bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self)
        }
    }

    /// The characters of two ranges, one after the other: one copy when they are adjacent (a line's text after the
    /// blanks that start it).
    private func string(_ first: Range<Int>, _ second: Range<Int>) -> String {
        if let both = Self.adjoining(first, second) { return string(both) }
        return string(first) + string(second)
    }

    /// The characters of three ranges, one after the other.
    private func string(_ first: Range<Int>, _ second: Range<Int>, _ third: Range<Int>) -> String {
        if let both = Self.adjoining(first, second) { return string(both, third) }
        return string(first) + string(second, third)
    }

    /// Two ranges as one, when one of them is empty or the second starts where the first ends.
    private static func adjoining(_ first: Range<Int>, _ second: Range<Int>) -> Range<Int>? {
        if first.isEmpty { return second }
        if second.isEmpty { return first }
        return first.upperBound == second.lowerBound ? first.lowerBound..<second.upperBound : nil
    }

    /// The positions from the position while their units satisfy the predicate (which is `false` for `nonASCII`).
    private mutating func read(while predicate: (UInt8) -> Bool) -> Range<Int> {
        let start = position
        while !atEnd, predicate(units[position]) { position += 1 }
        return start..<position
    }

    /// Moves past the white space at the position (`read(while: \.isWhitespace)`).
    private mutating func skipWhitespace() {
        while !atEnd {
            let unit = units[position]
            let isWhitespace =
                unit == Self.nonASCII
                ? others[position]!.isWhitespace
                : unit == UInt8(ascii: " ") || (unit >= 0x09 && unit <= 0x0D)
            guard isWhitespace else { break }
            position += 1
        }
    }

    private static func isBlank(_ unit: UInt8) -> Bool { unit == UInt8(ascii: " ") || unit == UInt8(ascii: "\t") }

    /// `Parser.read(string: "{{")` and `"}}"`: `false` (position unchanged) when the text differs; fewer
    /// characters left than the delimiter has is swift-mustache's overflow error.
    private mutating func readDelimiter(_ first: UInt8, _ second: UInt8) throws(Unsupported) -> Bool {
        guard position + 2 <= units.count else { throw Unsupported() }
        guard units[position] == first, units[position + 1] == second else { return false }
        position += 2
        return true
    }

    /// `MustacheTemplate.readUntilDelimiterOrNewline`: the positions of the text up to `{{` (consumed) or a line
    /// feed (not consumed). The text is one run of the template: a brace that opens no tag is part of it.
    private mutating func readUntilDelimiterOrNewline() throws(Unsupported) -> Range<Int> {
        let start = position
        while !atEnd {
            // Up to a line feed, a CRLF or a brace; a unit of `nonASCII` is another character but for a CRLF.
            let unit = units[position]
            if unit == UInt8(ascii: "\n") { break }
            if unit == Self.nonASCII, others[position]! == "\r\n" { break }
            if unit == UInt8(ascii: "{") {
                if try readDelimiter(UInt8(ascii: "{"), UInt8(ascii: "{")) { return start..<position - 2 }
            }
            position += 1
        }
        return start..<position
    }

    /// `MustacheTemplate.parseName`: the name and its transforms (`first(last(x))`: `x`, `[first, last]`).
    private mutating func parseName() throws(Unsupported) -> (String, [String]) {
        skipWhitespace()
        let text = read(while: Self.isSectionNameCharacter)
        skipWhitespace()
        guard try readDelimiter(UInt8(ascii: "}"), UInt8(ascii: "}")) else { throw Unsupported() }
        // The name's characters are ASCII, each one unit.
        var index = text.lowerBound
        func readName(while predicate: (UInt8) -> Bool) -> Range<Int> {
            let start = index
            while index < text.upperBound, predicate(units[index]) { index += 1 }
            return start..<index
        }
        let first = readName(while: Self.isSectionNameCharacterWithoutBrackets)
        if index == text.upperBound { return (string(text), []) }
        guard units[index] == UInt8(ascii: "(") else { throw Unsupported() }
        index += 1
        var transforms = [string(first)]
        while true {
            let inner = readName(while: Self.isSectionNameCharacterWithoutBrackets)
            guard index < text.upperBound else { throw Unsupported() }
            switch units[index] {
            case UInt8(ascii: ")"):
                index += 1
                let closing = readName(while: { $0 == UInt8(ascii: ")") }).count
                guard closing + 1 == transforms.count, index == text.upperBound else { throw Unsupported() }
                return (string(inner), transforms)
            case UInt8(ascii: "("):
                index += 1
                transforms.append(string(inner))
            default:
                throw Unsupported()
            }
        }
    }

    /// `MustacheTemplate.parsePartialName`.
    private mutating func parsePartialName() throws(Unsupported) -> String {
        skipWhitespace()
        let text = read(while: Self.isPartialNameCharacter)
        skipWhitespace()
        guard try readDelimiter(UInt8(ascii: "}"), UInt8(ascii: "}")) else { throw Unsupported() }
        return string(text)
    }

    /// `MustacheTemplate.parseComment`: past the first `}}`.
    private mutating func skipComment() throws(Unsupported) {
        while position + 1 < units.count {
            if units[position] == UInt8(ascii: "}"), units[position + 1] == UInt8(ascii: "}") {
                position += 2
                return
            }
            position += 1
        }
        throw Unsupported()
    }

    /// `MustacheTemplate.readConfigVariable` for `CONTENT_TYPE`, the only one swift-mustache knows; the content
    /// type is swift-mustache's own, from a one-tag template.
    private mutating func readContentType() throws(Unsupported) -> any MustacheContentType {
        skipWhitespace()
        let variable = string(read(while: Self.isSectionNameCharacterWithoutBrackets))
        skipWhitespace()
        guard !atEnd, current == ":" else { throw Unsupported() }
        position += 1
        skipWhitespace()
        let value = string(read(while: Self.isSectionNameCharacterWithoutBrackets))
        skipWhitespace()
        guard try readDelimiter(UInt8(ascii: "}"), UInt8(ascii: "}")), variable == "CONTENT_TYPE", !value.isEmpty else {
            throw Unsupported()
        }
        if let known = contentTypes[value] { return known }
        guard let template = try? MustacheTemplate(string: "{{% CONTENT_TYPE: \(value) }}"),
            let nodes = CompiledTemplates.nodes(of: template), nodes.count == 1,
            case .contentType(let contentType) = nodes[0]
        else { throw Unsupported() }
        contentTypes[value] = contentType
        return contentType
    }

    /// `MustacheTemplate.hasLineFinished` after a tag on a line that started with only whitespace: the rest of
    /// the line is spaces and tabs, or the text ends; the line break is consumed.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var end = position
        while end < units.count, Self.isBlank(units[end]) { end += 1 }
        guard end < units.count, character(at: end).isNewline else { return false }
        position = end + 1
        return true
    }

    /// The characters of a section name but brackets, of any name, and of a partial's name (all ASCII: a unit of
    /// `nonASCII` is none of them).
    private static let sectionNameCharactersWithoutBrackets = table(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let sectionNameCharacters = table(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = table(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    /// Whether each ASCII byte is one of the characters.
    private static func table(_ characters: String) -> [Bool] {
        var table = Array(repeating: false, count: 128)
        for byte in characters.utf8 { table[Int(byte)] = true }
        return table
    }

    private static func isSectionNameCharacterWithoutBrackets(_ unit: UInt8) -> Bool {
        unit < 0x80 && sectionNameCharactersWithoutBrackets[Int(unit)]
    }

    private static func isSectionNameCharacter(_ unit: UInt8) -> Bool {
        unit < 0x80 && sectionNameCharacters[Int(unit)]
    }

    private static func isPartialNameCharacter(_ unit: UInt8) -> Bool {
        unit < 0x80 && partialNameCharacters[Int(unit)]
    }
}
