import AsyncHTTPClient
import AsyncHTTPClientTransport
import CambAI
import FlyingFox
import FlyingSocks
import Foundation
import Testing

/// A FlyingFox server on 127.0.0.1 that records each request and answers with the status and body given.
final class RecordingServer: @unchecked Sendable {
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
        let server = HTTPServer(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: 0), timeout: 5, logger: .disabled)
        self.server = server
        self.task = Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port)? = await server.listeningAddress else { throw URLError(.cannotConnectToHost) }
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

/// The CambAI client over `AsyncHTTPClientTransport`, against servers on 127.0.0.1 started by each test.
@Suite struct AsyncHTTPClientTransportTests {
    static let key = "sk-test-SECRET-0123456789"

    func client(_ url: URL, timeout: Duration? = nil, maximumResponseSize: Int? = nil) -> CambAIClient {
        CambAIClient(
            apiKey: Self.key, serverURL: url, transport: AsyncHTTPClientTransport(), timeout: timeout,
            maximumResponseSize: maximumResponseSize)
    }

    /// Calls the operation and returns the error it throws, recording an issue when it returns instead.
    func failure(of client: CambAIClient) async -> CambAIError? {
        do {
            let result = try await client.getDubbedOutputInAltFormat(
                runID: 1, language: .enUS, outputFormat: .audioOutputType(.wav))
            Issue.record("expected an error, got \(result)")
            return nil
        } catch {
            #expect(!String(describing: error).contains(Self.key))
            return error
        }
    }

    // MARK: Exchanges that complete

    @Test func sendsTheDocumentedRequestAndDecodesTheTask() async throws {
        let server = try await RecordingServer(status: 200, body: #"{"task_id":"t-1"}"#)
        let result = try await client(server.url).getDubbedOutputInAltFormat(
            runID: 42, language: .enUS, outputFormat: .audioOutputType(.mp3))
        await server.stop()
        #expect(result == .taskID(TaskID(taskID: "t-1")))
        let request = try #require(server.requests.first)
        #expect(server.requests.count == 1)
        #expect(request.method == "POST")
        #expect(request.path == "/apis/dub-alt-format/42/1")
        #expect(request.headers["x-api-key"] == Self.key)
        #expect(request.headers["content-type"] == "application/json")
        #expect(request.headers["accept"] == "application/json")
        #expect(String(decoding: request.body, as: UTF8.self) == #"{"output_format":"mp3"}"#)
    }

    @Test func decodesThePresignedURL() async throws {
        let server = try await RecordingServer(status: 200, body: #"{"output_url":"https://example.com/a.mp4"}"#)
        let result = try await client(server.url).getDubbedOutputInAltFormat(
            runID: 7, language: .frFR, outputFormat: .videoOutputTypeWithoutAVI(.mp4))
        await server.stop()
        #expect(
            result
                == .dubAltFormatResponseBody(
                    DubAltFormatResponseBody(outputURL: URL(string: "https://example.com/a.mp4")!)))
        // frFR is the document's language id 76.
        #expect(server.requests.first?.path == "/apis/dub-alt-format/7/76")
    }

    @Test func aValidationErrorIsTypedWithItsUndeclaredFields() async throws {
        let body = #"{"detail":[{"type":"enum","loc":["path","language"],"msg":"bad","input":"137"}]}"#
        let server = try await RecordingServer(status: 422, body: body)
        let error = await failure(of: client(server.url))
        await server.stop()
        guard
            case .documented(GetDubbedOutputInAltFormatFailure.unprocessableContent(let validation), let response)? =
                error
        else {
            Issue.record("expected .documented(.unprocessableContent), got \(String(describing: error))")
            return
        }
        #expect(response.statusCode == 422)
        #expect(response.value(forHeader: "x-trace") == "abc")
        #expect(
            validation.detail == [
                ValidationError(
                    loc: [.string("path"), .string("language")], msg: "bad", type: "enum",
                    additionalProperties: ["input": .string("137")])
            ])
    }

    @Test func anotherStatusKeepsItsHeadersAndBody() async throws {
        let server = try await RecordingServer(status: 503, body: "<h1>down</h1>", contentType: "text/html")
        let error = await failure(of: client(server.url))
        await server.stop()
        guard case .unexpectedStatus(let response)? = error else {
            Issue.record("expected .unexpectedStatus, got \(String(describing: error))")
            return
        }
        #expect(response.statusCode == 503)
        #expect(response.value(forHeader: "Content-Type") == "text/html")
        #expect(response.body == Data("<h1>down</h1>".utf8))
    }

    // MARK: Responses that do not arrive whole

    @Test func aRefusedConnectionIsATransportErrorAtTheDeadline() async throws {
        // A server that stopped: its port refuses connections. AsyncHTTPClient keeps trying to connect until the
        // request's deadline, then throws the last connection error (not `deadlineExceeded`): `.transport`.
        let server = try RawHTTPServer([])
        let url = server.url
        server.stop()
        try await Task.sleep(for: .milliseconds(200))
        let client = CambAIClient(
            apiKey: Self.key, serverURL: url, transport: AsyncHTTPClientTransport(deadline: .seconds(1)))
        let start = ContinuousClock.now
        let error = await failure(of: client)
        let elapsed = ContinuousClock.now - start
        guard case .transport(let underlying)? = error else {
            Issue.record("expected .transport, got \(String(describing: error))")
            return
        }
        #expect(String(describing: underlying).lowercased().contains("refused"), "\(underlying)")
        #expect(elapsed >= .seconds(1) && elapsed < .seconds(5), "took \(elapsed)")
    }

