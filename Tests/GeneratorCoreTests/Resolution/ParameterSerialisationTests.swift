import Testing

@testable import GeneratorCore

/// How parameters and form bodies are resolved: every location is kept (cookies included), styles and explode
/// take the specification's defaults, and what a style can express decides whether the generator accepts it.
@Suite struct ParameterSerialisationTests {
    static let header = """
        openapi: 3.1.0
        info: {title: T, version: '1'}

        """

    @Test func everyLocationIsKeptWithItsDefaultStyle() throws {
        let (module, diagnostics) = try resolve(
            Self.header + """
                paths:
                  /a/{id}:
                    get:
                      parameters:
                        - {name: id, in: path, required: true, schema: {type: integer}}
                        - {name: q, in: query, schema: {type: array, items: {type: string}}}
                        - {name: X-Tags, in: header, schema: {type: array, items: {type: string}}}
                        - {name: session, in: cookie, schema: {type: string}}
                        - {name: f, in: query, style: deepObject, explode: true, schema: {type: object}}
                        - name: j
                          in: query
                          content: {application/json: {schema: {type: object, properties: {a: {type: integer}}}}}
                      responses: {'204': {description: ok}}
                """)
        #expect(diagnostics.isEmpty)
        let parameters = try #require(module.operations.first?.parameters)
        #expect(parameters.map(\.location) == [.path, .query, .header, .cookie, .query, .query])
        #expect(parameters.map(\.style) == ["simple", "form", "simple", "form", "deepObject", "form"])
        // `explode` defaults to true for `form` only.
        #expect(parameters.map(\.explode) == [false, true, false, true, true, true])
        // Scalars and query arrays of scalars in their default style need no `ParameterEncoding`.
        #expect(parameters.map(\.isPlain) == [true, true, false, false, false, false])
        #expect(parameters.map(\.isJSONContent) == [false, false, false, false, false, true])
    }

    @Test func formBodyPropertiesFollowTheirEncodingObjects() throws {
        let (module, diagnostics) = try resolve(
            Self.header + """
                paths:
                  /f:
                    post:
                      requestBody:
                        required: true
                        content:
                          application/x-www-form-urlencoded:
                            schema:
                              type: object
                              properties:
                                a: {type: string}
                                m: {type: object, properties: {n: {type: object, properties: {o: {type: string}}}}}
                                j: {type: object, properties: {n: {type: object, properties: {o: {type: string}}}}}
                            encoding:
                              m: {style: deepObject, explode: true}
                              j: {contentType: application/json}
                      responses: {'204': {description: ok}}
                """)
        #expect(diagnostics.isEmpty)
        let body = try #require(module.operations.first?.requestBody)
        #expect(body.encoding == .form)
        #expect(body.flattenedProperties?.map(\.jsonName) == ["a", "m", "j"])
        #expect(body.formFields.map(\.jsonName) == ["m", "j"])
        #expect(body.formFields.map(\.style) == ["deepObject", "form"])
        #expect(body.formFields.map(\.isJSON) == [false, true])
    }

    /// JSON wins over a form when an operation offers both, as before.
    @Test func jsonIsPreferredToAForm() throws {
        let (module, _) = try resolve(
            Self.header + """
                paths:
                  /f:
                    post:
                      requestBody:
                        content:
                          application/x-www-form-urlencoded: {schema: {type: object, properties: {a: {type: string}}}}
                          application/json: {schema: {type: object, properties: {a: {type: string}}}}
                      responses: {'204': {description: ok}}
                """)
        #expect(module.operations.first?.requestBody?.encoding == .json)
    }

    @Test func recursiveSchemasNeedDeepObject() throws {
        let (_, diagnostics) = try resolve(
            Self.header + """
                paths:
                  /t:
                    get:
                      operationId: tree
                      parameters:
                        - {name: node, in: query, schema: {$ref: '#/components/schemas/Node'}}
                      responses: {'204': {description: ok}}
                components:
                  schemas:
                    Node: {type: object, properties: {child: {$ref: '#/components/schemas/Node'}}}
                """)
        #expect(
            diagnostics == [
                "t.yaml:8:11: error: query parameter 'node' of operation 'tree' cannot be sent in style 'form': its schema is recursive, and only 'deepObject' (or 'content: application/json') nests values"
            ])
    }
}
