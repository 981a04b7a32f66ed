/// A JSONPath query (RFC 9535) over a YAML node tree, as Overlay actions use to name their targets.
///
/// Supported: the root `$`; child segments by name (`.name`, `['name']`, `["name"]`), wildcard (`.*`, `[*]`),
/// index (`[0]`, `[-1]`) and several selectors in one bracket (`['a','b']`); descendant segments (`..name`,
/// `..*`, `..[…]`); filters (`[?@.type == 'string']`) with `==`, `!=`, `<`, `<=`, `>`, `>=` between relative
/// (`@…`) or absolute (`$…`) singular queries and literals (strings, numbers, `true`, `false`, `null`),
/// existence tests (`[?@.enum]`), `!`, `&&`, `||` and parentheses. Not supported (reported as errors): slices and
/// function extensions such as `length()`.
struct JSONPath: Equatable {
    indirect enum Selector: Equatable {
        case name(String)
        case wildcard
        case index(Int)
        case filter(Filter)
    }

    struct Segment: Equatable {
        var isDescendant: Bool
        var selectors: [Selector]
    }

    indirect enum Filter: Equatable {
        case exists(Query)
        case comparison(Operand, Comparison, Operand)
        case not(Filter)
        case and(Filter, Filter)
        case or(Filter, Filter)
    }

    enum Comparison: String, Equatable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    /// A query inside a filter: relative to the current node (`@`) or to the root (`$`).
    struct Query: Equatable {
        var isRelative: Bool
        var segments: [Segment]
    }

    enum Operand: Equatable {
        case query(Query)
        case literal(Literal)
    }

