import Foundation
import Testing

@testable import GeneratorCore

/// A struct's property lists as `Presenter.present(_:)` builds them: the keys a response must hold, the initializer's
/// properties and the constant ones (each made without copying the others).
@Suite struct StructurePresentationTests {
    static let documentation = IR.Documentation(pointer: JSONPointer())

    static func property(
        _ name: String, isRequired: Bool, isReadOnly: Bool = false, isWriteOnly: Bool = false,
        constant: IR.Literal? = nil
    ) -> IR.Property {
        IR.Property(
            jsonName: name, swiftName: name, type: .string, isRequired: isRequired, isNullable: false,
            isReadOnly: isReadOnly, isWriteOnly: isWriteOnly, constant: constant, documentation: documentation,
            isDeprecated: false)
    }

    static func structure(_ properties: [IR.Property]) -> IR.Structure {
        IR.Structure(
            name: "Pet", documentation: documentation, properties: properties, additionalProperties: nil,
            isDeprecated: false)
    }

    @Test func requiredKeysLeaveOutOptionalAndWriteOnlyProperties() {
        let structure = Self.structure([
            Self.property("a", isRequired: true),
            Self.property("b", isRequired: true, isWriteOnly: true),
            Self.property("c", isRequired: false),
            Self.property("d", isRequired: true, isReadOnly: true),
            Self.property("e", isRequired: true, constant: .string("x")),
        ])
        // String literals of the JSON names: required ones only, without the write-only `b`.
        #expect(Presenter.requiredKeys(of: structure) == ["\"a\"", "\"d\"", "\"e\""])
        let context = Presenter(documentName: "t.yaml").present(structure)
        #expect(context.requiredKeys == ["\"a\"", "\"d\"", "\"e\""])
        #expect(context.properties.map(\.swiftName) == ["a", "b", "c", "d", "e"])
        #expect(context.initProperties.map(\.swiftName) == ["a", "b", "c", "d"])
        #expect(context.constantProperties.map(\.swiftName) == ["e"])
        #expect(context.hasConstantProperties)
        #expect(context.constantProperties.first?.constantLiteral == "\"x\"")
    }

    @Test func withoutConstantsTheInitializerTakesEveryProperty() {
        let structure = Self.structure([
            Self.property("id", isRequired: true),
            Self.property("note", isRequired: false, isWriteOnly: true),
        ])
        #expect(Presenter.requiredKeys(of: structure) == ["\"id\""])
        let context = Presenter(documentName: "t.yaml").present(structure)
        #expect(context.initProperties.map(\.swiftName) == ["id", "note"])
        #expect(context.initProperties.map(\.typeName) == ["String", "String?"])
        #expect(context.constantProperties.isEmpty)
        #expect(!context.hasConstantProperties)
    }

    @Test func noPropertiesNoKeys() {
        let structure = Self.structure([])
        #expect(Presenter.requiredKeys(of: structure).isEmpty)
        let context = Presenter(documentName: "t.yaml").present(structure)
        #expect(context.initProperties.isEmpty && context.constantProperties.isEmpty && context.requiredKeys.isEmpty)
    }
}
