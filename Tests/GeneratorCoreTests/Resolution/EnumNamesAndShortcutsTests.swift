import Foundation
import Testing

@testable import GeneratorCore

/// `x-enum-name-property` and the static members that unions of enums offer (`.mp3`).
@Suite struct EnumNamesAndShortcutsTests {
    static func document(_ schemas: String) -> String {
        "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n" + schemas
    }

    func union(_ name: String, in module: IR.Module) throws -> Context.Union {
        let jobs = Presenter(documentName: "t.yaml").present(module)
        return try #require(jobs.first { $0.fileName == name + ".swift" }?.context.union)
    }

    @Test func shortcutsSkipNamesThatTwoMembersShare() throws {
        let (module, diagnostics) = try resolve(
            Self.document(
                """
                    Audio: {type: string, enum: [mp3, ogg, aac]}
                    Video: {type: string, enum: [mp4, ogg, webm]}
                    Format: {oneOf: [{$ref: '#/components/schemas/Audio'}, {$ref: '#/components/schemas/Video'}]}
                    Mixed: {oneOf: [{$ref: '#/components/schemas/Audio'}, {type: integer}]}
                """))
        #expect(diagnostics.isEmpty)
        let format = try union("Format", in: module)
        #expect(format.shortcuts.map(\.swiftName) == ["mp3", "aac", "mp4", "webm"])
        #expect(format.shortcuts.map(\.memberCaseName) == ["audio", "audio", "video", "video"])
        // A member that is not an enum adds none, and takes none away.
        #expect(try union("Mixed", in: module).shortcuts.map(\.swiftName) == ["mp3", "ogg", "aac"])
    }

    @Test func shortcutsNeverTakeTheUnionsOwnCaseNames() throws {
        // The union's cases are `a` and `b`; `b` is also a value of `A`, so `.b` stays the union's case.
        let (module, _) = try resolve(
            Self.document(
                """
                    A: {type: string, enum: [b, c]}
                    B: {type: integer, enum: [1]}
                    U: {oneOf: [{$ref: '#/components/schemas/A'}, {$ref: '#/components/schemas/B'}]}
                """))
        #expect(try union("U", in: module).shortcuts.map(\.swiftName) == ["c", "value1"])
    }

    @Test func namePropertyIsTakenFromTheExtension() throws {
        let (module, diagnostics) = try resolve(
            Self.document(
                """
                    Lang: {type: integer, enum: [1, 2], x-enum-varnames: [pt-BR, de-DE], x-enum-name-property: tag}
                """))
        #expect(diagnostics.isEmpty)
        guard case .enumeration(let lang)? = module.type("Lang") else {
            Issue.record("Lang is not an enum")
            return
        }
        #expect(lang.nameProperty == "tag")
        #expect(lang.cases.map(\.nameSource) == ["pt-BR", "de-DE"])
    }

    @Test func badNamePropertiesAreReported() throws {
        let (_, diagnostics) = try resolve(
            Self.document(
                """
                    A: {type: string, enum: [x], x-enum-varnames: [ex], x-enum-name-property: rawValue}
                    B: {type: string, enum: [x], x-enum-varnames: [ex], x-enum-name-property: 'two words'}
                    C: {type: string, enum: [x, y], x-enum-name-property: tag}
                    D: {type: string, enum: [x], x-enum-varnames: [ex], x-enum-name-property: ex}
                """))
        #expect(
            diagnostics == [
                "t.yaml:6:79: error: 'x-enum-name-property' names 'rawValue', which the enum already declares; "
                    + "choose another name",
                "t.yaml:7:79: error: 'two words' is not a legal Swift member name; did you mean 'twoWords'?",
                "t.yaml:8:59: warning: 'x-enum-name-property' names 'tag', but no value has a name ('x-enum-varnames' "
                    + "or the configuration's 'enumCaseNames'), so no property is generated",
                "t.yaml:9:79: error: 'x-enum-name-property' names 'ex', which the enum already declares; "
                    + "choose another name",
            ])
    }
}
