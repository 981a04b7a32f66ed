import CambAI
import FlyingFox
import FlyingSocks
import Foundation
import Testing

/// A real HTTP server on 127.0.0.1, started by the test, that records each request and answers with a
/// status and body the test chooses.
final class LoopbackServer: @unchecked Sendable {
    struct Received: Sendable {
        var method: String
        var path: String
        var headers: [String: String]
        var body: Data
    }

    private let server: HTTPServer
    private let task: Task<Void, any Error>
    private let lock = NSLock()
    private var received: [Received] = []
    let port: UInt16

    init(status: Int, body: String, contentType: String = "application/json") async throws {
        let server = HTTPServer(
            address: try sockaddr_in.inet(ip4: "127.0.0.1", port: 0), timeout: 60, logger: .disabled)
        self.server = server
        self.task = Task { try await server.run() }
        try await server.waitUntilListening(timeout: 60)
        guard case .ip4(_, let port)? = await server.listeningAddress else {
            throw URLError(.cannotConnectToHost)
        }
        self.port = port
        let responseBody = Data(body.utf8)
        await server.appendRoute("*") { [weak self] request in
            var headers: [String: String] = [:]
            for (name, value) in request.headers { headers[name.rawValue.lowercased()] = value }
            let record = Received(
                method: request.method.rawValue, path: request.path, headers: headers, body: try await request.bodyData)
            self?.lock.withLock { self?.received.append(record) }
            return FlyingFox.HTTPResponse(
                statusCode: HTTPStatusCode(status, phrase: "Test"),
                headers: [HTTPHeader("Content-Type"): contentType, HTTPHeader("X-Trace"): "abc"],
                body: responseBody)
        }
    }

    var requests: [Received] { lock.withLock { received } }

    var url: URL { URL(string: "http://127.0.0.1:\(port)/apis")! }

    func stop() async {
        await server.stop(timeout: 1)
        task.cancel()
    }
}

@Suite(.serialized) struct ClientOverLoopbackTests {
    static let key = "sk-test-SECRET-0123456789"

    func client(_ server: LoopbackServer) -> CambAIClient {
        CambAIClient(apiKey: Self.key, serverURL: server.url)
    }

    /// Calls the operation with fixed arguments and returns the error it throws, recording an issue when it
    /// returns instead; also checks that the error's descriptions do not contain the API key.
    func failure(of client: CambAIClient) async -> CambAIError? {
        await operationFailure(of: client, hiding: Self.key)
    }

