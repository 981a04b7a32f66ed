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

    private let text: String
    /// The template's characters, and where each starts in `text` (then `text.endIndex`), so that a run of
    /// characters becomes a string by copying its bytes.
    private let characters: [Character]
    private let starts: [String.Index]
    private var position = 0
    /// The content types of `{{% CONTENT_TYPE: … }}` tags, by name, shared by the templates of a library.
    private var contentTypes: [String: any MustacheContentType]

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
        self.text = text
        self.contentTypes = contentTypes
        var characters: [Character] = []
        var starts: [String.Index] = []
        // An ASCII character other than a carriage return, followed by another ASCII one (or the end), is a
        // `Character` of its own: found without `index(after:)`'s grapheme breaking, the slowest part of loading
        // the templates. Anything else (`\r\n`, a letter and its combining accent) is left to `index(after:)`.
        let utf8 = text.utf8
        characters.reserveCapacity(utf8.count)
        starts.reserveCapacity(utf8.count + 1)
        var index = text.startIndex
        while index < text.endIndex {
            starts.append(index)
            let byte = utf8[index]
            let next = utf8.index(after: index)
            if byte < 0x80, byte != UInt8(ascii: "\r"), next == utf8.endIndex || utf8[next] < 0x80 {
                characters.append(Character(Unicode.Scalar(byte)))
                index = next
            } else {
                characters.append(text[index])
                index = text.index(after: index)
            }
        }
        starts.append(text.endIndex)
        self.characters = characters
        self.starts = starts
    }

    private var atEnd: Bool { position == characters.count }

    /// The character at the position; `"\0"` at the end, as swift-mustache's `Parser.current()`.
    private var current: Character { atEnd ? "\0" : characters[position] }

    /// `MustacheTemplate.parse(_:state:)`, for the tokens this parser covers.
    private mutating func parse(_ initial: State) throws(Unsupported) -> [Node] {
        var nodes: [Node] = []
        var state = initial
        var whiteSpaceBefore = ""
        while !atEnd {
            if state.newLine {
                whiteSpaceBefore = read(while: { $0 == " " || $0 == "\t" })
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
                _ = read(while: \.isWhitespace)
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

    private mutating func read(while predicate: (Character) -> Bool) -> String {
        let start = position
        while !atEnd, predicate(characters[position]) { position += 1 }
        return String(text[starts[start]..<starts[position]])
    }

    /// `Parser.read(string: "{{")` and `"}}"`: `false` (position unchanged) when the text differs; fewer
    /// characters left than the delimiter has is swift-mustache's overflow error.
    private mutating func readDelimiter(_ first: Character, _ second: Character) throws(Unsupported) -> Bool {
        guard position + 2 <= characters.count else { throw Unsupported() }
        guard characters[position] == first, characters[position + 1] == second else { return false }
        position += 2
        return true
    }

    /// `MustacheTemplate.readUntilDelimiterOrNewline`: the text up to `{{` (consumed) or a line feed (not
    /// consumed).
    private mutating func readUntilDelimiterOrNewline() throws(Unsupported) -> String {
        var text = ""
        while !atEnd {
            text += read(while: { $0 != "\n" && $0 != "\r\n" && $0 != "{" })
            if current.isNewline {
                break
            } else if current == "{" {
                if try readDelimiter("{", "{") { break }
                text += "{"
                position += 1
            }
        }
        return text
    }

    /// `MustacheTemplate.parseName`: the name and its transforms (`first(last(x))`: `x`, `[first, last]`).
    private mutating func parseName() throws(Unsupported) -> (String, [String]) {
        _ = read(while: \.isWhitespace)
        let text = read(while: Self.sectionNameCharacters.contains)
        _ = read(while: \.isWhitespace)
        guard try readDelimiter("}", "}") else { throw Unsupported() }
        let name = Array(text)
        var index = 0
        func readName(while predicate: (Character) -> Bool) -> String {
            let start = index
            while index < name.count, predicate(name[index]) { index += 1 }
            return String(name[start..<index])
        }
        let first = readName(while: Self.sectionNameCharactersWithoutBrackets.contains)
        if index == name.count { return (text, []) }
        guard name[index] == "(" else { throw Unsupported() }
        index += 1
        var transforms = [first]
        while true {
            let inner = readName(while: Self.sectionNameCharactersWithoutBrackets.contains)
            guard index < name.count else { throw Unsupported() }
            switch name[index] {
            case ")":
                index += 1
                let closing = readName(while: { $0 == ")" }).count
                guard closing + 1 == transforms.count, index == name.count else { throw Unsupported() }
                return (inner, transforms)
            case "(":
                index += 1
                transforms.append(inner)
            default:
                throw Unsupported()
            }
        }
    }

    /// `MustacheTemplate.parsePartialName`.
    private mutating func parsePartialName() throws(Unsupported) -> String {
        _ = read(while: \.isWhitespace)
        let text = read(while: Self.partialNameCharacters.contains)
        _ = read(while: \.isWhitespace)
        guard try readDelimiter("}", "}") else { throw Unsupported() }
        return text
    }

    /// `MustacheTemplate.parseComment`: past the first `}}`.
    private mutating func skipComment() throws(Unsupported) {
        while position + 1 < characters.count {
            if characters[position] == "}", characters[position + 1] == "}" {
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
        _ = read(while: \.isWhitespace)
        let variable = read(while: Self.sectionNameCharactersWithoutBrackets.contains)
        _ = read(while: \.isWhitespace)
        guard !atEnd, current == ":" else { throw Unsupported() }
        position += 1
        _ = read(while: \.isWhitespace)
        let value = read(while: Self.sectionNameCharactersWithoutBrackets.contains)
        _ = read(while: \.isWhitespace)
        guard try readDelimiter("}", "}"), variable == "CONTENT_TYPE", !value.isEmpty else { throw Unsupported() }
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
        while end < characters.count, characters[end] == " " || characters[end] == "\t" { end += 1 }
        guard end < characters.count, characters[end].isNewline else { return false }
        position = end + 1
        return true
    }

    private static let sectionNameCharactersWithoutBrackets = Set<Character>(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let sectionNameCharacters = Set<Character>(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = Set<Character>(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
}