    enum Literal: Equatable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
    }

    /// One step from a node to a child: a mapping key or a sequence index.
    enum Step: Hashable, Comparable {
        case key(String)
        case index(Int)

        static func < (lhs: Step, rhs: Step) -> Bool {
            switch (lhs, rhs) {
            case (.key(let l), .key(let r)): l < r
            case (.index(let l), .index(let r)): l < r
            case (.key, .index): true
            case (.index, .key): false
            }
        }
    }

    /// A problem in the query text, with the offset (in Unicode scalars, 0-based) where it was found.
    struct ParseError: Error, Equatable {
        var message: String
        var offset: Int
    }

    var segments: [Segment]

    /// Parses a query that starts with `$`.
    init(parsing text: String) throws(ParseError) {
        var parser = Parser(scalars: Array(text.unicodeScalars))
        self.segments = try parser.parseQuery(requireRoot: true).segments
        parser.skipSpace()
        if !parser.isAtEnd { throw parser.error("unexpected '\(parser.peek!)'") }
    }

    init(segments: [Segment]) { self.segments = segments }

    // MARK: - Evaluation

    /// The paths, from `root`, of every node the query selects, in document order (a node selected twice is
    /// listed twice, as RFC 9535 says).
    func select(in root: YAMLNode) -> [[Step]] {
        Self.evaluate(segments, from: [([], root)], root: root).map(\.0)
    }

    private static func evaluate(_ segments: [Segment], from start: [([Step], YAMLNode)], root: YAMLNode) -> [(
        [Step], YAMLNode
    )] {
        var current = start
        for segment in segments {
            var next: [([Step], YAMLNode)] = []
            for (path, node) in current {
                let inputs = segment.isDescendant ? descendants(of: node, at: path) : [(path, node)]
                for (inputPath, input) in inputs {
                    for selector in segment.selectors {
                        next += select(selector, in: input, at: inputPath, root: root)
                    }
                }
            }
            current = next
        }
        return current
    }

    /// The node and every node below it, parents before children, in document order.
    private static func descendants(of node: YAMLNode, at path: [Step]) -> [([Step], YAMLNode)] {
        var result: [([Step], YAMLNode)] = []
        var stack: [([Step], YAMLNode)] = [(path, node)]
        while let (path, node) = stack.popLast() {
            result.append((path, node))
            switch node.kind {
            case .mapping(let pairs):
                for pair in pairs.reversed() {
                    if let key = pair.key.scalar?.text { stack.append((path + [.key(key)], pair.value)) }
                }
            case .sequence(let items):
                for (index, item) in items.enumerated().reversed() { stack.append((path + [.index(index)], item)) }
            case .scalar:
                break
            }
        }
        return result
    }

    private static func children(of node: YAMLNode, at path: [Step]) -> [([Step], YAMLNode)] {
        switch node.kind {
        case .mapping(let pairs):
            pairs.compactMap { pair in pair.key.scalar.map { (path + [.key($0.text)], pair.value) } }
        case .sequence(let items):
            items.enumerated().map { (path + [.index($0.offset)], $0.element) }
        case .scalar:
            []
        }
    }

    private static func select(_ selector: Selector, in node: YAMLNode, at path: [Step], root: YAMLNode) -> [(
        [Step], YAMLNode
    )] {
        switch selector {
        case .name(let name):
            guard let value = node.pairs?.first(where: { $0.key.scalar?.text == name })?.value else { return [] }
            return [(path + [.key(name)], value)]
        case .wildcard:
            return children(of: node, at: path)
        case .index(let index):
            guard let items = node.items else { return [] }
            let resolved = index < 0 ? items.count + index : index
            guard resolved >= 0, resolved < items.count else { return [] }
            return [(path + [.index(resolved)], items[resolved])]
        case .filter(let filter):
            return children(of: node, at: path).filter { matches(filter, $0.1, root: root) }
        }
    }

    private static func matches(_ filter: Filter, _ node: YAMLNode, root: YAMLNode) -> Bool {
        switch filter {
        case .exists(let query): !nodes(of: query, at: node, root: root).isEmpty
        case .not(let inner): !matches(inner, node, root: root)
        case .and(let l, let r): matches(l, node, root: root) && matches(r, node, root: root)
        case .or(let l, let r): matches(l, node, root: root) || matches(r, node, root: root)
        case .comparison(let l, let comparison, let r):
            compare(value(of: l, at: node, root: root), comparison, value(of: r, at: node, root: root))
        }
    }

    private static func nodes(of query: Query, at node: YAMLNode, root: YAMLNode) -> [YAMLNode] {
        evaluate(query.segments, from: [([], query.isRelative ? node : root)], root: root).map(\.1)
    }

    /// A comparable value: a literal, or the one node a singular query selects (`nil` when it selects none,
    /// which RFC 9535 calls Nothing).
    private enum Value {
        case nothing
        case literal(Literal)
        case structured
    }

    private static func value(of operand: Operand, at node: YAMLNode, root: YAMLNode) -> Value {
        switch operand {
        case .literal(let literal): return .literal(literal)
        case .query(let query):
            let selected = nodes(of: query, at: node, root: root)
            guard selected.count == 1, let only = selected.first else { return .nothing }
            guard let scalar = only.scalar else { return .structured }
            switch scalar.value {
            case .null: return .literal(.null)
            case .bool(let bool): return .literal(.bool(bool))
            case .integer(let integer): return .literal(.number(Double(integer)))
            case .number(let number): return .literal(.number(number))
            case .string(let string): return .literal(.string(string))
            }
        }
    }

    private static func compare(_ l: Value, _ comparison: Comparison, _ r: Value) -> Bool {
        switch comparison {
        case .equal: return equal(l, r)
        case .notEqual: return !equal(l, r)
        case .less: return less(l, r)
        case .greater: return less(r, l)
        case .lessOrEqual: return less(l, r) || equal(l, r)
        case .greaterOrEqual: return less(r, l) || equal(l, r)
        }
    }

    private static func equal(_ l: Value, _ r: Value) -> Bool {
        switch (l, r) {
        case (.nothing, .nothing): true
        case (.literal(let a), .literal(let b)): a == b
        default: false
        }
    }

    private static func less(_ l: Value, _ r: Value) -> Bool {
        switch (l, r) {
        case (.literal(.number(let a)), .literal(.number(let b))): a < b
        case (.literal(.string(let a)), .literal(.string(let b))):
            Array(a.unicodeScalars.map(\.value)).lexicographicallyPrecedes(b.unicodeScalars.map(\.value))
        default: false
        }
    }
}