    @Test func withoutRetriesARefusedConnectionFailsAtOnce() async throws {
        let server = try RawHTTPServer([])
        let url = server.url
        server.stop()
        try await Task.sleep(for: .milliseconds(200))
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let client = CambAIClient(
            apiKey: Self.key, serverURL: url, transport: AsyncHTTPClientTransport(client: http, deadline: .seconds(30)))
        let start = ContinuousClock.now
        let error = await failure(of: client)
        let elapsed = ContinuousClock.now - start
        try await http.shutdown()
        guard case .transport(let underlying)? = error else {
            Issue.record("expected .transport, got \(String(describing: error))")
            return
        }
        #expect(String(describing: underlying).lowercased().contains("refused"), "\(underlying)")
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }

    @Test func aTruncatedBodyKeepsTheStatusAndTheBytesThatArrived() async throws {
        let partial = #"{"task_id":"abc"#
        let server = try RawHTTPServer([
            .head(["Content-Type: application/json", "Content-Length: 100"]), .text(partial),
        ])
        defer { server.stop() }
        let error = await failure(of: client(server.url))
        guard case .incompleteBody(let response, let expectedLength)? = error else {
            Issue.record("expected .incompleteBody, got \(String(describing: error))")
            return
        }
        #expect(expectedLength == 100)
        #expect(response.statusCode == 200)
        #expect(response.body == Data(partial.utf8))
    }

    @Test func aChunkedBodyThatStopsIsIncomplete() async throws {
        // One chunk of 11 bytes, then the connection closes without the last chunk.
        let server = try RawHTTPServer([
            .head(["Content-Type: application/json", "Transfer-Encoding: chunked"]), .text("b\r\n{\"task_id\":\r\n"),
        ])
        defer { server.stop() }
        let error = await failure(of: client(server.url))
        guard case .incompleteBody(let response, let expectedLength)? = error else {
            Issue.record("expected .incompleteBody, got \(String(describing: error))")
            return
        }
        #expect(expectedLength == nil)
        #expect(response.body == Data(#"{"task_id":"#.utf8))
    }

    @Test func anAnnouncedBodyOverTheLimitStopsAtOnce() async throws {
        let server = try RawHTTPServer([
            .head(["Content-Type: application/json", "Content-Length: 5000"]), .text(String(repeating: " ", count: 10)),
            .holdUntilClientCloses,
        ])
        defer { server.stop() }
        let error = await failure(of: client(server.url, maximumResponseSize: 1000))
        guard case .responseTooLarge(let response, let limit)? = error else {
            Issue.record("expected .responseTooLarge, got \(String(describing: error))")
            return
        }
        #expect(limit == 1000)
        #expect(response.statusCode == 200)
        #expect(response.body.isEmpty)
    }

    @Test func aStreamedBodyOverTheLimitKeepsTheLimit() async throws {
        // Chunked, so no length is announced: 3 chunks of 600 bytes ("258" in hexadecimal).
        let chunk = "258\r\n" + String(repeating: "x", count: 600) + "\r\n"
        let server = try RawHTTPServer([
            .head(["Content-Type: application/json", "Transfer-Encoding: chunked"]),
            .text(chunk + chunk + chunk + "0\r\n\r\n"),
        ])
        defer { server.stop() }
        let error = await failure(of: client(server.url, maximumResponseSize: 1000))
        guard case .responseTooLarge(let response, let limit)? = error else {
            Issue.record("expected .responseTooLarge, got \(String(describing: error))")
            return
        }
        #expect(limit == 1000)
        #expect(response.body == Data(String(repeating: "x", count: 1000).utf8))
    }

    // MARK: Time limits and cancellation

    @Test func theClientsTimeoutKeepsWhatArrived() async throws {
        let server = try RawHTTPServer([
            .head(["Content-Type: application/json", "Content-Length: 50"]), .text("0123456789"),
            .holdUntilClientCloses,
        ])
        defer { server.stop() }
        let start = ContinuousClock.now
        let error = await failure(of: client(server.url, timeout: .milliseconds(300)))
        let elapsed = ContinuousClock.now - start
        guard case .timedOut(let received?)? = error else {
            Issue.record("expected .timedOut with a response, got \(String(describing: error))")
            return
        }
        #expect(received.statusCode == 200)
        #expect(received.body == Data("0123456789".utf8))
        #expect(elapsed >= .milliseconds(300) && elapsed < .seconds(3), "took \(elapsed)")
        #expect(await server.wait(seconds: 3) { $0.clientClosed == 1 }, "the server saw no close")
    }

    @Test func theTransportsDeadlineIsATimeout() async throws {
        let server = try RawHTTPServer([.holdUntilClientCloses])
        defer { server.stop() }
        let client = CambAIClient(
            apiKey: Self.key, serverURL: server.url, transport: AsyncHTTPClientTransport(deadline: .milliseconds(300)))
        let start = ContinuousClock.now
        let error = await failure(of: client)
        let elapsed = ContinuousClock.now - start
        guard case .timedOut(nil)? = error else {
            Issue.record("expected .timedOut without a response, got \(String(describing: error))")
            return
        }
        #expect(elapsed < .seconds(3), "took \(elapsed)")
    }

    @Test func cancellingTheTaskCancelsTheRequest() async throws {
        let server = try RawHTTPServer([.holdUntilClientCloses])
        defer { server.stop() }
        let client = client(server.url)
        let task = Task { await failure(of: client) }
        #expect(await server.wait(seconds: 5) { $0.requests == 1 }, "the request did not arrive")
        task.cancel()
        let error = await task.value
        guard case .cancelled(nil)? = error else {
            Issue.record("expected .cancelled without a response, got \(String(describing: error))")
            return
        }
        #expect(await server.wait(seconds: 3) { $0.clientClosed == 1 }, "the server saw no close")
    }
}
