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
    /// Where each character starts in `bytes`, then `bytes.count`, so that a run of characters becomes a string by
    /// copying its bytes.
    private let starts: [Int]
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
        var starts: [Int] = []
        var others: [Int: Character] = [:]
        // An ASCII byte other than a carriage return, followed by another ASCII one (or the end), is a `Character`
        // of its own: found without `index(after:)`'s grapheme breaking, the slowest part of loading the templates.
        // Anything else (`\r\n`, a letter and its combining accent) is left to `index(after:)`.
        units.reserveCapacity(bytes.count)
        starts.reserveCapacity(bytes.count + 1)
        var offset = 0
        var index = text.startIndex
        while offset < bytes.count {
            starts.append(offset)
            let byte = bytes[offset]
            if byte < 0x80, byte != UInt8(ascii: "\r"), offset + 1 == bytes.count || bytes[offset + 1] < 0x80 {
                units.append(byte)
                offset += 1
                index = text.utf8.index(after: index)
            } else {
                let character = text[index]
                let next = text.index(after: index)
                let scalars = character.unicodeScalars
                if scalars.count == 1, let scalar = scalars.first, scalar.isASCII {
                    units.append(UInt8(scalar.value))
                } else {
                    units.append(Self.nonASCII)
                    others[units.count - 1] = character
                }
                offset += text.utf8.distance(from: index, to: next)
                index = next
            }
        }
        starts.append(bytes.count)
        self.bytes = bytes
        self.units = units
        self.starts = starts
        self.others = others
    }

    /// The character at a position before the end.
    private func character(at position: Int) -> Character {
        let unit = units[position]
        return unit == Self.nonASCII ? others[position]! : Character(Unicode.Scalar(unit))
    }

    private var atEnd: Bool { position == units.count }

    /// The character at the position; `"\0"` at the end, as swift-mustache's `Parser.current()`.
    private var current: Character { atEnd ? "\0" : character(at: position) }

    /// `MustacheTemplate.parse(_:state:)`, for the tokens this parser covers.
    private mutating func parse(_ initial: State) throws(Unsupported) -> [Node] {
        var nodes: [Node] = []
        var state = initial
        var whiteSpaceBefore = ""
        while !atEnd {
            if state.newLine {
                whiteSpaceBefore = read(while: Self.isBlank)
            }
            let text = try readUntilDelimiterOrNewline()
            if current.isNewline {
                nodes.append(.text(whiteSpaceBefore + text + String(current)))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whiteSpaceBefore + text))
                whiteSpaceBefore = ""
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
                    nodes.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
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
                    nodes.append(.text(whiteSpaceBefore))
                }
                return nodes
            case "!":
                position += 1
                try skipComment()
                setNewLine = isStandalone(state)
            case "{", "&":
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
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
                _ = readWhitespace()
                // A dynamic partial (`{{>*name}}`) is not covered.
                guard current != "*" else { throw Unsupported() }
                let name = try parsePartialName()
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(whiteSpaceBefore)) }
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: whiteSpaceBefore))
                } else {
                    nodes.append(.partial(name, indentation: nil))
                }
                whiteSpaceBefore = ""
            case "%":
                position += 1
                nodes.append(.contentType(try readContentType()))
                setNewLine = isStandalone(state)
            case "<", "$", "=":
                throw Unsupported()
            default:
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }
                let (name, transforms) = try parseName()
                nodes.append(.variable(CompiledTemplates.Name(name, transforms: transforms), isEscaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Unsupported() }
        return nodes
    }

    /// The characters from the position while their units satisfy the predicate (which is `false` for
    /// `nonASCII`).
    private mutating func read(while predicate: (UInt8) -> Bool) -> String {
        let start = position
        while !atEnd, predicate(units[position]) { position += 1 }
        return string(from: start)
    }

    /// The characters from `start` to the position.
    private func string(from start: Int) -> String {
        bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[starts[start]..<starts[position]]), as: UTF8.self)
        }
    }

    /// `read(while: \.isWhitespace)`.
    private mutating func readWhitespace() -> String {
        let start = position
        while !atEnd {
            let unit = units[position]
            let isWhitespace =
                unit == Self.nonASCII
                ? others[position]!.isWhitespace
                : unit == UInt8(ascii: " ") || (unit >= 0x09 && unit <= 0x0D)
            guard isWhitespace else { break }
            position += 1
        }
        return string(from: start)
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

    /// `MustacheTemplate.readUntilDelimiterOrNewline`: the text up to `{{` (consumed) or a line feed (not
    /// consumed).
    private mutating func readUntilDelimiterOrNewline() throws(Unsupported) -> String {
        var text = ""
        while !atEnd {
            // Up to a line feed, a CRLF or a brace; a unit of `nonASCII` is another character but for a CRLF.
            let start = position
            while !atEnd {
                let unit = units[position]
                if unit == UInt8(ascii: "\n") || unit == UInt8(ascii: "{") { break }
                if unit == Self.nonASCII, others[position]! == "\r\n" { break }
                position += 1
            }
            text += string(from: start)
            if current.isNewline {
                break
            } else if current == "{" {
                if try readDelimiter(UInt8(ascii: "{"), UInt8(ascii: "{")) { break }
                text += "{"
                position += 1
            }
        }
        return text
    }

    /// `MustacheTemplate.parseName`: the name and its transforms (`first(last(x))`: `x`, `[first, last]`).
    private mutating func parseName() throws(Unsupported) -> (String, [String]) {
        _ = readWhitespace()
        let text = read(while: Self.isSectionNameCharacter)
        _ = readWhitespace()
        guard try readDelimiter(UInt8(ascii: "}"), UInt8(ascii: "}")) else { throw Unsupported() }
        // The name's characters are ASCII, each one byte.
        let name = Array(text.utf8)
        var index = 0
        func readName(while predicate: (UInt8) -> Bool) -> String {
            let start = index
            while index < name.count, predicate(name[index]) { index += 1 }
            return String(decoding: name[start..<index], as: UTF8.self)
        }
        let first = readName(while: Self.isSectionNameCharacterWithoutBrackets)
        if index == name.count { return (text, []) }
        guard name[index] == UInt8(ascii: "(") else { throw Unsupported() }
        index += 1
        var transforms = [first]
        while true {
            let inner = readName(while: Self.isSectionNameCharacterWithoutBrackets)
            guard index < name.count else { throw Unsupported() }
            switch name[index] {
            case UInt8(ascii: ")"):
                index += 1
                let closing = readName(while: { $0 == UInt8(ascii: ")") }).count
                guard closing + 1 == transforms.count, index == name.count else { throw Unsupported() }
                return (inner, transforms)
            case UInt8(ascii: "("):
                index += 1
                transforms.append(inner)
            default:
                throw Unsupported()
            }
        }
    }

    /// `MustacheTemplate.parsePartialName`.
    private mutating func parsePartialName() throws(Unsupported) -> String {
        _ = readWhitespace()
        let text = read(while: Self.isPartialNameCharacter)
        _ = readWhitespace()
        guard try readDelimiter(UInt8(ascii: "}"), UInt8(ascii: "}")) else { throw Unsupported() }
        return text
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
        _ = readWhitespace()
        let variable = read(while: Self.isSectionNameCharacterWithoutBrackets)
        _ = readWhitespace()
        guard !atEnd, current == ":" else { throw Unsupported() }
        position += 1
        _ = readWhitespace()
        let value = read(while: Self.isSectionNameCharacterWithoutBrackets)
        _ = readWhitespace()
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
