import Foundation
import Testing

@testable import GeneratorCore

/// Validation keywords appear, in words, in the doc comment of what they constrain.
@Suite struct ConstraintDocumentationTests {
    @Test func propertiesAndParametersSayWhatTheDocumentRequires() async throws {
        let (files, diagnostics) = try await render(
            document: """
                openapi: 3.0.3
                info: {title: Limits, version: '1'}
                paths:
                  /items:
                    get:
                      operationId: listItems
                      parameters:
                        - {name: limit, in: query, schema: {type: integer, minimum: 1, maximum: 100}}
                      responses:
                        '200':
                          description: ok
                          content: {application/json: {schema: {$ref: '#/components/schemas/Item'}}}
                components:
                  schemas:
                    Item:
                      type: object
                      properties:
                        code: {type: string, minLength: 2, maxLength: 8, pattern: '^[A-Z]+$'}
                        price: {type: number, minimum: 0, exclusiveMinimum: true, multipleOf: 0.01}
                        tags: {type: array, items: {type: string}, minItems: 1, maxItems: 5, uniqueItems: true}
                        contact: {type: string, format: email}
                        created: {type: string, format: date-time}
                """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let item = try #require(files?["Item.swift"])
        for line in [
            "/// Constraints (the client does not check them): at least 2 characters, at most 8 characters, matches",
            "/// `^[A-Z]+$`.",
            "/// Constraints (the client does not check them): greater than 0, a multiple of 0.01.",
            "/// Constraints (the client does not check them): at least 1 item, at most 5 items, items are unique.",
            "/// Constraints (the client does not check them): format `email`.",
        ] {
            #expect(item.contains(line), "Item.swift lacks: \(line)")
        }
        // `date-time` is the property's Swift type (`Date`), not a constraint to mention.
        #expect(!item.contains("format `date-time`"))
        let operation = try #require(files?["LimitsClient+ListItems.swift"])
        #expect(operation.contains("Constraints (the client does not check them): at least 1, at most 100."))
    }
}
