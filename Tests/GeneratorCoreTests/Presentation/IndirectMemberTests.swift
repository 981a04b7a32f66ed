import Foundation
import Testing

@testable import GeneratorCore

/// A union that needs indirection (here: it is on a cycle) stores out of line only the members that need it, a struct
/// or a union (through typealiases); a string, an enum, an alias of a string and an array stay in the enum itself, so
/// decoding one allocates no box. A struct property whose type is such a union is not boxed a second time.
@Suite struct IndirectMemberTests {
    @Test func onlyStructAndUnionMembersAreIndirect() async throws {
        let (rendered, diagnostics) = renderInMemory(
            Array(
                """
                openapi: 3.0.3
                info: {title: Expandable, version: "1"}
                paths: {}
                components:
                  schemas:
                    InvoiceID: {type: string}
                    Status: {type: string, enum: [open, paid]}
                    Charge:
                      type: object
                      required: [id]
                      properties:
                        id: {type: string}
                        invoice:
                          anyOf:
                            - {type: string}
                            - {$ref: '#/components/schemas/Invoice'}
                            - {$ref: '#/components/schemas/Status'}
                            - {type: array, items: {type: string}}
                    Invoice:
                      type: object
                      required: [id]
                      properties:
                        id: {type: string}
                        charge:
                          oneOf:
                            - {$ref: '#/components/schemas/InvoiceID'}
                            - {$ref: '#/components/schemas/Charge'}

                """.utf8), renderer: try await loadTemplates())
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let files = try #require(rendered)
        func file(_ name: String) throws -> String { try #require(files["\(name).swift"], "\(name).swift") }

        let chargeInvoice = try file("ChargeInvoice")
        #expect(chargeInvoice.contains("public enum ChargeInvoice: Codable"))
        #expect(!chargeInvoice.contains("indirect enum"))
        #expect(chargeInvoice.contains("\n    case string(String)\n"))
        #expect(chargeInvoice.contains("\n    indirect case invoice(Invoice)\n"))
        #expect(chargeInvoice.contains("\n    case status(Status)\n"))
        #expect(chargeInvoice.contains("\n    case strings([String])\n"))

        // Through the typealias `InvoiceID = String`: inline; `Charge`, a struct: out of line.
        let invoiceCharge = try file("InvoiceCharge")
        #expect(invoiceCharge.contains("\n    case invoiceID(InvoiceID)\n"))
        #expect(invoiceCharge.contains("\n    indirect case charge(Charge)\n"))

        // The properties are stored as they are, not in an `Indirect` box as well.
        #expect(try file("Charge").contains("public var invoice: ChargeInvoice?\n"))
        #expect(try !file("Charge").contains("Indirect<"))
        #expect(try file("Invoice").contains("public var charge: InvoiceCharge?\n"))
        #expect(try !file("Invoice").contains("Indirect<"))
    }
}