// MARK: - Parsing

extension JSONPath {
    fileprivate struct Parser {
        let scalars: [Unicode.Scalar]
        var position = 0
        /// Filters nest; a bound keeps hostile input from exhausting the stack.
        var depth = 0

        var isAtEnd: Bool { position >= scalars.count }
        var peek: Unicode.Scalar? { isAtEnd ? nil : scalars[position] }

        func error(_ message: String) -> ParseError { ParseError(message: message, offset: position) }

        mutating func skipSpace() {
            while let c = peek, c == " " || c == "\t" || c == "\n" || c == "\r" { position += 1 }
        }

        mutating func consume(_ text: String) -> Bool {
            let expected = Array(text.unicodeScalars)
            guard position + expected.count <= scalars.count,
                Array(scalars[position..<position + expected.count]) == expected
            else { return false }
            position += expected.count
            return true
        }

        mutating func parseQuery(requireRoot: Bool) throws(ParseError) -> Query {
            skipSpace()
            let isRelative: Bool
            if consume("$") {
                isRelative = false
            } else if !requireRoot, consume("@") {
                isRelative = true
            } else {
                throw error(requireRoot ? "a query starts with '$'" : "expected '@', '$' or a literal")
            }
            var segments: [Segment] = []
            while let c = peek {
                if c == "." {
                    if consume("..") {
                        if peek == "[" {
                            segments.append(Segment(isDescendant: true, selectors: try parseBracket()))
                        } else {
                            segments.append(Segment(isDescendant: true, selectors: [try parseShorthand()]))
                        }
                    } else {
                        position += 1
                        segments.append(Segment(isDescendant: false, selectors: [try parseShorthand()]))
                    }
                } else if c == "[" {
                    segments.append(Segment(isDescendant: false, selectors: try parseBracket()))
                } else {
                    break
                }
            }
            return Query(isRelative: isRelative, segments: segments)
        }

        /// `*` or a member name after `.` or `..`.
        mutating func parseShorthand() throws(ParseError) -> Selector {
            if consume("*") { return .wildcard }
            let start = position
            while let c = peek,
                c == "_" || c == "-" || c.properties.isAlphabetic || c.properties.numericType != nil
                    || c.value >= 0x80
            {
                position += 1
            }
            guard position > start else { throw error("expected a member name or '*'") }
            // RFC 9535 does not allow '-' in shorthand names, but OpenAPI documents are full of them
            // (`x-enum-varnames`), and the meaning is clear.
            return .name(String(String.UnicodeScalarView(scalars[start..<position])))
        }

        mutating func parseBracket() throws(ParseError) -> [Selector] {
            guard consume("[") else { throw error("expected '['") }
            var selectors: [Selector] = []
            repeat {
                skipSpace()
                selectors.append(try parseSelector())
                skipSpace()
            } while consume(",")
            guard consume("]") else { throw error("expected ']' or ','") }
            return selectors
        }

        mutating func parseSelector() throws(ParseError) -> Selector {
            guard let c = peek else { throw error("expected a selector") }
            switch c {
            case "'", "\"": return .name(try parseString())
            case "*":
                position += 1
                return .wildcard
            case "?":
                position += 1
                depth += 1
                defer { depth -= 1 }
                guard depth <= 64 else { throw error("filters are nested too deeply") }
                return .filter(try parseOr())
            case "-", "0"..."9":
                let index = try parseInteger()
                skipSpace()
                if peek == ":" { throw error("array slices are not supported; use indexes") }
                return .index(index)
            case ":": throw error("array slices are not supported; use indexes")
            default: throw error("unexpected '\(c)' in a selector")
            }
        }

        mutating func parseInteger() throws(ParseError) -> Int {
            let start = position
            _ = consume("-")
            while let c = peek, ("0"..."9").contains(c) { position += 1 }
            let text = String(String.UnicodeScalarView(scalars[start..<position]))
            guard let value = Int(text), text.count <= 17 else {
                position = start
                throw error("expected an integer")
            }
            return value
        }

        mutating func parseString() throws(ParseError) -> String {
            let quote = scalars[position]
            position += 1
            var result = String.UnicodeScalarView()
            while let c = peek {
                position += 1
                if c == quote { return String(result) }
                if c == "\\" {
                    guard let escaped = peek else { break }
                    position += 1
                    switch escaped {
                    case "b": result.append("\u{08}")
                    case "f": result.append("\u{0C}")
                    case "n": result.append("\n")
                    case "r": result.append("\r")
                    case "t": result.append("\t")
                    case "/", "\\", "'", "\"": result.append(escaped)
                    case "u":
                        guard position + 4 <= scalars.count,
                            let value = UInt32(
                                String(String.UnicodeScalarView(scalars[position..<position + 4])), radix: 16),
                            let scalar = Unicode.Scalar(value)
                        else { throw error("expected four hexadecimal digits of a character") }
                        position += 4
                        result.append(scalar)
                    default:
                        position -= 1
                        throw error("unknown escape '\\\(escaped)'")
                    }
                } else {
                    result.append(c)
                }
            }
            throw error("the string is not closed with \(quote)")
        }

        mutating func parseOr() throws(ParseError) -> Filter {
            var left = try parseAnd()
            skipSpace()
            while consume("||") {
                left = .or(left, try parseAnd())
                skipSpace()
            }
            return left
        }

        mutating func parseAnd() throws(ParseError) -> Filter {
            var left = try parseBasic()
            skipSpace()
            while consume("&&") {
                left = .and(left, try parseBasic())
                skipSpace()
            }
            return left
        }

        mutating func parseBasic() throws(ParseError) -> Filter {
            skipSpace()
            if consume("!") {
                skipSpace()
                if peek == "(" { return .not(try parseParenthesised()) }
                return .not(.exists(try parseQuery(requireRoot: false)))
            }
            if peek == "(" { return try parseParenthesised() }
            let left = try parseOperand()
            skipSpace()
            for comparison in [Comparison.equal, .notEqual, .lessOrEqual, .greaterOrEqual, .less, .greater]
            where consume(comparison.rawValue) {
                let right = try parseOperand()
                return .comparison(left, comparison, right)
            }
            guard case .query(let query) = left else { throw error("expected a comparison after a literal") }
            return .exists(query)
        }

        mutating func parseParenthesised() throws(ParseError) -> Filter {
            _ = consume("(")
            depth += 1
            defer { depth -= 1 }
            guard depth <= 64 else { throw error("filters are nested too deeply") }
            let inner = try parseOr()
            skipSpace()
            guard consume(")") else { throw error("expected ')'") }
            return inner
        }

        mutating func parseOperand() throws(ParseError) -> Operand {
            skipSpace()
            guard let c = peek else { throw error("expected a value") }
            switch c {
            case "'", "\"": return .literal(.string(try parseString()))
            case "@", "$":
                let query = try parseQuery(requireRoot: false)
                if peek == "(" { throw error("function extensions are not supported") }
                return .query(query)
            case "-", "0"..."9":
                let start = position
                while let d = peek, ("0"..."9").contains(d) || d == "-" || d == "+" || d == "." || d == "e" || d == "E"
                {
                    position += 1
                }
                guard let number = Double(String(String.UnicodeScalarView(scalars[start..<position]))) else {
                    position = start
                    throw error("expected a number")
                }
                return .literal(.number(number))
            default:
                if consume("true") { return .literal(.bool(true)) }
                if consume("false") { return .literal(.bool(false)) }
                if consume("null") { return .literal(.null) }
                throw error("expected '@', '$' or a literal")
            }
        }
    }
}
