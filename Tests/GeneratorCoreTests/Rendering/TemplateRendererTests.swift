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
            hasDefaultServerURL: false, credentials: [], hasCredentials: false)
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

    /// A folder holding only the given files (relative path → text).
    func overrides(_ files: [String: String]) throws -> URL {
        let folder = try TestPaths.temporaryFolder().appendingPathComponent("MyTemplates")
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder
    }

    func aliasJob() -> Presenter.Job {
        let module = Context.Module(
            moduleName: "M", clientName: "MClient", errorName: "MError", docLines: [], defaultServerURLLiteral: "",
            hasDefaultServerURL: false, credentials: [], hasCredentials: false)
        var file = Context.File(banner: Constants.bannerPrefix + "a.yaml.", module: module)
        file.alias = Context.Alias(name: "A", targetTypeName: "Int", docLines: [])
        return Presenter.Job(fileName: "A.swift", templateName: "TypeAlias.swift", context: file)
    }

    /// The diagnostics of loading the built-in templates with `folder` as overrides (shown as `MyTemplates`); none
    /// when they load.
    func overrideDiagnostics(_ folder: URL) async -> [String] {
        do {
            _ = try await TemplateRenderer(
                directory: TestPaths.templates, displayPath: "Templates", overrides: folder,
                overridesDisplayPath: "MyTemplates")
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func anOverrideReplacesOneTemplateAndTheOthersStayBuiltIn() async throws {
        let folder = try overrides([
            "TypeAlias.swift.mustache":
                "{{% CONTENT_TYPE: TEXT }}\n{{banner}}\n{{#alias}}{{> partials/name}}{{/alias}}\n",
            "partials/reqestBody.mustache": "public typealias {{name}} = {{targetTypeName}} // mine\n",
            "notes.txt": "not a template: ignored",
        ])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        // `partials/name` is not a built-in partial: an unknown override.
        #expect(
            await overrideDiagnostics(folder) == [
                "MyTemplates/partials/reqestBody.mustache: error: 'partials/reqestBody' is not a template of "
                    + "openapi-codegen; did you mean 'partials/requestBody'?"
            ])
        try FileManager.default.removeItem(at: folder.appendingPathComponent("partials/reqestBody.mustache"))
        try Data("public typealias {{name}} = {{targetTypeName}} // mine\n".utf8).write(
            to: folder.appendingPathComponent("partials/requestBody.mustache"))
        try Data("{{% CONTENT_TYPE: TEXT }}\n{{banner}}\n{{#alias}}{{> partials/requestBody}}{{/alias}}\n".utf8).write(
            to: folder.appendingPathComponent("TypeAlias.swift.mustache"))
        let renderer = try await TemplateRenderer(
            directory: TestPaths.templates, displayPath: "Templates", overrides: folder,
            overridesDisplayPath: "MyTemplates")
        #expect(
            try renderer.render(aliasJob())
                == "// Generated by openapi-codegen from a.yaml.\npublic typealias A = Int // mine\n")
        // A built-in template the folder does not replace renders as before.
        #expect(renderer.displayPaths["Struct.swift"] == "Templates/Struct.swift.mustache")
        #expect(renderer.displayPaths["TypeAlias.swift"] == "MyTemplates/TypeAlias.swift.mustache")
    }

    /// An overrides folder given as a symbolic link (`--templates link`) is read through it: its templates were
    /// silently ignored while the folder was listed with `FileManager`'s enumerator.
    @Test func anOverridesFolderGivenAsALinkIsRead() async throws {
        let template = "{{% CONTENT_TYPE: TEXT }}\n{{banner}}\n{{#alias}}// linked {{name}}\n{{/alias}}"
        let folder = try overrides(["TypeAlias.swift.mustache": template])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let link = folder.deletingLastPathComponent().appendingPathComponent("Linked")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: folder.path)
        let renderer = try await TemplateRenderer(
            directory: TestPaths.templates, displayPath: "Templates", overrides: link, overridesDisplayPath: "Linked")
        #expect(try renderer.render(aliasJob()) == "// Generated by openapi-codegen from a.yaml.\n// linked A\n")
        #expect(renderer.displayPaths["TypeAlias.swift"] == "Linked/TypeAlias.swift.mustache")
    }

    @Test func anOverrideNamingNoTemplateIsAnErrorWithTheNearestName() async throws {
        let folder = try overrides(["Strcut.swift.mustache": "{{banner}}\n", "Foo.swift.mustache": "{{banner}}\n"])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect(
            await overrideDiagnostics(folder) == [
                "MyTemplates/Foo.swift.mustache: error: 'Foo.swift' is not a template of openapi-codegen; "
                    + "the templates are listed by 'openapi-codegen templates export'",
                "MyTemplates/Strcut.swift.mustache: error: 'Strcut.swift' is not a template of openapi-codegen; "
                    + "did you mean 'Struct.swift'?",
            ])
    }

    @Test func aMissingPartialIsAnErrorAtItsReference() async throws {
        // Line 4, column 5: the `{{>` of the reference; the other tags on the line do not count.
        let folder = try overrides([
            "TypeAlias.swift.mustache":
                "{{% CONTENT_TYPE: TEXT }}\n{{banner}}\n{{! {{> partials/inAComment}} }}\né {{#alias}}{{> partials/nope}}{{/alias}}\n"
        ])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        #expect(
            await overrideDiagnostics(folder) == [
                "MyTemplates/TypeAlias.swift.mustache:4:13: error: partial 'partials/nope' does not exist"
            ])
    }

    /// `partials/request` (which built the whole request before `send`'s `await`) was split into
    /// `partials/queryItems` and `partials/makeRequest`: overriding it, or an operation template written for it, is
    /// an error that names what replaced it, not a partial rendered as nothing or an override silently unused.
    @Test func aRetiredPartialIsAnErrorNamingWhatReplacedIt() async throws {
        let folder = try overrides([
            "partials/request.mustache": "        let queryItems = QueryItems() // mine\n",
            "Operation.swift.mustache":
                "{{% CONTENT_TYPE: TEXT }}\n{{banner}}\n{{#operation}}\n{{> partials/request}}\n{{/operation}}\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let replacement =
            "it was split in two: 'partials/queryItems' builds the query items and 'partials/makeRequest' the "
            + "request, in the closure an operation passes to the client's 'perform'; 'openapi-codegen templates "
            + "export' writes the current templates to start again from"
        #expect(
            await overrideDiagnostics(folder) == [
                "MyTemplates/partials/request.mustache: error: 'partials/request' is not a template of "
                    + "openapi-codegen; " + replacement
            ])
        // Without the override of the partial itself, the operation template's reference is the error.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("partials/request.mustache"))
        #expect(
            await overrideDiagnostics(folder) == [
                "MyTemplates/Operation.swift.mustache:4:1: error: partial 'partials/request' does not exist; "
                    + replacement
            ])
    }

    @Test func aSyntaxErrorInAnOverrideKeepsItsPosition() async throws {
        let folder = try overrides(["Enum.swift.mustache": "{{banner}}\n{{#enumeration}}\n{{/enum}}\n"])
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        do {
            _ = try await TemplateRenderer(
                directory: TestPaths.templates, displayPath: "Templates", overrides: folder,
                overridesDisplayPath: "MyTemplates")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.first?.location?.file == "MyTemplates/Enum.swift.mustache")
            #expect(error.diagnostics.first?.location?.mark?.line == 3)
        }
    }

    /// An installed generator whose built-in folder is gone still runs on a complete copy, and names what an
    /// incomplete one lacks.
    @Test func withoutTheBuiltInsTheOverridesMustHoldEveryTemplate() async throws {
        let copy = try templates(replacing: "Union.swift.mustache", with: nil)
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        let nowhere = URL(fileURLWithPath: "/nonexistent/templates")
        do {
            _ = try await TemplateRenderer(
                directory: nowhere, displayPath: "builtin", overrides: copy, overridesDisplayPath: "Copy")
            Issue.record("expected an error")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "Copy: error: template 'Union.swift.mustache' is missing; copy it from the built-in templates"
                ])
        }
        try FileManager.default.copyItem(
            at: TestPaths.templates.appendingPathComponent("Union.swift.mustache"),
            to: copy.appendingPathComponent("Union.swift.mustache"))
        let renderer = try await TemplateRenderer(
            directory: nowhere, displayPath: "builtin", overrides: copy, overridesDisplayPath: "Copy")
        #expect(renderer.displayPaths["Union.swift"] == "Copy/Union.swift.mustache")
    }

    @Test func partialReferencesFollowDelimitersAndSkipComments() {
        let text = "a {{>one}}\n{{! {{>no}} }}{{{x}}} {{< two }}\n{{=<% %>=}}<%> three%> {{>no}} <%>*dynamic%>"
        #expect(
            TemplateRenderer.partialReferences(in: text) == [
                .init(name: "one", mark: SourceMark(line: 1, column: 3)),
                .init(name: "two", mark: SourceMark(line: 2, column: 23)),
                .init(name: "three", mark: SourceMark(line: 3, column: 12)),
            ])
    }

    /// The partial tags the parsed trees hold, in sections and inverted sections too, decide whether the texts are
    /// searched for a partial that does not exist.
    @Test func treesTellWhetherAPartialIsMissing() throws {
        let nodes = try #require(
            TemplateParser.nodes(of: "a {{>one}}\n{{#x}}{{^y}}{{> nested/two }}{{/y}}{{/x}}\n{{! {{>no}} }}"))
        let file = TemplateRenderer.TemplateFile(path: "/t", displayPath: "t")
        #expect(!TemplateRenderer.referencesMissingPartial(nodes, among: ["one": file, "nested/two": file]))
        // The partial two sections deep is missing; the one in the comment is not a tag.
        #expect(TemplateRenderer.referencesMissingPartial(nodes, among: ["one": file, "no": file]))
        #expect(TemplateRenderer.referencesMissingPartial(nodes, among: ["nested/two": file]))
    }

    @Test func exportWritesEveryTemplateAndRefusesToOverwrite() throws {
        let folder = try TestPaths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("out")
        let written = try BuiltinTemplates.export(
            from: TestPaths.templates, to: destination, displayPath: "out", force: false)
        // Every file template and partial.
        #expect(written.count == TestPaths.templateFileCount)
        #expect(written.contains("out/Operation.swift.mustache"))
        #expect(written.contains("out/partials/queryItems.mustache"))
        #expect(
            FileManager.default.contents(atPath: destination.appendingPathComponent("Struct.swift.mustache").path)
                == FileManager.default.contents(
                    atPath: TestPaths.templates.appendingPathComponent("Struct.swift.mustache").path))
        try Data("mine".utf8).write(to: destination.appendingPathComponent("Enum.swift.mustache"))
        #expect(throws: GenerationError.self) {
            try BuiltinTemplates.export(from: TestPaths.templates, to: destination, displayPath: "out", force: false)
        }
        #expect(
            String(
                decoding: try Data(contentsOf: destination.appendingPathComponent("Enum.swift.mustache")), as: UTF8.self
            )
                == "mine")
        #expect(
            try BuiltinTemplates.export(from: TestPaths.templates, to: destination, displayPath: "out", force: true)
                .count == TestPaths.templateFileCount)
        #expect(
            FileManager.default.contents(atPath: destination.appendingPathComponent("Enum.swift.mustache").path)
                == FileManager.default.contents(
                    atPath: TestPaths.templates.appendingPathComponent("Enum.swift.mustache").path))
    }

    @Test func tidyTrimsTrailingSpaceAndBlankRuns() {
        #expect(TemplateRenderer.tidy("a  \n\n\n\nb\t\n\n") == "a\n\nb\n")
    }
}
