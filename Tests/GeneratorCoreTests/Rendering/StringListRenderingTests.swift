import Foundation
import Mustache
import Testing

@testable import GeneratorCore

/// Arrays of strings (`TemplateList.strings`): a section that only writes text and `{{.}}` writes each string
/// directly; any other section makes the elements. Each text is hand-computed and also rendered by swift-mustache,
/// which must agree byte for byte.
@Suite struct StringListRenderingTests {
    struct Root: CompiledTemplateContext {
        var lines = ["a", "b&c"]
        var none: [String] = []
        var maybe: [String]? = ["m"]
        var absent: [String]? = nil
        var groups = [["x", "y"], [], ["z"]]
        nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<Self>] = [
            "lines": \.lines, "none": \.none, "maybe": \.maybe, "absent": \.absent, "groups": \.groups,
        ]
        nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
    }

    func render(_ templates: [String: String]) throws -> String? {
        let parsed = try templates.mapValues { try MustacheTemplate(string: $0) }
        let compiled = try #require(CompiledTemplates(parsed))
        let text = compiled.render(Root(), withTemplate: "main")
        #expect(text == MustacheLibrary(templates: parsed).render(Root(), withTemplate: "main"))
        return text
    }

    func render(_ main: String) throws -> String? { try render(["main": main]) }

    @Test func sectionsThatOnlyWriteEachString() throws {
        #expect(try render("{{#lines}}/// {{.}}\n{{/lines}}") == "/// a\n/// b&amp;c\n")
        #expect(try render("{{#lines}}<{{{.}}}>{{/lines}}") == "<a><b&c>")
        #expect(try render("{{% CONTENT_TYPE: TEXT }}\n{{#lines}}[{{.}}]{{/lines}}") == "[a][b&c]")
        #expect(try render("{{#none}}x{{/none}}{{^none}}empty{{/none}}{{^lines}}no{{/lines}}") == "empty")
        #expect(try render("{{#maybe}}({{.}}){{/maybe}}{{#absent}}?{{/absent}}{{^absent}}-{{/absent}}") == "(m)-")
        // The inner lists are arrays of strings too: `{{#.}}` loops over each.
        #expect(try render("{{#groups}}[{{#.}}{{.}}{{/.}}]{{/groups}}") == "[xy][][z]")
        #expect(try render("{{#lines}}{{/lines}}") == "")
    }

    @Test func otherSectionsOverStringsStillSeeTheStackAndPositions() throws {
        #expect(try render("{{#lines}}{{.}}{{^last()}}, {{/last()}}{{/lines}}") == "a, b&amp;c")
        #expect(try render("{{#lines}}{{#first()}}>{{/first()}}{{.}}{{/lines}}") == ">ab&amp;c")
        // A name other than `.` is looked up through the stack: a string has no fields, the root has `maybe`.
        #expect(try render("{{#lines}}{{.}}{{#maybe}}+{{.}}{{/maybe}};{{/lines}}") == "a+m;b&amp;c+m;")
        #expect(try render("{{#lines}}{{lines.count}}{{/lines}}") == "")
    }

    @Test func aPartialsIndentationGoesWhereSwiftMustachePutsIt() throws {
        // Within an indented partial the strings take the general path; as for any section, swift-mustache
        // indents only the first line of the section's output (`partialsIndentAsSwiftMustacheDoes`).
        let templates = ["main": "{\n  {{>p}}\n}\n", "p": "{{#lines}}{{.}}\n{{/lines}}"]
        #expect(try render(templates) == "{\n  a\nb&amp;c\n}\n")
    }

    @Test func theElementsAreMadeOnlyWhenAsked() {
        let list = TemplateList(strings: ["a", "b"])
        #expect(!list.isEmpty)
        let strings = list.elements.map { element -> String? in
            if case .string(let string) = element { return string }
            return nil
        }
        #expect(strings == ["a", "b"])
        #expect(TemplateList(strings: []).isEmpty)
        #expect(TemplateList(elements: [], original: [Int]()).isEmpty)
        #expect(TemplateList(elements: [.int(1)], original: [1]).strings == nil)
    }

    @Test func onlyTextAndTheCurrentValueWriteOnlyTheElement() throws {
        func flag(_ template: String) throws -> Bool {
            var contentTypes: [String: any MustacheContentType] = [:]
            let nodes = try #require(TemplateParser.nodes(of: template, contentTypes: &contentTypes))
            return CompiledTemplates.RenderList(nodes).writesOnlyItsElement
        }
        #expect(try flag("/// {{.}}\n"))
        #expect(try flag("{{{.}}} and {{& .}}"))
        #expect(try flag(""))
        #expect(try !flag("{{name}}"))
        #expect(try !flag("{{.}}{{#x}}{{/x}}"))
        #expect(try !flag("{{^x}}{{/x}}"))
        #expect(try !flag("{{>p}}"))
        #expect(try !flag("{{first()}}"))
    }
}
