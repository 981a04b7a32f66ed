import Foundation
import Testing

@testable import GeneratorCore

/// Request bodies with several media types, and how a `multipart/form-data` body becomes parts.
@Suite struct RequestMediaTypesTests {
    static let header = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:

        """

    /// JSON first whatever the document's order, then one function per further type, each named after its type.
    @Test func eachMediaTypeGetsAFunctionJSONFirst() throws {
        let (module, diagnostics) = try resolve(
            Self.header + """
                  /things:
                    post:
                      operationId: addThing
                      requestBody:
                        required: true
                        content:
                          multipart/form-data:
                            schema: {type: object, properties: {file: {type: string, format: binary}}}
                          text/plain:
                            schema: {type: string}
                          application/json:
                            schema: {type: object, properties: {name: {type: string}}}
                          application/octet-stream: {}
                          application/x-www-form-urlencoded:
                            schema: {type: object, properties: {name: {type: string}}}
                      responses: {'204': {description: ok}}
                  /other:
                    post:
                      operationId: addThingMultipart
                      responses: {'204': {description: ok}}
                """)
        #expect(diagnostics == [])
        let functions = module.operations.map(\.functionName)
        // The document's own `addThingMultipart` keeps its name; the variant takes the next free one.
        #expect(
            functions == [
                "addThingMultipart", "addThing", "addThingMultipart2", "addThingText", "addThingOctetStream",
                "addThingForm",
            ])
        let bodies = module.operations.dropFirst().map { $0.requestBody?.mediaType }
        #expect(
            bodies == [
                "application/json", "multipart/form-data", "text/plain", "application/octet-stream",
                "application/x-www-form-urlencoded",
            ])
        #expect(module.operations.dropFirst().allSatisfy { $0.operationID == "addThing" && $0.path == "/things" })
    }

    /// Without JSON, the document's first media type keeps the name; a form alone is a form body.
    @Test func withoutJSONTheFirstTypeKeepsTheName() throws {
        let (module, diagnostics) = try resolve(
            Self.header + """
                  /calls:
                    post:
                      operationId: createCall
                      requestBody:
                        content:
                          multipart/form-data:
                            schema: {type: object, properties: {sdp: {type: string}}}
                          application/sdp:
                            schema: {type: string}
                      responses: {'204': {description: ok}}
                  /tokens:
                    post:
                      operationId: token
                      requestBody:
                        content:
                          application/x-www-form-urlencoded:
                            schema: {type: object, properties: {code: {type: string}}}
                      responses: {'204': {description: ok}}
                """)
        // A variant follows its operation.
        #expect(module.operations.map(\.functionName) == ["createCall", "createCallSdp", "token"])
        #expect(module.operations.map { $0.requestBody?.encoding } == [.multipart, .binary, .form])
        #expect(diagnostics == [])
    }

    /// Each property is a part: text, JSON, or a file, with the encoding's content type and headers.
    @Test func partsFollowTheSchemaAndTheEncoding() throws {
        let (module, diagnostics) = try resolve(
            Self.header + """
                  /upload:
                    post:
                      operationId: upload
                      requestBody:
                        content:
                          multipart/form-data:
                            schema: {$ref: '#/components/schemas/Upload'}
                            encoding:
                              file: {contentType: 'image/png, image/jpeg'}
                              meta:
                                contentType: application/xml
                                headers:
                                  X-Rev: {schema: {type: integer, const: 3}}
                                  X-Who: {required: true, schema: {type: string}}
                                  Content-Type: {schema: {type: string}}
                      responses: {'204': {description: ok}}
                components:
                  schemas:
                    Upload:
                      type: object
                      properties:
                        id: {type: string, readOnly: true}
                        file: {type: string, format: binary}
                        sig: {type: string, contentEncoding: base64, contentMediaType: image/png}
                        any: {type: string, contentMediaType: 'image/*'}
                        tags: {type: array, items: {type: integer}}
                        meta: {type: object, properties: {a: {type: string}}}
                        either: {oneOf: [{type: string, format: binary}, {type: array, items: {type: string, format: binary}}]}
                """)
        #expect(diagnostics == [])
        let parts = try #require(module.operations.first?.requestBody?.multipartParts)
        // Read-only properties are the server's: not sent.
        #expect(parts.map(\.property.jsonName) == ["file", "sig", "any", "tags", "meta", "either"])
        #expect(parts.map(\.kind) == [.file, .file, .file, .text, .json, .file])
        #expect(parts.map(\.isArray) == [false, false, false, true, false, true])
        // A list names the first type; a wildcard none (the caller's file says, else application/octet-stream).
        #expect(parts.map(\.contentType) == ["image/png", "image/png", nil, nil, "application/xml", nil])
        #expect(parts.map(\.isBase64) == [false, true, false, false, false, false])
        // Content-Type is the part's own field, not a header of the encoding's.
        #expect(parts[4].headers.map(\.name) == ["X-Rev", "X-Who"])
        #expect(parts[4].headers.map(\.value) == ["3", nil])
        #expect(parts[4].headers[1].swiftName == "metaXWho" && parts[4].headers[1].isRequired)
    }
}
