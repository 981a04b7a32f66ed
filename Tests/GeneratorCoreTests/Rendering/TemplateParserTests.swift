import Foundation
import Mustache
import Testing

@testable import GeneratorCore

/// `TemplateParser` makes the same tree as swift-mustache's parser read back by `CompiledTemplates.nodes(of:)`,
/// for every built-in template and for whitespace and syntax corner cases, and leaves to swift-mustache what it
/// does not cover.
struct TemplateParserTests {
    /// A tree as text, to compare trees (a content type is named by its type).
    static func describe(_ nodes: [CompiledTemplates.Node]) -> String {
        nodes.map { node in
            switch node {
            case .text(let text): "text(\(text.debugDescription))"
            case .variable(let name, let isEscaped): "variable(\(describe(name)), escaped: \(isEscaped))"
            case .section(let name, let children): "section(\(describe(name)), [\(describe(children))])"
            case .invertedSection(let name, let children): "inverted(\(describe(name)), [\(describe(children))])"
            case .partial(let name, let indentation): "partial(\(name), \(indentation.debugDescription))"
            case .contentType(let contentType): "contentType(\(type(of: contentType)))"
            }
        }
        .joined(separator: ", ")
    }

    static func describe(_ name: CompiledTemplates.Name) -> String {
        "\(name.kind) \(name.transforms) \(name.keys)"
    }

    /// swift-mustache's tree of a text, or `nil` when it rejects the text or the tree is not covered.
    static func reference(_ text: String) -> String? {
        guard let template = try? MustacheTemplate(string: text), let nodes = CompiledTemplates.nodes(of: template)
        else { return nil }
        return describe(nodes)
    }

    @Test func everyBuiltInTemplateParsesToSwiftMustachesTree() throws {
        let files = try TemplateRenderer.templateFiles(in: TestPaths.templates, displayPath: "Templates")
        #expect(files.count == TestPaths.templateFileCount)
        for (name, file) in files.sorted(by: { $0.key < $1.key }) {
            let text = String(decoding: try Data(contentsOf: file.url), as: UTF8.self)
            let nodes = try #require(TemplateParser.nodes(of: text), "\(name)")
            #expect(Self.describe(nodes) == Self.reference(text), "\(name)")
        }
    }

    @Test func cornerCasesParseAsSwiftMustacheParsesThem() {
        let texts = [
            // Standalone tags take their line, with CRLF, tabs, at the end of the text and inside sections.
            "a\n  {{#s}}\r\n\t{{x}} \n  {{/s}}  \nb", "{{#s}}\n{{/s}}", "  {{! c }}  \r\n{{^s}}{{/s}}\n",
            " {{#s}} x {{/s}} ", "{{#s}}\n  {{#t}}\n  {{/t}}\n{{/s}}\n",
            // Partials: standalone (indented) and inline; content types.
            "  {{> part}}\n{{> part}} x\n", "{{% CONTENT_TYPE: TEXT }}\n{{x}}{{%CONTENT_TYPE:HTML}}",
            // Variables: triple, ampersand, dots, transforms, spaces, empty.
            "{{{ a.b }}}{{& c}}{{ .d }}{{.}}{{first()}}{{count(reversed(items))}}{{}}",
            // Lone braces, a tag at the very end, a CR alone, multibyte text.
            "a { b }} c {{x}}", "é {{x}} ü\r{{y}}\u{2028}z", "x{{",
            // An ASCII character joined to a combining mark after it is one character: a brace so joined is no
            // delimiter.
            "e\u{301} {{x}}\ne\u{301}{{y}}\n", "a {\u{301}{x}} b {{z}}",
            "\u{1F600}{{x}}\r\n{{#s}}\n\u{1F600}\n{{/s}}\n",
        ]
        for text in texts {
            let nodes = TemplateParser.nodes(of: text)
            #expect(nodes != nil, "\(text.debugDescription)")
            #expect(nodes.map(Self.describe) == Self.reference(text), "\(text.debugDescription)")
        }
    }

    /// Templates made at random of tags, blanks, line breaks, lone braces and characters of several bytes parse to
    /// swift-mustache's tree, or are left to swift-mustache exactly when it rejects them.
    @Test func randomTemplatesParseAsSwiftMustacheParsesThem() {
        let pieces = [
            "{{#s}}", "{{/s}}", "{{^t}}", "{{/t}}", "{{x}}", "{{ a.b }}", "{{{y}}}", "{{& z}}", "{{.}}",
            "{{first(x)}}", "{{count(reversed(items))}}", "{{! note }}", "{{> part}}", "{{>nested/two}}",
            "{{% CONTENT_TYPE: TEXT }}", "{{", "}}", "{", "}", " ", "  ", "\t", "\n", "\r\n", "\r", "a", "text",
            "é", "e\u{301}", "{\u{301}", "\u{2028}", "\u{1F600}", "ß", "\u{85}",
        ]
        // SplitMix64 from a fixed seed: the same templates on every run.
        var state: UInt64 = 0x5EED_7E47_A7E5
        func next() -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
        }
        var parsed = 0
        var rejected = 0
        for _ in 0..<3000 {
            let text = (0..<(1 + next() % 12)).map { _ in pieces[next() % pieces.count] }.joined()
            let nodes = TemplateParser.nodes(of: text)
            let reference = Self.reference(text)
            #expect(nodes.map(Self.describe) == reference, "\(text.debugDescription)")
            if nodes == nil { rejected += 1 } else { parsed += 1 }
        }
        // Both kinds are well represented.
        #expect(parsed > 500 && rejected > 500, "\(parsed) parsed, \(rejected) rejected")
    }

    @Test func whatSwiftMustacheRejectsOrItDoesNotCoverIsLeftToSwiftMustache() {
        // Errors swift-mustache reports with their position.
        let errors = [
            "{{#a}}x", "{{#a}}{{/b}}", "{{/a}}", "{{x", "{{x}", "{{{x}}", "{{! never closed", "{{a b}}", "{{f(x}}",
            "{{% CONTENT_TYPE: NOPE }}", "{{% OTHER: TEXT }}", "x{",
        ]
        for text in errors {
            #expect(TemplateParser.nodes(of: text) == nil, "\(text.debugDescription)")
            #expect((try? MustacheTemplate(string: text)) == nil, "\(text.debugDescription)")
        }
        // Covered by swift-mustache only.
        for text in ["{{=<% %>=}}<%x%>", "{{<part}}{{$b}}x{{/b}}{{/part}}", "{{$b}}x{{/b}}", "{{>*name}}"] {
            #expect(TemplateParser.nodes(of: text) == nil, "\(text.debugDescription)")
            #expect((try? MustacheTemplate(string: text)) != nil, "\(text.debugDescription)")
        }
    }
}
