import Foundation
import Mustache
import Testing

@testable import GeneratorCore

/// What a render node holds outside its `Node`, read by every render without a reference count.
@Suite struct RenderNodeTests {
    func nodes(_ template: String) throws -> [CompiledTemplates.RenderNode] {
        var contentTypes: [String: any MustacheContentType] = [:]
        let nodes = try #require(TemplateParser.nodes(of: template, contentTypes: &contentTypes))
        return CompiledTemplates.RenderList(nodes).nodes
    }

    @Test func textNodesHoldTheirUTF8Bytes() throws {
        let parsed = try nodes("é/{{a}}")
        #expect(parsed.count == 2)
        // `é` is the two bytes C3 A9, then `/`.
        #expect(parsed[0].text.map(Array.init) == [0xC3, 0xA9, 0x2F])
        #expect(parsed[0].name == nil)
        #expect(parsed[1].text == nil)
    }

    @Test func variablesAndSectionsHoldTheirName() throws {
        let parsed = try nodes("{{a.b}}{{#c}}x{{/c}}{{^d}}{{/d}}{{>p}}")
        #expect(parsed.count == 4)
        let names = parsed.map { node -> String? in
            guard let name = node.name?.takeUnretainedValue() else { return nil }
            switch name.kind {
            case .stack(let names), .top(let names): return names.joined(separator: ".")
            case .current: return "."
            case .sequence: return "()"
            }
        }
        #expect(names == ["a.b", "c", "d", nil])
        #expect(parsed.allSatisfy { $0.text == nil })
        // The section's own text node holds its byte.
        #expect(parsed[1].children.nodes.first?.text.map(Array.init) == [0x78])
    }
}

/// A render's root read where the caller holds it (`TemplateInPlace`), as a job in the array of jobs.
@Suite struct InPlaceRootTests {
    struct Root: CompiledTemplateContext {
        var title: String
        var lines: [String]
        var flag: Bool
        nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<Self>] = [
            "title": \.title, "lines": \.lines, "flag": \.flag,
        ]
        nonisolated(unsafe) static let templateReaders = makeTemplateReaders()
    }

    @Test func eachValueOfAnArrayRendersInPlaceAsItWouldCopied() throws {
        let template = "{{% CONTENT_TYPE: TEXT }}\n{{title}}{{#flag}}!{{/flag}}:{{#lines}} {{.}}{{/lines}}\n"
        let parsed = try MustacheTemplate(string: template)
        let compiled = try #require(CompiledTemplates(["main": parsed]))
        let roots = [
            Root(title: "a<b", lines: ["x", "y"], flag: true),
            Root(title: "c", lines: [], flag: false),
        ]
        let texts = roots.withUnsafeBufferPointer { roots in
            roots.indices.map { index in
                compiled.renderUTF8(at: roots.baseAddress! + index, withTemplate: "main").map {
                    String(decoding: $0, as: UTF8.self)
                }
            }
        }
        #expect(texts == ["a<b!: x y\n", "c:\n"])
        #expect(compiled.render(roots[0], withTemplate: "main") == "a<b!: x y\n")
        let missing = roots.withUnsafeBufferPointer { compiled.renderUTF8(at: $0.baseAddress!, withTemplate: "nope") }
        #expect(missing == nil)
    }

    @Test func theRootReadsItsFieldsAndIsItsValue() {
        var root = Root(title: "t", lines: ["l"], flag: true)
        withUnsafePointer(to: &root) { pointer in
            let object = TemplateInPlace(pointer)
            if case .string(let title)? = object.child(key: TemplateKeys.number(of: "title")) {
                #expect(title == "t")
            } else {
                Issue.record("no title")
            }
            if case .bool(let flag)? = object.child(key: TemplateKeys.number(of: "flag")) {
                #expect(flag)
            } else {
                Issue.record("no flag")
            }
            #expect((object.any as? Root)?.lines == ["l"])
        }
    }
}