    @Test func sendsTheDocumentedRequestAndDecodesTheTask() async throws {
        let server = try await LoopbackServer(status: 200, body: #"{"task_id":"t-1"}"#)
        defer { Task { await server.stop() } }
        let result = try await client(server).getDubbedOutputInAltFormat(
            runID: 42, language: .enUS, outputFormat: .audioOutputType(.mp3))
        #expect(result == .taskID(TaskID(taskID: "t-1")))

        let request = try #require(server.requests.first)
        #expect(server.requests.count == 1)
        #expect(request.method == "POST")
        #expect(request.path == "/apis/dub-alt-format/42/1")
        #expect(request.headers["x-api-key"] == Self.key)
        #expect(request.headers["content-type"] == "application/json")
        #expect(String(decoding: request.body, as: UTF8.self) == #"{"output_format":"mp3"}"#)
    }

    @Test func decodesThePresignedURL() async throws {
        let server = try await LoopbackServer(status: 200, body: #"{"output_url":"https://example.com/a.mp3"}"#)
        defer { Task { await server.stop() } }
        let result = try await client(server).getDubbedOutputInAltFormat(
            runID: 7, language: .frFR, outputFormat: .videoOutputTypeWithoutAVI(.mp4))
        guard case .dubAltFormatResponseBody(let file) = result else {
            Issue.record("expected the file, got \(result)")
            return
        }
        #expect(file.outputURL?.absoluteString == "https://example.com/a.mp3")
        let request = try #require(server.requests.first)
        #expect(request.path == "/apis/dub-alt-format/7/\(Languages.frFR.rawValue)")
        #expect(String(decoding: request.body, as: UTF8.self) == #"{"output_format":"mp4"}"#)
    }

    @Test func validationErrorIsTyped() async throws {
        let body =
            #"{"detail":[{"loc":["path","run_id"],"msg":"Input should be a valid integer","type":"int_parsing"}]}"#
        let server = try await LoopbackServer(status: 422, body: body)
        defer { Task { await server.stop() } }
        let error = await failure(of: client(server))
        guard
            case .documented(GetDubbedOutputInAltFormatFailure.unprocessableContent(let validation), let response)? =
                error
        else {
            Issue.record("expected .documented(.unprocessableContent), got \(String(describing: error))")
            return
        }
        #expect(response.statusCode == 422)
        #expect(validation.detail?.first?.loc == [.string("path"), .string("run_id")])
        #expect(validation.detail?.first?.msg == "Input should be a valid integer")
    }

    @Test func undocumentedStatusKeepsCodeHeadersAndBody() async throws {
        let server = try await LoopbackServer(status: 503, body: "upstream busy", contentType: "text/plain")
        defer { Task { await server.stop() } }
        let error = await failure(of: client(server))
        guard case .unexpectedStatus(let response)? = error else {
            Issue.record("expected .unexpectedStatus, got \(String(describing: error))")
            return
        }
        #expect(response.statusCode == 503)
        #expect(response.body == Data("upstream busy".utf8))
        #expect(response.value(forHeader: "x-trace") == "abc")
    }

    @Test func bodyThatIsNotJSONIsADecodingError() async throws {
        // Declared JSON that is not: `.decoding` (with another Content-Type it is `.unexpectedContentType`).
        let server = try await LoopbackServer(status: 200, body: "<html>oops</html>")
        defer { Task { await server.stop() } }
        let error = await failure(of: client(server))
        guard case .decoding(_, let expectedType, let response)? = error else {
            Issue.record("expected .decoding, got \(String(describing: error))")
            return
        }
        #expect(expectedType == "GetDubbedOutputInAltFormatResponse")
        #expect(response.statusCode == 200)
        #expect(response.body == Data("<html>oops</html>".utf8))
    }

    @Test func refusedConnectionIsATransportError() async throws {
        let server = try await LoopbackServer(status: 200, body: "{}")
        let url = server.url
        await server.stop()
        let error = await failure(of: CambAIClient(apiKey: Self.key, serverURL: url))
        guard case .transport? = error else {
            Issue.record("expected .transport, got \(String(describing: error))")
            return
        }
    }
}

@Suite struct ClientInMemoryTests {
    static let key = "sk-memory-SECRET-42"

    @Test func buildsTheRequestByHand() async throws {
        let transport = InMemoryTransport { _ in
            CambAIResponse(statusCode: 200, body: Data(#"{"task_id":"t-9"}"#.utf8))
        }
        let client = CambAIClient(apiKey: Self.key, transport: transport)
        let result = try await client.getDubbedOutputInAltFormat(
            runID: 42, language: .enUS, outputFormat: .audioOutputType(.mp3))
        #expect(result == .taskID(TaskID(taskID: "t-9")))
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.url.absoluteString == "https://client.camb.ai/apis/dub-alt-format/42/1")
        #expect(request.headerFields["x-api-key"] == Self.key)
        #expect(request.headerFields["Content-Type"] == "application/json")
        #expect(request.body == Data(#"{"output_format":"mp3"}"#.utf8))
    }

    @Test func everyErrorKindIsTypedAndHidesTheKey() async throws {
        let cases: [(Int, String, (CambAIError) -> Bool)] = [
            (
                422, #"{"detail":[]}"#,
                {
                    if case .documented(GetDubbedOutputInAltFormatFailure.unprocessableContent(let body), _) = $0 {
                        body.detail == []
                    } else {
                        false
                    }
                }
            ),
            (
                404, "not here",
                { if case .unexpectedStatus(let response) = $0 { response.statusCode == 404 } else { false } }
            ),
            (200, "[1,2]", { if case .decoding = $0 { true } else { false } }),
            (422, "not json", { if case .decoding(_, "HTTPValidationError", _) = $0 { true } else { false } }),
        ]
        for (status, body, matches) in cases {
            let transport = InMemoryTransport { _ in CambAIResponse(statusCode: status, body: Data(body.utf8)) }
            let client = CambAIClient(apiKey: Self.key, transport: transport)
            do {
                _ = try await client.getDubbedOutputInAltFormat(
                    runID: 1, language: .enUS, outputFormat: .audioOutputType(.aac))
                Issue.record("status \(status) with \(body): expected an error")
            } catch {
                #expect(matches(error), "status \(status) with \(body): got \(error)")
                #expect(!String(describing: error).contains(Self.key))
                #expect(!String(reflecting: error).contains(Self.key))
            }
        }
    }

    @Test func transportFailureIsTyped() async throws {
        let transport = InMemoryTransport { _ in throw URLError(.cannotConnectToHost) }
        let client = CambAIClient(apiKey: Self.key, transport: transport)
        do {
            _ = try await client.getDubbedOutputInAltFormat(
                runID: 1, language: .enUS, outputFormat: .audioOutputType(.aac))
            Issue.record("expected an error")
        } catch {
            guard case .transport(let underlying) = error else {
                Issue.record("expected .transport, got \(error)")
                return
            }
            #expect((underlying as? URLError)?.code == .cannotConnectToHost)
            #expect(!String(describing: error).contains(Self.key))
        }
    }

    @Test func clientAndRequestDescriptionsHideTheKey() async throws {
        let transport = InMemoryTransport { _ in CambAIResponse(statusCode: 200, body: Data("{}".utf8)) }
        let client = CambAIClient(apiKey: Self.key, transport: transport)
        _ = try await client.getDubbedOutputInAltFormat(runID: 1, language: .enUS, outputFormat: .audioOutputType(.aac))
        var dumped = ""
        dump(client, to: &dumped)
        #expect(!dumped.contains(Self.key))
        #expect(!String(describing: client).contains(Self.key))
        #expect(!String(reflecting: client).contains(Self.key))
        let request = try #require(transport.requests.first)
        #expect(!String(describing: request).contains(Self.key))
    }
}
