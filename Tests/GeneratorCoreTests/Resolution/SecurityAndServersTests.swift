import Foundation
import Testing

@testable import GeneratorCore

/// Which credentials each operation's requirements name, in which order, and which server each operation uses:
/// the resolver's decisions, without building anything (the compile fixtures `auth-kinds`, `server-choice` and
/// the field cases BR-40 and BR-48 check the requests themselves).
@Suite struct SecurityAndServersTests {
    func operation(_ module: IR.Module, _ name: String) throws -> IR.Operation {
        try #require(module.operations.first { $0.functionName == name })
    }

    @Test func requirementsBecomeAlternativesOfCredentials() throws {
        let text = try String(contentsOf: TestPaths.cases.appendingPathComponent("BR-40.yaml"), encoding: .utf8)
        let (module, diagnostics) = try resolve(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        // One credential per scheme, sorted by scheme name; a single scheme of a kind takes the kind's name.
        #expect(module.credentials.map(\.swiftName) == ["basicCredential", "bearerToken", "headerKey", "queryKey"])
        #expect(module.credentials.map(\.placement) == [.basic, .bearer, .header("X-API-Key"), .query("api_key")])
        #expect(try operation(module, "getHealth").security == [])  // security: []
        #expect(try operation(module, "getMe").security == [["bearerToken"]])  // the document's
        #expect(try operation(module, "getLegacy").security == [["queryKey"]])
        #expect(try operation(module, "getAdmin").security == [["basicCredential"]])
        #expect(try operation(module, "getEither").security == [["headerKey"], ["bearerToken"]])  // OR, in order
        #expect(try operation(module, "getBoth").security == [["headerKey", "queryKey"]])  // AND
    }

    @Test func optionalSecurityComesLastAndSchemeKindsAreNamed() throws {
        let (module, diagnostics) = try resolve(
            """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  security: [{}, {k: []}, {tls: []}]
                  responses: {'204': {description: ok}}
            components:
              securitySchemes:
                k: {type: apiKey, in: cookie, name: sid}
                d: {type: http, scheme: Digest}
                o: {type: oauth2, flows: {}}
                tls: {type: mutualTLS}
            """)
        #expect(
            diagnostics == [
                "t.yaml:13:10: warning: security scheme 'tls' is 'mutualTLS': requests carry nothing for it; give the "
                    + "transport the client certificate (a URLSessionConfiguration or a transport of your own)"
            ])
        #expect(module.credentials.map(\.swiftName) == ["d", "apiKey", "accessToken"])
        #expect(
            module.credentials.map(\.placement) == [.authorization(scheme: "Digest"), .cookie("sid"), .tokenProvider])
        // `{}` and the mutualTLS-only requirement send nothing: after the one that sends a key.
        #expect(try operation(module, "getA").security == [["apiKey"], []])
    }

    @Test func theNearestServersWin() throws {
        let text = try String(contentsOf: TestPaths.cases.appendingPathComponent("BR-48.yaml"), encoding: .utf8)
        let (module, diagnostics) = try resolve(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(module.defaultServerURL == "https://eu.api.example.com/v2")
        #expect(module.servers.map(\.defaultURL) == ["https://eu.api.example.com/v2", "http://localhost:8080/v2"])
        #expect(module.servers[0].variables.map(\.swiftName) == ["region", "basePath"])
        #expect(module.servers[0].variables[0].cases?.map { $0.caseName } == ["eu", "us"])
        #expect(module.servers[0].variables[1].cases == nil)
        #expect(try operation(module, "ping").server == nil)
        #expect(try operation(module, "listFiles").server?.defaultURL == "https://uploads.example.com/v1")
        #expect(try operation(module, "uploadFile").server?.defaultURL == "https://uploads.example.com/v1")
        #expect(try operation(module, "getReport").server?.defaultURL == "https://reports.example.com")
        // Each list of servers once, named after the first operation going to it (operations sort by path, then
        // method); the path item's second operation names it through a type alias of its own.
        #expect(module.operationServerLists.map(\.typeName) == ["ListFiles", "GetReport"])
        #expect(
            module.operationServerLists.map(\.pointer.description) == [
                "#/paths/~1files/servers", "#/paths/~1reports/get/servers",
            ])
        #expect(module.operationServerLists[0].operations.map(\.typeName) == ["ListFiles", "UploadFile"])
        #expect(module.operationServerLists[0].operations.map(\.functionName) == ["listFiles", "uploadFile"])
        #expect(try operation(module, "uploadFile").serverListTypeName == "UploadFile")
        #expect(try operation(module, "uploadFile").serverChoiceName == "uploadFile")
        #expect(try operation(module, "ping").serverListTypeName == nil)
    }

    /// Every server of a path item's or operation's list is resolved and checked, not only the first: a placeholder
    /// default is a warning (the operation's default becomes `serverURL`, the others stay to choose, named by their
    /// position), an unknown `{name}` an error at the URL. Namespaces are named after operations; one that would
    /// take a document server's or a standard type's name gets `Servers` appended.
    @Test func everyServerOfAnOperationIsResolvedAndNamed() throws {
        let (module, diagnostics) = try resolve(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            servers: [{url: 'https://api.example.com'}]
            paths:
              /a:
                servers:
                  - url: 'https://{agent}'
                    variables: {agent: {default: '{your-agent}'}}
                  - url: 'https://{zone}.example.com'
                    variables: {zone: {default: eu, enum: [eu, us]}}
                  - url: 'https://{zon}.example.com'
                    variables: {zone: {default: eu}}
                get:
                  operationId: server1
                  responses: {'204': {description: ok}}
                post:
                  operationId: url
                  requestBody:
                    content:
                      application/json: {schema: {type: object}}
                      text/plain: {schema: {type: string}}
                  responses: {'204': {description: ok}}
              /b:
                get:
                  operationId: default
                  servers:
                    - url: /relative
                  responses: {'204': {description: ok}}
            """)
        #expect(
            diagnostics == [
                "t.yaml:7:14: warning: server URL 'https://{agent}' gives 'https://{your-agent}' with its defaults, "
                    + "which is not a URL (an absolute one with a host, or a relative reference); requests use the "
                    + "client's serverURL instead",
                "t.yaml:11:14: error: server URL 'https://{zon}.example.com' uses '{zon}', which is not one of its "
                    + "'variables'; did you mean 'zone'?",
            ])
        let lists = module.operationServerLists
        #expect(lists.map(\.typeName) == ["Server1Servers", "Default"])
        // The third server of /a is left out; the first stays without a usable default; positions are kept.
        #expect(lists[0].servers.map(\.position) == [1, 2])
        #expect(lists[0].servers.map(\.isDefaultUsable) == [false, true])
        #expect(lists[0].servers[1].variables.map(\.typeName) == ["Zone"])
        #expect(lists[0].operations.map(\.typeName) == ["Server1Servers", "URLServers"])
        #expect(lists[1].servers.map(\.defaultURL) == ["/relative"])
        // The first server makes no URL, so no default: the operation goes to serverURL unless one is chosen.
        #expect(try operation(module, "server1").server == nil)
        #expect(try operation(module, "server1").serverListTypeName == "Server1Servers")
        // Both functions of `url` (a JSON and a text body) share its namespace and its property.
        let functions = module.operations.filter { $0.serverChoiceName == "url" }
        #expect(functions.map(\.functionName) == ["url", "urlText"])
        #expect(functions.map(\.serverListTypeName) == ["URLServers", "URLServers"])
        #expect(try operation(module, "`default`").serverChoiceName == "`default`")
        #expect(try operation(module, "`default`").server?.defaultURL == "/relative")
    }
    /// A server whose defaults make no URL (DigitalOcean's agent server, `https://{agent_url}` with the default
    /// `{your-agent-url}`) is a placeholder for the caller: a warning at the URL (line 9, column 16), and the
    /// operation uses `serverURL`.
    @Test func aPlaceholderServerFallsBackToTheClientsServerURL() throws {
        let (module, diagnostics) = try resolve(
            """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            servers: [{url: 'https://api.example.com'}]
            paths:
              /chat:
                post:
                  operationId: chat
                  servers:
                    - url: 'https://{agent_url}'
                      variables: {agent_url: {default: '{your-agent-url}'}}
                  responses: {'204': {description: ok}}
            """)
        #expect(
            diagnostics == [
                "t.yaml:9:16: warning: server URL 'https://{agent_url}' gives 'https://{your-agent-url}' with its "
                    + "defaults, which is not a URL (an absolute one with a host, or a relative reference); requests "
                    + "use the client's serverURL instead"
            ])
        #expect(try operation(module, "chat").server == nil)
        #expect(module.defaultServerURL == "https://api.example.com")
        // The server stays for the caller to choose, its placeholder variable without a default.
        let server = try #require(module.operationServerLists.first?.servers.first)
        #expect(!server.isDefaultUsable && !server.isRelative)
        #expect(server.variables.map(\.swiftName) == ["agentURL"])
        #expect(server.variables.map(\.isRequired) == [true])
    }
}
