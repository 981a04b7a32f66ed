import Foundation
import Testing

@testable import GeneratorCore

@Suite struct TemplateRendererTests {
    /// A copy of the built-in templates with one file replaced.
    func templates(replacing name: String, with text: String?) throws -> URL {
        let folder = try TestPaths.temporaryFolder().appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: TestPaths.templates, to: folder)
        let file = folder.appendingPathComponent(name)
        try FileManager.default.removeItem(at: file)
        if let text { try Data(text.utf8).write(to: file) }
        return folder
    }

    @Test func syntaxErrorNamesTemplateLineAndColumn() async throws {
        let folder = try templates(
            replacing: "TypeAlias.swift.mustache",
            with: "{{% CONTENT_TYPE: TEXT }}\n{{banner}}\n{{#alias}}\n  {{name}\n{{/alias}}\n")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        do {
            _ = try await TemplateRenderer(directory: folder, displayPath: "Templates")
            Issue.record("expected an error")
        } catch {
            let description = error.diagnostics.map(\.description)
            #expect(description.count == 1)
            #expect(description.first?.hasPrefix("Templates/TypeAlias.swift.mustache:4:") == true, "\(description)")
            #expect(description.first?.contains(": error: ") == true)
        }
    }

    @Test func mismatchedSectionIsReported() async throws {
        let folder = try templates(
            replacing: "TypeAlias.swift.mustache", with: "{{banner}}\n{{#alias}}\n{{/aliases}}\n")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        do {
            _ = try await TemplateRenderer(directory: folder, displayPath: "Templates")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.first?.location?.file == "Templates/TypeAlias.swift.mustache")
            #expect(error.diagnostics.first?.location?.mark?.line == 3)
            #expect(
                error.diagnostics.first?.message
                    == "section is closed with a name that does not match the one it opened with")
        }
    }

    @Test func missingTemplateIsReported() async throws {
        let folder = try templates(replacing: "Union.swift.mustache", with: nil)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        do {
            _ = try await TemplateRenderer(directory: folder, displayPath: "Templates")
            Issue.record("expected an error")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "Templates: error: template 'Union.swift.mustache' is missing; copy it from the built-in templates"
                ])
        }
    }

    @Test func missingFolderIsReported() async throws {
        do {
            _ = try await TemplateRenderer(
                directory: URL(fileURLWithPath: "/nonexistent/templates"), displayPath: "custom")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.description) == ["error: templates folder 'custom' does not exist"])
        }
    }

    @Test func outputWithoutTheBannerIsAnError() async throws {
        let folder = try templates(
            replacing: "TypeAlias.swift.mustache", with: "{{#alias}}typealias {{name}} = Int{{/alias}}\n")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let renderer = try await TemplateRenderer(directory: folder, displayPath: "Templates")
        let module = Context.Module(
            moduleName: "M", clientName: "MClient", errorName: "MError", docLines: [], defaultServerURLLiteral: "",
            hasDefaultServerURL: false, credentials: [], hasCredentials: false, errorCases: [])
        var file = Context.File(banner: Constants.bannerPrefix + "a.yaml.", module: module)
        file.alias = Context.Alias(name: "A", targetTypeName: "Int", docLines: [])
        do {
            _ = try renderer.render(Presenter.Job(fileName: "A.swift", templateName: "TypeAlias.swift", context: file))
            Issue.record("expected an error")
        } catch {
            #expect(
                error.diagnostics.first?.description.hasPrefix(
                    "Templates/TypeAlias.swift.mustache:1:1: error: the output does not begin with '{{banner}}'")
                    == true)
        }
    }

    @Test func tidyTrimsTrailingSpaceAndBlankRuns() {
        #expect(TemplateRenderer.tidy("a  \n\n\n\nb\t\n\n") == "a\n\nb\n")
    }
}
