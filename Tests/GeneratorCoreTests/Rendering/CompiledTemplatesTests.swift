import Foundation
import Mustache
import Testing

@testable import GeneratorCore

/// The compiled renderer against hand-computed texts, each also rendered by swift-mustache, which it must match
/// byte for byte (whitespace quirks included).
@Suite struct CompiledTemplatesTests {
    struct Item: CompiledTemplateContext {
        var name: String
        var tags: [String] = []
        nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<Self>] = ["name": \.name, "tags": \.tags]
        nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
    }

    struct Root: CompiledTemplateContext {
        var title = "T"
        var subtitle = ""
        var html = "<a & 'b'>\""
        var flag = true
        var number = 42
        var items = [Item(name: "a"), Item(name: "b"), Item(name: "c")]
        var empty: [Item] = []
        var child: Item? = Item(name: "c", tags: ["x", "y&"])
        var missing: Item? = nil
        var tags = ["x", "y&"]
        var nested = [["a", "b"], ["c"]]
        var plain = ["k": "v"]
        nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<Self>] = [
            "title": \.title, "subtitle": \.subtitle, "html": \.html, "flag": \.flag, "number": \.number,
            "items": \.items, "empty": \.empty, "child": \.child, "missing": \.missing, "tags": \.tags,
            "nested": \.nested, "plain": \.plain,
        ]
        nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
    }

    /// The text of `main` rendered by the compiled renderer, after checking that swift-mustache renders the same.
    func render(_ templates: [String: String], _ root: Root = Root()) throws -> String? {
        let parsed = try templates.mapValues { try MustacheTemplate(string: $0) }
        let compiled = try #require(CompiledTemplates(parsed))
        let text = compiled.render(root, withTemplate: "main")
        #expect(text == MustacheLibrary(templates: parsed).render(root, withTemplate: "main"))
        return text
    }

    func render(_ main: String, _ root: Root = Root()) throws -> String? { try render(["main": main], root) }

    @Test func variablesEscapeUnlessTripleOrAmpersandOrText() throws {
        #expect(
            try render("a {{html}} {{{html}}} {{& html}}\n")
                == "a &lt;a &amp; &#39;b&#39;&gt;&quot; <a & 'b'>\" <a & 'b'>\"\n")
        #expect(try render("{{% CONTENT_TYPE: TEXT }}\n{{html}}\n") == "<a & 'b'>\"\n")
        #expect(try render("{{flag}} {{number}} [{{nope}}]") == "true 42 []")
        // Set-delimiter tags only change how swift-mustache parses; what they produce compiles as usual.
        #expect(try render("{{=<% %>=}}<%title%> {{title}}") == "T {{title}}")
    }

    /// Escaped variables skip `escapeText` for swift-mustache's `TEXT` content type only (`State.escaper`).
    @Test func onlySwiftMustachesTextContentTypeSkipsEscaping() throws {
        /// The content type a `CONTENT_TYPE` pragma sets, as the compiled renderer reads it from swift-mustache.
        func contentType(_ name: String) throws -> (any MustacheContentType)? {
            let template = try MustacheTemplate(string: "{{% CONTENT_TYPE: \(name) }}")
            guard let nodes = CompiledTemplates.nodes(of: template), nodes.count == 1,
                case .contentType(let contentType) = nodes[0]
            else { return nil }
            return contentType
        }
        let text = try #require(try contentType("TEXT"))
        let htmlType = try #require(try contentType("HTML"))
        struct Shouting: MustacheContentType {
            func escapeText(_ text: String) -> String { text.uppercased() }
        }
        #expect(!CompiledTemplates.escapes(text))
        #expect(CompiledTemplates.escapes(htmlType))
        #expect(CompiledTemplates.escapes(Shouting()))
        // What the renderer's state holds: no escaper for TEXT, one that escapes for any other content type.
        #expect(CompiledTemplates.Escaper(text) == nil)
        let html = try #require(CompiledTemplates.Escaper(htmlType))
        #expect(html.contentType.escapeText("a<b") == "a&lt;b")
        let state = CompiledTemplates.State(sequence: nil, indentation: nil, escaper: html)
        #expect(state.text("a<b", isEscaped: true) == "a&lt;b")
        #expect(state.text("a<b", isEscaped: false) == "a<b")
        let plain = CompiledTemplates.State(sequence: nil, indentation: nil, escaper: nil)
        #expect(plain.text("a<b", isEscaped: true) == "a<b")
        #expect(CompiledTemplates.Escaper(Shouting()).map { $0.contentType.escapeText("a") } == "A")
        // A partial starts over in HTML, and escapes again, whatever the template that includes it set.
        #expect(
            try render(["main": "{{% CONTENT_TYPE: TEXT }}\n{{html}}|{{>p}}", "p": "{{html}}"])
                == "<a & 'b'>\"|&lt;a &amp; &#39;b&#39;&gt;&quot;")
        // Back to HTML after TEXT within one template (the second pragma is not alone on its line: its newline stays).
        #expect(
            try render("{{% CONTENT_TYPE: TEXT }}\n{{html}}|{{% CONTENT_TYPE: HTML }}\n{{html}}")
                == "<a & 'b'>\"|\n&lt;a &amp; &#39;b&#39;&gt;&quot;")
    }

    @Test func sectionsIterateTestAndPush() throws {
        #expect(try render("{{#items}}{{name}}{{^last()}}, {{/last()}}{{/items}}") == "a, b, c")
        #expect(try render("{{#items}}{{#first()}}[{{/first()}}{{name}}{{/items}}") == "[abc")
        #expect(try render("{{#tags}}<{{.}}>{{/tags}}") == "<x><y&amp;>")
        #expect(try render("{{#nested}}({{#.}}{{.}}{{/.}}){{/nested}}") == "(ab)(c)")
        // A string, even empty, is a value: its section renders once with it on the stack.
        #expect(try render("{{#title}}[{{.}}]{{/title}}{{#subtitle}}x{{/subtitle}}") == "[T]x")
        #expect(try render("{{#flag}}on{{/flag}}{{^flag}}off{{/flag}}") == "on")
        #expect(try render("{{^empty}}none{{/empty}}{{#empty}}x{{/empty}}") == "none")
        #expect(
            try render("[{{missing.name}}][{{#missing}}no{{/missing}}][{{^missing}}none{{/missing}}]")
                == "[][][none]")
    }

    @Test func namesWalkTheStackAndDots() throws {
        #expect(
            try render("{{#child}}{{name}}/{{title}}/{{child.name}}{{/child}}|{{child.name}}|{{.title}}")
                == "c/T/c|c|T")
        // `.title` reads the current object only: an item has none.
        #expect(try render("{{#child}}[{{.title}}]{{/child}}") == "[]")
        // A dictionary is read through swift-mustache's generic means.
        #expect(try render("{{plain.k}}{{#plain}}{{k}}{{/plain}}") == "vv")
        #expect(try render("{{count(tags)}} {{#reversed(tags)}}{{.}}{{/reversed(tags)}}") == "2 y&amp;x")
    }

    @Test func standaloneTagsTakeTheirWholeLine() throws {
        let text = "begin\n  {{#flag}}\n  yes\n  {{/flag}}\n  {{! comment }}\nend\n"
        #expect(try render(text) == "begin\n  yes\nend\n")
        #expect(try render(text.replacingOccurrences(of: "{{#flag}}", with: "{{^flag}}")) == "begin\nend\n")
        // Not standalone: the whitespace and newline stay.
        #expect(try render("a {{#flag}}b{{/flag}} c\n") == "a b c\n")
    }

    @Test func partialsIndentAsSwiftMustacheDoes() throws {
        // The partial's indentation goes before each rendered token that follows a newline: a section's
        // whole output is one token, so only its first line is indented.
        let templates = [
            "main": "start\n  {{> part}}\nend\n",
            "part": "line1\n{{#items}}\n- {{name}}\n{{/items}}\nlast\n",
        ]
        #expect(try render(templates) == "start\n  line1\n  - a\n- b\n- c\n  last\nend\n")
        // A partial starts escaping for HTML again, whatever its caller's content type.
        let escaping = ["main": "{{% CONTENT_TYPE: TEXT }}\n{{html}}|{{> part}}", "part": "{{html}}"]
        #expect(try render(escaping) == "<a & 'b'>\"|&lt;a &amp; &#39;b&#39;&gt;&quot;")
        // A missing partial renders as nothing.
        #expect(try render("a{{> nothing}}b") == "ab")
        // Inside a partial, the sequence position of the caller's section is gone.
        #expect(
            try render(["main": "{{#items}}{{> part}}{{/items}}", "part": "{{name}}{{^last()}},{{/last()}}"])
                == "a,b,c,")
    }

    @Test func partialsInsideAnIndentedPartialInheritItsIndentation() throws {
        // `inner` is named only by tags without an indentation of their own (standalone at the start of a line,
        // and inline), inside `part`, which `main` indents: it renders under `part`'s indentation, and the
        // library keeps its lines for that. Named from `main` directly, it renders as it is.
        let templates = [
            "main": "{{> inner}}\n  {{> part}}\nend\n",
            "part": "p1\n{{> inner}}\n{{#flag}}x {{> inner}}{{/flag}}\n",
            "inner": "i1\ni2\n",
        ]
        // The standalone tags take their lines; inside the section, `inner`'s first line follows `x ` and the
        // newline after the section is a token of `part` of its own, indented.
        #expect(try render(templates) == "i1\ni2\n  p1\n  i1\n  i2\n  x i1\n  i2\n  \nend\n")
        let compiled = try #require(CompiledTemplates(templates.mapValues { try MustacheTemplate(string: $0) }))
        #expect(CompiledTemplates.indentedTemplates(compiled.templates) == ["part", "inner"])
    }

    @Test func partialsIndentAfterALineFeedNotAfterACarriageReturnLineFeed() throws {
        // Within the partial, the indentation goes before a token's non-empty text when the text before it ends
        // with the `Character` `\n`: not after `\r\n` (one `Character`) nor after `\r`, and not before the empty
        // `subtitle`, but before the `x` after it.
        let templates = [
            "main": "  {{> part}}\n",
            "part": "a\r\n{{title}}\n{{title}}b\r{{title}}\n{{subtitle}}x\n",
        ]
        #expect(try render(templates) == "  a\r\nT\n  Tb\rT\n  x\n")
    }

    /// A context is boxed once: a list read again is the same boxes, so a template's loops over it copy nothing.
    @Test func listsAreBoxedOnceAndReadInPlace() throws {
        guard case .object(let root)? = Root().templateValue else {
            Issue.record("a context is an object")
            return
        }
        let key = TemplateKeys.number(of: "items")
        guard case .list(let first)? = root.child(key: key), case .list(let second)? = root.child(key: key),
            case .object(let a)? = first.elements.first, case .object(let b)? = second.elements.first
        else {
            Issue.record("items is a list of objects")
            return
        }
        #expect(a === b)
        guard
            case .string(let name)? = first.elements.last.flatMap({ element -> TemplateValue? in
                guard case .object(let object) = element else { return nil }
                return object.child(key: TemplateKeys.number(of: "name"))
            })
        else {
            Issue.record("an item has a name")
            return
        }
        #expect(name == "c")
    }

    @Test func whatItDoesNotCoverIsLeftToSwiftMustache() throws {
        for text in ["{{<part}}{{$b}}x{{/b}}{{/part}}", "{{$b}}x{{/b}}", "{{>*title}}"] {
            #expect(CompiledTemplates(["main": try MustacheTemplate(string: text)]) == nil, "\(text)")
        }
    }

    /// The compiled renderer reads strings, Booleans and integers of the stack as having no fields, as
    /// swift-mustache's `Mirror` finds none.
    @Test func stringsBooleansAndIntegersHaveNoMirrorChildren() {
        #expect(Mirror(reflecting: "name").children.isEmpty)
        #expect(Mirror(reflecting: true).children.isEmpty)
        #expect(Mirror(reflecting: 7).children.isEmpty)
    }

    /// The built-in templates compile, and every job of CambAI and of the compile fixtures renders the same
    /// through both renderers.
    @Test func everyFixtureRendersTheSameThroughBothRenderers() async throws {
        let renderer = try await TemplateRenderer(directory: TestPaths.templates, displayPath: "Templates")
        let compiled = try #require(renderer.compiled)
        // The built-in templates are all parsed by TemplateParser; swift-mustache's own parse is the reference.
        #expect(renderer.library == nil)
        let library = try renderer.referenceLibrary()
        let folder = TestPaths.fixtures.appendingPathComponent("compile")
        let fixtures = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") && !$0.hasSuffix(".config.yaml") }.sorted()
        #expect(fixtures.count > 10)
        var jobCount = 0
        for url in [TestPaths.document] + fixtures.map({ folder.appendingPathComponent($0) }) {
            let diagnostics = DiagnosticCollector()
            let root = try #require(try YAMLParser(bytes: Array(Data(contentsOf: url))).parse())
            guard let document = DocumentDecoder(file: url.lastPathComponent, diagnostics: diagnostics).decode(root)
            else { continue }
            let module = ModuleResolver(
                configuration: GeneratorConfiguration(), file: url.lastPathComponent, diagnostics: diagnostics
            )
            .resolve(document)
            for job in Presenter(documentName: url.lastPathComponent).present(module) {
                let fast = compiled.render(job.context, withTemplate: job.templateName)
                let reference = library.render(job.context, withTemplate: job.templateName)
                #expect(fast != nil)
                #expect(fast == reference, "\(url.lastPathComponent): \(job.fileName)")
                jobCount += 1
            }
        }
        #expect(jobCount > 500)
    }

    /// Every context type reachable from CambAI's jobs reads through typed readers, each reader gives what
    /// `child(named:)` gives swift-mustache, and the type is one whose readers are made before the rendering
    /// (`Context.compiledTemplateTypes`).
    @Test func everyContextTypeReadsTheSameThroughItsReaders() throws {
        let jobs = try TemplateContextTests.seedJobs()
        let prepared = Set(Context.compiledTemplateTypes.map { ObjectIdentifier($0) })
        var checked = 0
        for value in jobs.map(\.context) {
            for reachable in TemplateContextTests().reachableValues(from: value) {
                guard let keyed = reachable as? any KeyPathContext else { continue }
                let typed = try #require(reachable as? any CompiledTemplateContext, "\(type(of: reachable))")
                #expect(prepared.contains(ObjectIdentifier(type(of: typed))), "\(type(of: reachable))")
                for key in Self.keys(of: keyed) {
                    let viaReader = typed.templateChild(named: key).map { String(describing: $0.any) }
                    let viaChild = keyed.child(named: key).map { String(describing: $0) }
                    #expect(viaReader == viaChild, "\(type(of: reachable)).\(key)")
                    checked += 1
                }
            }
        }
        #expect(checked > 1000)
    }

    /// `TemplateReaders`: strings and Booleans read at their offsets, any other field through a boxed closure that
    /// the readers own (`boxes`) and their kinds refer to unretained.
    @Test func readersKeepTheirClosuresInBoxesTheyOwn() throws {
        let readers = Item.templateReaders
        let name = try #require(readers[TemplateKeys.number(of: "name")])
        let tags = try #require(readers[TemplateKeys.number(of: "tags")])
        guard case .string = name else {
            Issue.record("a stored String is read at its offset")
            return
        }
        guard case .other(let box) = tags else {
            Issue.record("an array of strings is read through a closure")
            return
        }
        #expect(readers.boxes.count == 1)
        #expect(readers.boxes.first === box.takeUnretainedValue())
        let item = Item(name: "n", tags: ["x", "y"])
        withUnsafePointer(to: item) { pointer in
            #expect(name.read(UnsafeRawPointer(pointer)).map { String(describing: $0.any) } == "n")
            #expect(tags.read(UnsafeRawPointer(pointer)).map { String(describing: $0.any) } == "[\"x\", \"y\"]")
        }
        // A key number no field of the type has, past the end of the readers or not, has no reader.
        #expect(readers[TemplateKeys.number(of: "readersKeepTheirClosuresInBoxesTheyOwn")] == nil)
        let direct = TemplateReaders([nil, .kind(.bool(offset: 0)), .closure { _ in .int(7) }])
        #expect(direct.readers.count == 3 && direct.boxes.count == 1)
        #expect(direct[0] == nil && direct[5] == nil)
        var seven = 0
        withUnsafePointer(to: &seven) { pointer in
            if case .int(let value)? = direct[2]?.read(UnsafeRawPointer(pointer)) {
                #expect(value == 7)
            } else {
                Issue.record("the closure's value")
            }
        }
    }

    struct Optionals: CompiledTemplateContext {
        var once: String? = "a"
        var twice: String?? = .some("b")
        var twiceInnerNone: String?? = .some(nil)
        var twiceNone: String?? = nil
        nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<Self>] = [
            "once": \.once, "twice": \.twice, "twiceInnerNone": \.twiceInnerNone, "twiceNone": \.twiceNone,
        ]
        nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
    }

    /// A reader unwraps one level of `Optional`, as `KeyPathContext.child(named:)` does for swift-mustache: an
    /// optional string is a string, an optional optional string that is present is the inner optional as it is.
    @Test func readersUnwrapOneLevelOfOptional() {
        let value = Optionals()
        guard case .string("a")? = value.templateChild(named: "once") else {
            Issue.record("a present String? reads as its string")
            return
        }
        guard case .opaque(let twice)? = value.templateChild(named: "twice"),
            case .opaque(let innerNone)? = value.templateChild(named: "twiceInnerNone")
        else {
            Issue.record("a present String?? reads as the String? it holds, as any other value")
            return
        }
        #expect((twice.value as? String?) == .some("b"))
        #expect((innerNone.value as? String?) == .some(nil))
        #expect(value.templateChild(named: "twiceNone") == nil)
        for key in Optionals.templateKeys.keys {
            #expect(
                value.templateChild(named: key).map { String(describing: $0.any) }
                    == value.child(named: key).map { String(describing: $0) }, "\(key)")
        }
        #expect(!String.isOptional && !Optionals.isOptional && String?.isOptional && String??.isOptional)
    }

    static func keys<Value: KeyPathContext>(of value: Value) -> [String] { Array(Value.templateKeys.keys) }
}
