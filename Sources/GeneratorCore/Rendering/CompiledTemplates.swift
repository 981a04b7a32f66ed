import Mustache

/// A library of templates compiled once into trees the renderer walks with typed context values
/// (`TemplateValue`), producing exactly the text swift-mustache produces for them, several times faster.
///
/// The trees are swift-mustache's own parse of each template, read back through `Mirror`, so that the text,
/// whitespace and standalone-line rules stay swift-mustache's by construction. A library that uses what this
/// renderer does not cover (set-delimiter tags, template inheritance, dynamic partials) or a swift-mustache whose
/// parse has another shape does not compile (`init` returns `nil`), and the caller renders with swift-mustache.
struct CompiledTemplates: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        case variable(Name, isEscaped: Bool)
        case section(Name, [Node])
        case invertedSection(Name, [Node])
        /// `{{> name}}`; the indentation of a standalone tag, `nil` for an inline one.
        case partial(String, indentation: String?)
        /// `{{% CONTENT_TYPE: TEXT }}`: how the rest of the template escapes `{{name}}`.
        case contentType(any MustacheContentType)
    }

    /// A tag's name, split once as swift-mustache splits it at every lookup. A class, so that reading a node's
    /// name, at every render of it, retains one reference rather than each of its arrays.
    final class Name: Sendable {
        enum Kind: Sendable {
            /// `.`: the current object.
            case current
            /// `first()` and the other transforms without a name: the position in the enclosing sequence.
            case sequence
            /// `.a.b`: `a` of the current object only, then `b` of it.
            case top([String])
            /// `a.b`: `a` of the innermost object of the stack that has one, then `b` of it.
            case stack([String])
        }
        let kind: Kind
        /// The transforms, outermost first (`first(last(x))`: `first`, `last`).
        let transforms: [String]
        /// The number of each name of `top` and `stack` (`TemplateKeys.number(of:)`).
        let keys: [Int]

        init(_ name: String, transforms: [String]) {
            self.transforms = transforms
            let kind: Kind
            if name == "." {
                kind = .current
            } else if name.isEmpty, !transforms.isEmpty {
                kind = .sequence
            } else if name.first == "." {
                kind = .top(Self.components(of: name))
            } else {
                kind = .stack(Self.components(of: name))
            }
            self.kind = kind
            switch kind {
            case .top(let names), .stack(let names): keys = names.map(TemplateKeys.number(of:))
            case .current, .sequence: keys = []
            }
        }

        /// The parts of a dotted name, without empty ones (`name.split(separator: ".")`), split by bytes when the
        /// name is ASCII, as every name `TemplateParser` reads is.
        static func components(of name: String) -> [String] {
            var name = name
            return name.withUTF8 { bytes -> [String] in
                guard !bytes.contains(where: { $0 >= 0x80 }) else {
                    return String(decoding: bytes, as: UTF8.self).split(separator: ".").map(String.init)
                }
                var components: [String] = []
                var start = 0
                for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: ".") {
                    if index > start {
                        let component = UnsafeBufferPointer(rebasing: bytes[start..<index])
                        components.append(String(decoding: component, as: UTF8.self))
                    }
                    start = index + 1
                }
                return components
            }
        }
    }

    let templates: [String: [Node]]
    /// The same trees with each run of adjacent text nodes joined into one (`joiningText(_:)`), which render the
    /// same text in fewer steps where no partial's indentation applies (which goes in after each newline node).
    let joined: [String: [Node]]
    /// `templates` as the renderer walks them (`RenderList`), for the templates that may render under an
    /// indentation (`indentedTemplates(_:)`): only those need their text line by line.
    let renderTemplates: [String: RenderList]
    /// `joined` as the renderer walks it.
    let renderJoined: [String: RenderList]
    /// swift-mustache's HTML escaping, the content type every template and partial starts with.
    let html: any MustacheContentType
    /// `html` as the renderer's state holds it (`State.escaper`).
    let htmlEscaper: Escaper?

    /// Compiles every template; `nil` when one uses what the compiled renderer does not cover.
    init?(_ library: [String: MustacheTemplate]) {
        guard let html = Self.htmlContentType else { return nil }
        var templates: [String: [Node]] = [:]
        for (name, template) in library {
            guard let nodes = Self.nodes(of: template) else { return nil }
            templates[name] = nodes
        }
        self.templates = templates
        self.joined = templates.mapValues(Self.joiningText)
        self.renderTemplates = Self.renderLists(of: Self.indentedTemplates(templates), in: templates)
        self.renderJoined = self.joined.mapValues(RenderList.init)
        self.html = html
        htmlEscaper = Escaper(html)
    }

    /// A library of trees already made (`TemplateParser`); `nil` only if swift-mustache's HTML content type
    /// cannot be read.
    init?(nodes templates: [String: [Node]]) {
        guard let html = Self.htmlContentType else { return nil }
        self.templates = templates
        self.joined = templates.mapValues(Self.joiningText)
        self.renderTemplates = Self.renderLists(of: Self.indentedTemplates(templates), in: templates)
        self.renderJoined = self.joined.mapValues(RenderList.init)
        self.html = html
        htmlEscaper = Escaper(html)
    }

    /// A node as the renderer walks it, in a class: a list of them is walked through unretained references
    /// (`RenderList.references`), where walking an array of `Node` retained and released each node's box (an
    /// indirect enum's) at every render of it, an eighth of rendering.
    ///
    /// What most renders read is also held without a reference count, so that reading it retains nothing: the
    /// UTF-8 bytes of a text node, and the name of a variable or a section. A node's text or name, read out of
    /// `node`, was retained and released at every render of it, by both rendering threads at once.
    final class RenderNode: @unchecked Sendable {
        let node: Node
        /// A section's nodes; empty for any other node.
        let children: RenderList
        /// A text node's UTF-8 bytes, owned by the node; `nil` for any other node.
        let text: UnsafeBufferPointer<UInt8>?
        /// A variable's or a section's name, kept alive by `node`; `nil` for any other node.
        let name: Unmanaged<Name>?
        /// A content type node's escaping (`Escaper`); `nil` for any other node and for one that escapes nothing.
        let escaper: Escaper?

        init(_ node: Node) {
            self.node = node
            if case .contentType(let contentType) = node { escaper = Escaper(contentType) } else { escaper = nil }
            switch node {
            case .section(_, let nodes), .invertedSection(_, let nodes): children = RenderList(nodes)
            case .text, .variable, .partial, .contentType: children = RenderList.empty
            }
            switch node {
            case .text(let string):
                let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: string.utf8.count)
                _ = bytes.initialize(from: string.utf8)
                text = UnsafeBufferPointer(bytes)
                name = nil
            case .variable(let name, _), .section(let name, _), .invertedSection(let name, _):
                text = nil
                self.name = Unmanaged.passUnretained(name)
            case .partial, .contentType:
                text = nil
                name = nil
            }
        }

        deinit { text?.deallocate() }
    }

    /// Nodes as the renderer walks them: the nodes, owned, and unretained references to them, in order.
    final class RenderList: @unchecked Sendable {
        let nodes: [RenderNode]
        let references: [Unmanaged<RenderNode>]
        /// Whether the nodes are only text and `{{.}}` (escaped or not, without transforms): looped over an array
        /// of strings, they write each string between the texts, with nothing to look up.
        let writesOnlyItsElement: Bool

        init(_ nodes: [Node]) {
            self.nodes = nodes.map(RenderNode.init)
            references = self.nodes.map { Unmanaged.passUnretained($0) }
            writesOnlyItsElement = nodes.allSatisfy { node in
                switch node {
                case .text: return true
                case .variable(let name, _):
                    guard case .current = name.kind else { return false }
                    return name.transforms.isEmpty
                case .section, .invertedSection, .partial, .contentType: return false
                }
            }
        }

        static let empty = RenderList([])
    }

    /// The nodes with each run of adjacent text nodes, in sections too, joined into one text node.
    static func joiningText(_ nodes: [Node]) -> [Node] {
        var result: [Node] = []
        result.reserveCapacity(nodes.count)
        // The text of the run being joined, appended to in place: a run of a template's lines is copied once, not
        // once for each line joined to it.
        var run: String?
        for node in nodes {
            if case .text(let text) = node {
                if run == nil { run = text } else { run?.append(text) }
                continue
            }
            if let text = run {
                result.append(.text(text))
                run = nil
            }
            switch node {
            case .section(let name, let children): result.append(.section(name, joiningText(children)))
            case .invertedSection(let name, let children): result.append(.invertedSection(name, joiningText(children)))
            case .text, .variable, .partial, .contentType: result.append(node)
            }
        }
        if let text = run { result.append(.text(text)) }
        return result
    }

    /// The names of the templates that may render under an indentation: those a partial tag with an indentation
    /// names, and every template a partial tag of one of those names, which inherits it. The renderer reads the
    /// others only joined (`renderJoined`).
    static func indentedTemplates(_ templates: [String: [Node]]) -> Set<String> {
        func partials(in nodes: [Node], indentedOnly: Bool, into names: inout [String]) {
            for node in nodes {
                switch node {
                case .partial(let name, let indentation):
                    if !indentedOnly || !(indentation ?? "").isEmpty { names.append(name) }
                case .section(_, let children), .invertedSection(_, let children):
                    partials(in: children, indentedOnly: indentedOnly, into: &names)
                case .text, .variable, .contentType:
                    continue
                }
            }
        }
        var pending: [String] = []
        for nodes in templates.values { partials(in: nodes, indentedOnly: true, into: &pending) }
        var indented: Set<String> = []
        while let name = pending.popLast() {
            guard indented.insert(name).inserted, let nodes = templates[name] else { continue }
            partials(in: nodes, indentedOnly: false, into: &pending)
        }
        return indented
    }

    /// The render lists of the named templates that the library has.
    static func renderLists(of names: Set<String>, in templates: [String: [Node]]) -> [String: RenderList] {
        var lists: [String: RenderList] = [:]
        for name in names {
            if let nodes = templates[name] { lists[name] = RenderList(nodes) }
        }
        return lists
    }

    /// swift-mustache's HTML content type, read once from its parse of a pragma; `nil` if it cannot be read.
    static let htmlContentType: (any MustacheContentType)? = {
        guard let pragma = try? MustacheTemplate(string: "{{% CONTENT_TYPE: HTML }}"),
            let nodes = nodes(of: pragma), nodes.count == 1, case .contentType(let html) = nodes[0]
        else { return nil }
        return html
    }()

    /// The tree of a template as swift-mustache parsed it; `nil` for a token this renderer does not cover.
    static func nodes(of template: MustacheTemplate) -> [Node]? {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value
        else { return nil }
        let list = Mirror(reflecting: tokens)
        guard list.displayStyle == .collection else { return nil }
        var nodes: [Node] = []
        for element in list.children {
            let token = Mirror(reflecting: element.value)
            guard token.displayStyle == .enum, let payload = token.children.first, let label = payload.label
            else { return nil }
            if label == "text" {
                guard let text = payload.value as? String else { return nil }
                nodes.append(.text(text))
                continue
            }
            let fields = Mirror(reflecting: payload.value).children.map(\.value)
            switch label {
            case "variable", "unescapedVariable":
                guard fields.count == 2, let name = fields[0] as? String, let transforms = fields[1] as? [String]
                else { return nil }
                nodes.append(.variable(Name(name, transforms: transforms), isEscaped: label == "variable"))
            case "section", "invertedSection":
                guard fields.count == 3, let name = fields[0] as? String, let transforms = fields[1] as? [String],
                    let section = fields[2] as? MustacheTemplate, let children = self.nodes(of: section)
                else { return nil }
                let name_ = Name(name, transforms: transforms)
                nodes.append(label == "section" ? .section(name_, children) : .invertedSection(name_, children))
            case "partial":
                guard fields.count == 3, let name = fields[0] as? String,
                    let indentation = fields[1] as? String?,
                    let inherits = fields[2] as? [String: MustacheTemplate]?, inherits == nil
                else { return nil }
                nodes.append(.partial(name, indentation: indentation))
            case "contentType":
                guard let contentType = payload.value as? any MustacheContentType else { return nil }
                nodes.append(.contentType(contentType))
            default:
                return nil
            }
        }
        return nodes
    }

    /// Renders a context with a template of the library, as `MustacheLibrary.render(_:withTemplate:)` does;
    /// `nil` when the library has no such template.
    func render(_ object: some CompiledTemplateContext, withTemplate name: String) -> String? {
        withUnsafePointer(to: object) { renderUTF8(at: $0, withTemplate: name) }.map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    /// `render(_:withTemplate:)`'s text as UTF-8 bytes, for the context value at the address, read there
    /// (`TemplateInPlace`, not copied into a box): the value must stay there, unchanged, until this returns.
    func renderUTF8<Value: CompiledTemplateContext>(at object: UnsafePointer<Value>, withTemplate name: String)
        -> [UInt8]?
    {
        guard let nodes = renderJoined[name] else { return nil }
        var renderer = Renderer(library: self, stack: [])
        // What `templateValue` makes of a context value (a `TemplateBox`), without copying it.
        renderer.push(.object(TemplateInPlace(object)))
        var output: [UInt8] = []
        renderer.render(nodes, State(sequence: nil, indentation: nil, escaper: htmlEscaper), into: &output)
        return output
    }

    /// Where a sequence section is: swift-mustache's `first()`, `last()`, `index()`, `even()` and `odd()`.
    struct SequencePosition {
        var isFirst: Bool
        var isLast: Bool
        var index: Int

        func transform(_ name: String) -> Any? {
            switch name {
            case "first": isFirst
            case "last": isLast
            case "index": index
            case "even": index & 1 == 0
            case "odd": index & 1 == 1
            default: nil
            }
        }
    }

    /// What a template renders in, besides the stack of objects. Copied at every section and list a template
    /// renders: it holds no existential (a content type), whose copy went through its type's value witnesses.
    struct State {
        var sequence: SequencePosition?
        var indentation: String?
        /// The content type's escaping; `nil` for one that escapes nothing (swift-mustache's `TEXT`, which the
        /// templates use). Unretained: the library (HTML) or the content type's node owns it, and both outlive the
        /// render.
        var escaper: Unmanaged<Escaper>?

        init(sequence: SequencePosition?, indentation: String?, escaper: Escaper?) {
            self.sequence = sequence
            self.indentation = indentation
            self.escaper = escaper.map { Unmanaged.passUnretained($0) }
        }

        /// A variable's text as this state writes it: escaped when the tag escapes and the content type changes text.
        @inline(__always)
        func text(_ text: String, isEscaped: Bool) -> String {
            guard isEscaped, let escaper else { return text }
            return escaper._withUnsafeGuaranteedRef { $0.contentType.escapeText(text) }
        }
    }

    /// A content type that may change the text it escapes, in a class: a `State` holds a reference to it.
    final class Escaper: @unchecked Sendable {
        let contentType: any MustacheContentType

        /// `nil` for a content type that escapes nothing (`escapes(_:)`).
        init?(_ contentType: any MustacheContentType) {
            guard CompiledTemplates.escapes(contentType) else { return nil }
            self.contentType = contentType
        }
    }

    /// swift-mustache's `TEXT` content type (`TextContentType`, internal to it), found by its mangled name.
    private static let plainTextType: Any.Type? = _typeByName("8Mustache15TextContentTypeV")

    /// Whether a content type's `escapeText` may change a text: every content type but swift-mustache's `TEXT`,
    /// whose `escapeText` returns its text as it is.
    static func escapes(_ contentType: any MustacheContentType) -> Bool {
        guard let plainTextType else { return true }
        return ObjectIdentifier(type(of: contentType)) != ObjectIdentifier(plainTextType)
    }

    struct Renderer {
        let library: CompiledTemplates
        private(set) var stack: [TemplateValue]
        /// The objects of `stack` (`nil` for its other values), at the same positions, unretained: `stack` keeps
        /// them alive. A lookup reads its key from each through an unretained reference, where copying the value
        /// out of `stack` retained and released the object at every step of the search.
        private(set) var objects: [Unmanaged<TemplateObject>?] = []

        init(library: CompiledTemplates, stack: [TemplateValue]) {
            self.library = library
            self.stack = []
            for value in stack { push(value) }
        }

        mutating func push(_ value: TemplateValue) {
            if case .object(let object) = value {
                objects.append(Unmanaged.passUnretained(object))
            } else {
                objects.append(nil)
            }
            stack.append(value)
        }

        mutating func pop() {
            objects.removeLast()
            stack.removeLast()
        }

        /// Renders nodes; with a partial's indentation, as swift-mustache does: before each node's non-empty
        /// text that follows a newline of this same render (the text this call has written so far ends with a
        /// line feed that is not part of a CRLF: its last `Character` is `"\n"`).
        mutating func render(_ list: RenderList, _ state: State, into output: inout [UInt8]) {
            var state = state
            if let indentation = state.indentation, !indentation.isEmpty {
                let start = output.count
                /// Whether the text written since `start` ends with a line feed of its own.
                func followsNewline() -> Bool {
                    let count = output.count
                    guard count > start, output[count - 1] == UInt8(ascii: "\n") else { return false }
                    return count - 1 == start || output[count - 2] != UInt8(ascii: "\r")
                }
                for reference in list.references {
                    reference._withUnsafeGuaranteedRef { node in
                        if case .text(let piece) = node.node {
                            if !piece.isEmpty, followsNewline() { Self.append(indentation, to: &output) }
                            Self.append(piece, to: &output)
                            return
                        }
                        let indents = followsNewline()
                        let mark = output.count
                        render(node, &state, into: &output)
                        // Known only now: whether the node wrote anything, before which the indentation goes.
                        if indents, output.count > mark { output.insert(contentsOf: indentation.utf8, at: mark) }
                    }
                }
            } else {
                for reference in list.references {
                    reference._withUnsafeGuaranteedRef { render($0, &state, into: &output) }
                }
            }
        }

        mutating func render(_ renderNode: RenderNode, _ state: inout State, into output: inout [UInt8]) {
            if let text = renderNode.text {
                output.append(contentsOf: text)
                return
            }
            let nodes = renderNode.children
            switch renderNode.node {
            case .text(let text):
                Self.append(text, to: &output)
            case .variable(_, let isEscaped):
                guard let value = renderNode.name!._withUnsafeGuaranteedRef({ lookUp($0, state) }) else { return }
                let text: String
                switch value {
                case .string(let string): text = string
                case .bool(let bool): text = bool ? "true" : "false"
                case .int(let int): text = String(int)
                case .list, .object, .opaque:
                    let any = value.any
                    if let renderable = any as? MustacheCustomRenderable {
                        text = renderable.renderText
                    } else if let optional = any as? any OptionalContextValue {
                        text = String(describing: optional.wrappedContextValue ?? any)
                    } else {
                        text = String(describing: any)
                    }
                }
                Self.append(state.text(text, isEscaped: isEscaped), to: &output)
            case .section:
                guard let value = renderNode.name!._withUnsafeGuaranteedRef({ lookUp($0, state) }) else { return }
                switch value {
                case .bool(let bool):
                    if bool { render(nodes, state, into: &output) }
                case .list(let list):
                    // Outside a partial's indentation, which goes in after each newline the nodes write.
                    if let strings = list.strings, nodes.writesOnlyItsElement, (state.indentation ?? "").isEmpty {
                        Self.renderStrings(strings, nodes, state, into: &output)
                    } else {
                        renderSequence(list.elements, nodes, state, into: &output)
                    }
                case .string, .object:
                    renderPushing(value, nodes, state, into: &output)
                case .int, .opaque:
                    let any = value.any
                    if let sequence = any as? any MustacheSequence {
                        renderSequence(
                            Self.elements(of: sequence).map(TemplateValue.fromAny), nodes, state, into: &output)
                    } else if let bool = any as? Bool {
                        if bool { render(nodes, state, into: &output) }
                    } else if let null = any as? MustacheCustomRenderable, null.isNull {
                        return
                    } else {
                        renderPushing(value, nodes, state, into: &output)
                    }
                }
            case .invertedSection:
                guard let value = renderNode.name!._withUnsafeGuaranteedRef({ lookUp($0, state) }) else {
                    render(nodes, state, into: &output)
                    return
                }
                switch value {
                case .bool(let bool):
                    if !bool { render(nodes, state, into: &output) }
                case .list(let list):
                    if list.isEmpty { renderPushing(value, nodes, state, into: &output) }
                case .string, .object:
                    return
                case .int, .opaque:
                    let any = value.any
                    if let sequence = any as? any MustacheSequence {
                        if Self.elements(of: sequence).isEmpty { renderPushing(value, nodes, state, into: &output) }
                    } else if let bool = any as? Bool {
                        if !bool { render(nodes, state, into: &output) }
                    } else if let null = any as? MustacheCustomRenderable, null.isNull {
                        render(nodes, state, into: &output)
                    }
                }
            case .partial(let name, let indentation):
                // swift-mustache renders a partial it does not have as nothing.
                var partialState = State(sequence: nil, indentation: state.indentation, escaper: library.htmlEscaper)
                if let indentation { partialState.indentation = (state.indentation ?? "") + indentation }
                // Joined text renders the same unless an indentation goes in after its newlines.
                let isIndented = !(partialState.indentation ?? "").isEmpty
                guard let nodes = isIndented ? library.renderTemplates[name] : library.renderJoined[name] else {
                    return
                }
                render(nodes, partialState, into: &output)
            case .contentType:
                state.escaper = renderNode.escaper.map { Unmanaged.passUnretained($0) }
            }
        }

        /// Appends a string's UTF-8 bytes in one copy: from its contiguous storage (every native string), where
        /// `append(contentsOf: text.utf8)` takes the generic path, a byte at a time.
        @inline(__always)
        static func append(_ text: String, to output: inout [UInt8]) {
            let copied: Void? = text.utf8.withContiguousStorageIfAvailable { output.append(contentsOf: $0) }
            if copied == nil { output.append(contentsOf: text.utf8) }
        }

        mutating func renderPushing(
            _ value: TemplateValue, _ nodes: RenderList, _ state: State, into output: inout [UInt8]
        ) {
            var inner = state
            inner.sequence = nil
            push(value)
            render(nodes, inner, into: &output)
            pop()
        }

        mutating func renderSequence(
            _ elements: [TemplateValue], _ nodes: RenderList, _ state: State, into output: inout [UInt8]
        ) {
            var inner = state
            for (index, element) in elements.enumerated() {
                inner.sequence = SequencePosition(
                    isFirst: index == 0, isLast: index == elements.count - 1, index: index)
                push(element)
                render(nodes, inner, into: &output)
                pop()
            }
        }

        /// `renderSequence(_:_:_:into:)` of an array of strings over nodes that only write text and each string
        /// (`RenderList.writesOnlyItsElement`): the same text, without pushing each string on the stack and
        /// looking it up again.
        static func renderStrings(
            _ strings: [String], _ nodes: RenderList, _ state: State, into output: inout [UInt8]
        ) {
            for index in strings.indices {
                for reference in nodes.references {
                    reference._withUnsafeGuaranteedRef { node in
                        if let text = node.text {
                            output.append(contentsOf: text)
                            return
                        }
                        switch node.node {
                        case .text(let text):
                            append(text, to: &output)
                        case .variable(_, let isEscaped):
                            append(state.text(strings[index], isEscaped: isEscaped), to: &output)
                        case .section, .invertedSection, .partial, .contentType:
                            break
                        }
                    }
                }
            }
        }

        static func elements<S: Sequence>(of sequence: S) -> [Any] { sequence.map { $0 as Any } }

        /// The value a tag names, found as swift-mustache's `getChild` finds it; `nil` when there is none.
        func lookUp(_ name: Name, _ state: State) -> TemplateValue? {
            var value: TemplateValue
            switch name.kind {
            case .current:
                value = stack[stack.count - 1]
            case .sequence:
                guard let sequence = state.sequence else { return nil }
                var result: Any = sequence
                for transform in name.transforms.reversed() {
                    let transformed: Any?
                    if let position = result as? SequencePosition {
                        transformed = position.transform(transform)
                    } else {
                        transformed = (result as? MustacheTransformable)?.transform(transform)
                    }
                    guard let transformed else { return nil }
                    result = transformed
                }
                return .fromAny(result)
            case .top(let names):
                guard let found = Self.descend(names, name.keys, from: stack[stack.count - 1], startingAt: 0)
                else { return nil }
                value = found
            case .stack(let names):
                guard !names.isEmpty else {
                    value = stack[stack.count - 1]
                    break
                }
                var found: TemplateValue?
                let key = name.keys[0]
                // Innermost first, as swift-mustache; by index, so that only a value that has the key is copied.
                var index = stack.count - 1
                while index >= 0 {
                    let child: TemplateValue?
                    if let object = objects[index] {
                        child = object._withUnsafeGuaranteedRef { $0.child(key: key) }
                    } else {
                        child = Self.child(named: names[0], key: key, of: stack[index])
                    }
                    if let child {
                        found = names.count == 1 ? child : Self.descend(names, name.keys, from: child, startingAt: 1)
                        break
                    }
                    index -= 1
                }
                guard let found else { return nil }
                value = found
            }
            if case .opaque(let opaque) = value, let custom = opaque.value as? MustacheCustomRepresentation {
                guard let representation = custom.representation else { return nil }
                value = .fromAny(representation)
            }
            for transform in name.transforms.reversed() {
                guard let transformable = value.any as? MustacheTransformable,
                    let transformed = transformable.transform(transform)
                else { return nil }
                value = .fromAny(transformed)
            }
            return value
        }

        /// The value that `names[start...]` name in turn from `value`.
        static func descend(_ names: [String], _ keys: [Int], from value: TemplateValue, startingAt start: Int)
            -> TemplateValue?
        {
            var value = value
            for index in start..<names.count {
                guard let child = child(named: names[index], key: keys[index], of: value) else { return nil }
                value = child
            }
            return value
        }

        /// A field of one object of the stack, as swift-mustache's `_getImmediateChild` reads it; `key` is the
        /// name's number.
        static func child(named name: String, key: Int, of value: TemplateValue) -> TemplateValue? {
            switch value {
            case .object(let object):
                return object.child(key: key)
            case .string, .bool, .int:
                // Their mirrors have no children (`CompiledTemplatesTests` checks it).
                return nil
            case .list, .opaque:
                let any = value.any
                let object: Any? =
                    if let custom = any as? MustacheCustomRepresentation { custom.representation } else { any }
                if let parent = object as? MustacheParent {
                    return parent.child(named: name).map(TemplateValue.fromAny)
                }
                guard let object,
                    let field = Mirror(reflecting: object).children.first(where: { $0.label == name })?.value
                else { return nil }
                // swift-mustache unwraps an optional field; an absent one is no value.
                let mirror = Mirror(reflecting: field)
                guard mirror.displayStyle == .optional else { return .fromAny(field) }
                return mirror.children.first.map { .fromAny($0.value) }
            }
        }
    }
}
