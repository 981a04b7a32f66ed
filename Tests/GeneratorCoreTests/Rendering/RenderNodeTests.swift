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
