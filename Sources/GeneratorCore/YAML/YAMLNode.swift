/// One node of a parsed YAML (or JSON) document, with the mark of its first character.
///
/// Aliases are already replaced by the node their anchor names, so consumers never see them.
///
/// A node holds its kind in place (no box of its own: a large document has millions of nodes, and a box each made
/// the tree builder spend more time in `malloc` than libyaml spends parsing); collections hold their children in
/// one array each.
public struct YAMLNode: Sendable {
    public enum Kind: Sendable {
        case scalar(YAMLScalar)
        /// Key/value pairs in document order; keys are unique (duplicates are a parse error).
        case mapping([YAMLPair])
        case sequence([YAMLNode])
    }

    public var kind: Kind
    /// Where the node starts: line and column, both 1-based, column in Unicode scalars.
    public var mark: SourceMark

    public init(_ kind: Kind, mark: SourceMark) {
        self.kind = kind
        self.mark = mark
    }

    /// The scalar, when this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = kind { return scalar }
        return nil
    }

    /// The pairs, when this node is a mapping.
    public var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = kind { return pairs }
        return nil
    }

    /// The items, when this node is a sequence.
    public var items: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The value for a scalar key with exactly this text, in a mapping node.
    public subscript(key: String) -> YAMLNode? {
        // Matched in place, through the array's storage (iterating the array would copy each pair out, retaining and
        // releasing its strings and arrays): decoding asks this for every field of every object.
        guard case .mapping(let pairs) = kind else { return nil }
        return pairs.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                if case .scalar(let scalar) = buffer[index].key.kind, scalar.text == key { return buffer[index].value }
            }
            return nil
        }
    }

    /// The kind of node with its article, for messages: `a mapping`, `an integer`, `null`.
    public var kindDescription: String {
        switch kindName {
        case "null": "null"
        case "integer": "an integer"
        default: "a " + kindName
        }
    }

    /// A short name for the kind of node, for messages: `mapping`, `sequence`, `string`, `integer`…
    public var kindName: String {
        switch kind {
        case .mapping: "mapping"
        case .sequence: "sequence"
        case .scalar(let scalar): scalar.value.kindName
        }
    }
}

public struct YAMLPair: Sendable {
    public var key: YAMLNode
    public var value: YAMLNode
}

/// A scalar with its source text and its value under the YAML 1.2 core schema.
public struct YAMLScalar: Sendable, Hashable {
    /// The value the text stands for. Only plain (unquoted) scalars without a tag are resolved to anything
    /// other than a string: `true`/`false` are the only booleans, so `ON`, `no` and `y` stay strings.
    public enum Value: Sendable, Hashable {
        case null
        case bool(Bool)
        /// An integer that fits in 64 bits, exactly.
        case integer(Int64)
        /// A floating-point number, or an integer too large for 64 bits (its exact digits stay in `text`).
        case number(Double)
        case string(String)

        var kindName: String {
            switch self {
            case .null: "null"
            case .bool: "boolean"
            case .integer: "integer"
            case .number: "number"
            case .string: "string"
            }
        }
    }

    /// `Value` without the string: a string's value is the scalar's text, kept once (every copy of a scalar
    /// retains one string instead of two).
    enum Resolved: Sendable, Hashable {
        case null
        case bool(Bool)
        case integer(Int64)
        case number(Double)
        case string
    }

    /// The scalar's content after YAML unescaping and folding, before any type resolution.
    public var text: String
    var resolved: Resolved
    /// Whether the scalar was written without quotes (plain style).
    public var isPlain: Bool

    /// The value the text stands for (a string's value is the text itself).
    public var value: Value {
        switch resolved {
        case .null: .null
        case .bool(let bool): .bool(bool)
        case .integer(let integer): .integer(integer)
        case .number(let number): .number(number)
        case .string: .string(text)
        }
    }

    /// Whether the value is null (without making the value).
    public var isNull: Bool {
        if case .null = resolved { return true }
        return false
    }

    /// - Parameter value: a string value must be `text` itself (the value of a string scalar is its text).
    public init(text: String, value: Value, isPlain: Bool) {
        self.text = text
        self.isPlain = isPlain
        switch value {
        case .null: resolved = .null
        case .bool(let bool): resolved = .bool(bool)
        case .integer(let integer): resolved = .integer(integer)
        case .number(let number): resolved = .number(number)
        case .string: resolved = .string
        }
    }

