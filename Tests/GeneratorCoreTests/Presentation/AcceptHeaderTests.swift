import Foundation
import Testing

@testable import GeneratorCore

/// `Accept` lists every media type the operation's responses document, errors included.
@Suite struct AcceptHeaderTests {
    @Test func acceptNamesSuccessAndErrorMediaTypesInDocumentOrder() async throws {
        let (files, _) = try await render(
            document: """
                openapi: 3.0.3
                info: {title: Media, version: '1'}
                paths:
                  /report:
                    get:
                      operationId: getReport
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json: {schema: {type: object, properties: {id: {type: string}}}}
                        4XX:
                          description: a problem
                          content:
                            application/problem+json: {schema: {type: object, properties: {title: {type: string}}}}
                        '500':
                          description: a proxy page
                          content:
                            text/html: {schema: {type: string}}
                            application/json: {schema: {type: object, properties: {title: {type: string}}}}
                """)
        let operation = try #require(files?["MediaClient+GetReport.swift"])
        #expect(
            operation.contains(
                #"request.headerFields["Accept"] = "application/json, application/problem+json, text/html""#))
    }
}