    init(text: String, resolved: Resolved, isPlain: Bool) {
        self.text = text
        self.resolved = resolved
        self.isPlain = isPlain
    }
}

extension YAMLScalar {
    /// Resolves a scalar's text under the YAML 1.2 core schema.
    /// - Parameters:
    ///   - text: the scalar's content.
    ///   - tag: the explicit tag, if any (`tag:yaml.org,2002:str` and friends, or `!`).
    ///   - isPlain: whether the scalar was unquoted; quoted and block scalars are always strings.
    static func resolve(text: String, tag: String?, isPlain: Bool) -> Resolved {
        switch tag {
        case "tag:yaml.org,2002:str", "!": return .string
        case "tag:yaml.org,2002:null": return .null
        case "tag:yaml.org,2002:bool": return resolveBool(text).map(Resolved.bool) ?? .string
        case "tag:yaml.org,2002:int": return resolveNumber(text) ?? .string
        case "tag:yaml.org,2002:float": return resolveNumber(text) ?? .string
        case nil where isPlain: break
        default: return .string
        }
        // Only text that starts like a null, a Boolean or a number can be one; most plain scalars (keys, words) are
        // strings, known by their first byte.
        if let first = text.utf8.first, !mayBeNonString(first: first) { return .string }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        default: break
        }
        if let bool = resolveBool(text) { return .bool(bool) }
        return resolveNumber(text) ?? .string
    }

    /// Whether a plain scalar starting with this byte may be a null (`~`, `null`), a Boolean (`true`, `False`) or a
    /// number (`12`, `-1.5`, `.inf`, `+.5`, `0x1F`) under the core schema; the empty scalar is a null too.
    static func mayBeNonString(first byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
            UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
            UInt8(ascii: "f"), UInt8(ascii: "F"):
            true
        default: false
        }
    }

    private static func resolveBool(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    private static func resolveNumber(_ text: String) -> Resolved? {
        // Every integer, float, infinity and NaN below starts with a digit, a sign or a point.
        switch text.utf8.first {
        case (UInt8(ascii: "0")...UInt8(ascii: "9"))?, UInt8(ascii: "-")?, UInt8(ascii: "+")?, UInt8(ascii: ".")?: break
        default: return nil
        }
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first else { return nil }
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        // Integers: [-+]?[0-9]+, 0o[0-7]+, 0x[0-9a-fA-F]+
        if text.hasPrefix("0x"), scalars.count > 2 {
            return Int64(text.dropFirst(2), radix: 16).map(Resolved.integer)
        }
        if text.hasPrefix("0o"), scalars.count > 2 {
            return Int64(text.dropFirst(2), radix: 8).map(Resolved.integer)
        }
        let unsigned = (first == "-" || first == "+") ? scalars.dropFirst() : scalars[...]
        if !unsigned.isEmpty, unsigned.allSatisfy(isDigit) {
            let digits = first == "+" ? String(text.dropFirst()) : text
            if let integer = Int64(digits) { return .integer(integer) }
            return Double(digits).map(Resolved.number)
        }
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .number(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .number(-.infinity)
        case ".nan", ".NaN", ".NAN": return .number(.nan)
        default: break
        }
        // Floats: [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
        var index = unsigned.startIndex
        var mantissaDigits = 0
        while index < unsigned.endIndex, isDigit(unsigned[index]) {
            index += 1
            mantissaDigits += 1
        }
        if index < unsigned.endIndex, unsigned[index] == "." {
            index += 1
            while index < unsigned.endIndex, isDigit(unsigned[index]) {
                index += 1
                mantissaDigits += 1
            }
        }
        guard mantissaDigits > 0 else { return nil }
        if index < unsigned.endIndex, unsigned[index] == "e" || unsigned[index] == "E" {
            index += 1
            if index < unsigned.endIndex, unsigned[index] == "-" || unsigned[index] == "+" { index += 1 }
            let exponentStart = index
            while index < unsigned.endIndex, isDigit(unsigned[index]) { index += 1 }
            guard index > exponentStart else { return nil }
        }
        guard index == unsigned.endIndex else { return nil }
        return Double(text).map(Resolved.number)
    }
}
