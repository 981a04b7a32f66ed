import CambAI
import FlyingFox
import FlyingSocks
import Foundation
import Testing

// The runtime's request and response types, named once here (FlyingFox has types of the same names).
typealias RuntimeRequest = CambAIRequest
typealias RuntimeResponse = CambAIResponse

/// A server on 127.0.0.1 that answers each request with the next reply of a script (the last one repeats),
/// and records when each request arrived and its header fields.
final class ScriptedServer: @unchecked Sendable {
    struct Reply: Sendable {
        var status: Int
        var headers: [String: String] = [:]
        var body: String = ""
        /// How long to wait before answering.
        var delay: Duration = .zero
        /// When set, a `Retry-After` HTTP-date this many seconds after the moment of answering, in the preferred
        /// form, written with `DateFormatter` (whole seconds, so the wait it asks for is up to 1 second less).
        var retryAfterDate: TimeInterval? = nil
    }

    struct Arrival: Sendable {
        var method: String
        var headers: [String: String]
        var time: ContinuousClock.Instant
    }

    private let server: HTTPServer
    private let task: Task<Void, any Error>
    private let lock = NSLock()
    private var arrived: [Arrival] = []
    let port: UInt16

    init(_ replies: [Reply]) async throws {
        let server = HTTPServer(
            address: try sockaddr_in.inet(ip4: "127.0.0.1", port: 0), timeout: 60, logger: .disabled)
        self.server = server
        self.task = Task { try await server.run() }
        try await server.waitUntilListening(timeout: 30)
        guard case .ip4(_, let port)? = await server.listeningAddress else { throw URLError(.cannotConnectToHost) }
        self.port = port
        await server.appendRoute("*") { [weak self] request in
            var headers: [String: String] = [:]
            for (name, value) in request.headers { headers[name.rawValue.lowercased()] = value }
            let arrival = Arrival(method: request.method.rawValue, headers: headers, time: .now)
            let index = self?.lock.withLock { () -> Int in
                self?.arrived.append(arrival)
                return (self?.arrived.count ?? 1) - 1
            }
            let reply = replies[min(index ?? 0, replies.count - 1)]
            if reply.delay > .zero { try? await Task.sleep(for: reply.delay) }
            var fields: HTTPHeaders = [HTTPHeader("Content-Type"): "application/json"]
            for (name, value) in reply.headers { fields[HTTPHeader(name)] = value }
            if let ahead = reply.retryAfterDate {
                let formatter = DateFormatter()
                formatter.locale = Locale(identifier: "en_US_POSIX")
                formatter.timeZone = TimeZone(identifier: "GMT")
                formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
                fields[HTTPHeader("Retry-After")] = formatter.string(from: Date().addingTimeInterval(ahead))
            }
            return FlyingFox.HTTPResponse(
                statusCode: HTTPStatusCode(reply.status, phrase: "Test"), headers: fields, body: Data(reply.body.utf8))
        }
    }

    var arrivals: [Arrival] { lock.withLock { arrived } }

    var url: URL { URL(string: "http://127.0.0.1:\(port)/apis")! }

    /// The time between the arrivals of requests `index - 1` and `index`, in seconds.
    func gap(before index: Int) -> Double {
        let arrivals = self.arrivals
        return seconds(arrivals[index].time - arrivals[index - 1].time)
    }

    func stop() async {
        await server.stop(timeout: 1)
        task.cancel()
    }
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Answers from a list of results in order (the last one repeats) and counts the calls; for middleware
/// called directly, without a client.
final class Script: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Result<CambAIResponse, CambAIError>]
    private var _requests: [CambAIRequest] = []

    init(_ results: [Result<CambAIResponse, CambAIError>]) {
        self.results = results
    }

    var requests: [CambAIRequest] { lock.withLock { _requests } }

    func next(_ request: CambAIRequest) async throws(CambAIError) -> CambAIResponse {
        let result = lock.withLock {
            _requests.append(request)
            return results.count > 1 ? results.removeFirst() : results[0]
        }
        return try result.get()
    }
}

/// Collects log entries.
final class LogBook: @unchecked Sendable {
    private let lock = NSLock()
    private var _entries: [CambAILoggingMiddleware.Entry] = []
    var entries: [CambAILoggingMiddleware.Entry] { lock.withLock { _entries } }
    func log(_ entry: CambAILoggingMiddleware.Entry) { lock.withLock { _entries.append(entry) } }
}

private let ok = #"{"task_id":"t-1"}"#
private let dub = CambAIOperation(id: "dub", method: "POST", path: "/dub-alt-format/{run_id}/{language}")

private func call(_ client: CambAIClient) async throws(CambAIError) -> GetDubbedOutputInAltFormatResponse {
    try await client.getDubbedOutputInAltFormat(runID: 42, language: .enUS, outputFormat: .audioOutputType(.mp3))
}

/// Calls the operation and returns the error it throws, recording an issue when it returns.
private func failure(of client: CambAIClient) async -> CambAIError? {
    do {
        let result = try await call(client)
        Issue.record("expected an error, got \(result)")
        return nil
    } catch {
        return error
    }
}

/// A middleware with what it passes requests on to, as one `next` function (a chain of two, without a client).
private func chain(_ middleware: any CambAIMiddleware, _ next: @escaping CambAIMiddleware.Next) -> CambAIMiddleware.Next
{
    { (request: RuntimeRequest) async throws(CambAIError) -> RuntimeResponse in
        do {
            return try await middleware.intercept(request, operation: dub, next: next)
        } catch let error as CambAIError {
            throw error
        } catch {
            throw .transport(error)
        }
    }
}

private func response(_ status: Int, _ headers: [String: String] = [:]) -> Result<RuntimeResponse, CambAIError> {
    .success(RuntimeResponse(statusCode: status, headerFields: headers))
}

// MARK: - Retry

@Suite(.serialized) struct RetryMiddlewareTests {
    static let key = "sk-retry-SECRET-314"

    /// A retry middleware for the document's only operation, a POST: tests name POST among the methods.
    func client(_ url: URL, _ retry: CambAIRetryMiddleware, timeout: Duration? = nil) -> CambAIClient {
        CambAIClient(apiKey: Self.key, serverURL: url, middlewares: [retry], timeout: timeout)
    }

    @Test func retriesA503AfterItsRetryAfterSeconds() async throws {
        let server = try await ScriptedServer([
            .init(status: 503, headers: ["Retry-After": "1"], body: "busy"), .init(status: 200, body: ok),
        ])
        defer { Task { await server.stop() } }
        // The bounds are generous for a loaded machine, yet a backoff of 60 seconds would fail them: the 1 second
        // of Retry-After is what is waited.
        let retry = CambAIRetryMiddleware(initialDelay: .seconds(60), jitter: 0, methods: ["POST"])
        let result = try await call(client(server.url, retry))
        #expect(result == .taskID(TaskID(taskID: "t-1")))
        #expect(server.arrivals.count == 2)
        #expect(server.arrivals.map(\.method) == ["POST", "POST"])
        #expect(server.arrivals[1].headers["x-api-key"] == Self.key)
        #expect(server.gap(before: 1) >= 0.95)
        #expect(server.gap(before: 1) < 30)
    }

    @Test func honoursAnHTTPDateOn429() async throws {
        // Three seconds after the 429 is sent, in whole seconds: a wait of 2 to 3 seconds, less the time the 429
        // takes to arrive (a second is allowed for a loaded machine); a backoff of 60 seconds would fail the bound.
        let server = try await ScriptedServer([
            .init(status: 429, retryAfterDate: 3), .init(status: 200, body: ok),
        ])
        defer { Task { await server.stop() } }
        let retry = CambAIRetryMiddleware(initialDelay: .seconds(60), jitter: 0, methods: ["POST"])
        let result = try await call(client(server.url, retry))
        #expect(result == .taskID(TaskID(taskID: "t-1")))
        #expect(server.arrivals.count == 2)
        #expect(server.gap(before: 1) >= 1)
        #expect(server.gap(before: 1) < 30)
    }

    @Test func postIsNotRetriedByDefault() async throws {
        let server = try await ScriptedServer([.init(status: 503, headers: ["Retry-After": "0"], body: "busy")])
        defer { Task { await server.stop() } }
        let error = await failure(of: client(server.url, CambAIRetryMiddleware(initialDelay: .milliseconds(10))))
        guard case .unexpectedStatus(let response)? = error else {
            Issue.record("expected .unexpectedStatus, got \(String(describing: error))")
            return
        }
        #expect(response.statusCode == 503)
        #expect(server.arrivals.count == 1)
    }

    @Test func exhaustedAttemptsGiveTheLastResponsesTypedError() async throws {
        let server = try await ScriptedServer([
            .init(status: 503, body: "first"), .init(status: 503, body: "second"), .init(status: 503, body: "third"),
            .init(status: 200, body: ok),
        ])
        defer { Task { await server.stop() } }
        let retry = CambAIRetryMiddleware(
            maximumAttempts: 3, initialDelay: .milliseconds(100), multiplier: 2, jitter: 0, methods: ["POST"])
        let start = ContinuousClock.now
        let error = await failure(of: client(server.url, retry))
        let elapsed = seconds(.now - start)
        guard case .unexpectedStatus(let response)? = error else {
            Issue.record("expected .unexpectedStatus, got \(String(describing: error))")
            return
        }
        #expect(response.statusCode == 503)
        #expect(response.body == Data("third".utf8))
        #expect(server.arrivals.count == 3)
        // Backoff without jitter: 100 ms, then 200 ms.
        #expect(server.gap(before: 1) >= 0.095)
        #expect(server.gap(before: 2) >= 0.195)
        #expect(elapsed >= 0.29)
    }

    @Test func cancellingDuringTheWaitStopsAtOnceWithTheLastResponse() async throws {
        let server = try await ScriptedServer([
            .init(status: 503, headers: ["Retry-After": "120"], body: "busy"), .init(status: 200, body: ok),
        ])
        defer { Task { await server.stop() } }
        let client = client(server.url, CambAIRetryMiddleware(maximumRetryAfter: .seconds(300), methods: ["POST"]))
        let task = Task { await failure(of: client) }
        for _ in 0..<3000 where server.arrivals.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        #expect(server.arrivals.count == 1)
        try await Task.sleep(for: .milliseconds(100))  // into the 2-minute wait
        let start = ContinuousClock.now
        task.cancel()
        let error = await task.value
        #expect(seconds(.now - start) < 20)  // the wait would last 2 minutes
        guard case .cancelled(let received?)? = error else {
            Issue.record("expected .cancelled with the 503, got \(String(describing: error))")
            return
        }
        #expect(received.statusCode == 503)
        #expect(received.body == Data("busy".utf8))
        try await Task.sleep(for: .milliseconds(200))
        #expect(server.arrivals.count == 1)
    }

    @Test func theClientTimeoutBoundsEveryAttemptAndWait() async throws {
        let server = try await ScriptedServer([.init(status: 503, headers: ["Retry-After": "120"], body: "busy")])
        defer { Task { await server.stop() } }
        let start = ContinuousClock.now
        let retry = CambAIRetryMiddleware(maximumRetryAfter: .seconds(300), methods: ["POST"])
        let error = await failure(of: client(server.url, retry, timeout: .milliseconds(500)))
        let elapsed = seconds(.now - start)
        guard case .timedOut(let received?)? = error else {
            Issue.record("expected .timedOut with the 503, got \(String(describing: error))")
            return
        }
        #expect(received.statusCode == 503)
        #expect(elapsed >= 0.45)
        #expect(elapsed < 20)  // the wait would last 2 minutes
        #expect(server.arrivals.count == 1)
    }

    @Test func retriesARefusedConnectionOnlyForTheMethodsNamed() async throws {
        let server = try await ScriptedServer([.init(status: 200, body: ok)])
        let url = server.url
        await server.stop()
        let counter = Script([response(200)])
        /// Counts each send, then sends for real to the closed port.
        struct CountingTransport: CambAITransport {
            let counter: Script
            let transport = CambAIURLSessionTransport()
            func send(_ request: RuntimeRequest) async throws -> RuntimeResponse {
                _ = try? await counter.next(request)
                return try await transport.send(request)
            }
        }
        let retry = CambAIRetryMiddleware(
            maximumAttempts: 3, initialDelay: .milliseconds(10), jitter: 0, methods: ["POST"])
        let client = CambAIClient(
            apiKey: Self.key, serverURL: url, transport: CountingTransport(counter: counter), middlewares: [retry])
        let error = await failure(of: client)
        guard case .transport? = error else {
            Issue.record("expected .transport, got \(String(describing: error))")
            return
        }
        #expect(counter.requests.count == 3)

        let once = Script([response(200)])
        let plain = CambAIClient(
            apiKey: Self.key, serverURL: url, transport: CountingTransport(counter: once),
            middlewares: [CambAIRetryMiddleware(initialDelay: .milliseconds(10))])
        let plainError = await failure(of: plain)
        guard case .transport? = plainError else {
            Issue.record("expected .transport, got \(String(describing: plainError))")
            return
        }
        #expect(once.requests.count == 1)
    }

    @Test func retriesIdempotentMethodsOnly() async throws {
        let expected = [
            "GET": 2, "HEAD": 2, "OPTIONS": 2, "PUT": 2, "DELETE": 2, "TRACE": 2, "POST": 1, "PATCH": 1, "get": 2,
        ]
        let retry = CambAIRetryMiddleware(initialDelay: .milliseconds(1), jitter: 0)
        for (method, attempts) in expected {
            let script = Script([response(503), response(200)])
            let request = RuntimeRequest(method: method, url: URL(string: "https://example.com/x")!)
            let result = try await retry.intercept(request, operation: dub, next: script.next)
            #expect(script.requests.count == attempts, "\(method)")
            #expect(result.statusCode == (attempts == 2 ? 200 : 503), "\(method)")
        }
    }

    @Test func retriesTransportFailuresButNotOtherErrors() async throws {
        let retry = CambAIRetryMiddleware(initialDelay: .milliseconds(1), jitter: 0)
        let request = RuntimeRequest(method: "GET", url: URL(string: "https://example.com/x")!)
        let failures: [(CambAIError, Int)] = [
            (.transport(URLError(.networkConnectionLost)), 2),
            (.incompleteBody(RuntimeResponse(statusCode: 200), expectedLength: 10), 2),
            (.timedOut(received: nil), 2),
            (.cancelled(received: nil), 1),
            (.responseTooLarge(RuntimeResponse(statusCode: 200), limit: 1), 1),
        ]
        for (error, attempts) in failures {
            let script = Script([.failure(error), response(200)])
            let result = try? await retry.intercept(request, operation: dub, next: script.next)
            #expect(script.requests.count == attempts, "\(error)")
            #expect(result?.statusCode == (attempts == 2 ? 200 : nil), "\(error)")
        }
    }

    @Test func aRetryAfterOverTheLimitIsNotWaitedFor() async throws {
        let retry = CambAIRetryMiddleware(initialDelay: .milliseconds(1), maximumRetryAfter: .seconds(5))
        let script = Script([response(503, ["retry-after": "100"]), response(200)])
        let request = RuntimeRequest(method: "GET", url: URL(string: "https://example.com/x")!)
        let start = ContinuousClock.now
        let result = try await retry.intercept(request, operation: dub, next: script.next)
        #expect(result.statusCode == 503)
        #expect(script.requests.count == 1)
        #expect(seconds(.now - start) < 20)  // the wait would last 100 seconds
    }

    @Test func otherStatusesAreNotRetried() async throws {
        let retry = CambAIRetryMiddleware(initialDelay: .milliseconds(1), jitter: 0)
        let request = RuntimeRequest(method: "GET", url: URL(string: "https://example.com/x")!)
        for (status, attempts) in [(500, 1), (404, 1), (429, 2), (502, 2), (503, 2), (504, 2), (200, 1)] {
            let script = Script([response(status), response(201)])
            _ = try await retry.intercept(request, operation: dub, next: script.next)
            #expect(script.requests.count == attempts, "\(status)")
        }
    }

    @Test func backoffDoublesUpToTheMaximum() {
        let exact = CambAIRetryMiddleware(
            initialDelay: .milliseconds(500), multiplier: 2, maximumDelay: .seconds(3), jitter: 0)
        #expect((1...6).map { exact.backoff(after: $0) } == [0.5, 1, 2, 3, 3, 3].map { Duration.seconds($0) })
        let jittered = CambAIRetryMiddleware(initialDelay: .seconds(1), multiplier: 3, jitter: 0.5)
        for _ in 0..<200 {
            let second = seconds(jittered.backoff(after: 2))  // 3 seconds, less up to half
            #expect(second >= 1.5 && second <= 3)
        }
    }

    @Test func readsRetryAfterInSecondsAndInEachHTTPDateForm() {
        // RFC 9110's example instant, 1994-11-06T08:49:37Z, is 784111777 seconds after 1970.
        let now = Date(timeIntervalSince1970: 784_111_777 - 10)
        #expect(CambAIRetryMiddleware.delay(retryAfter: "120", now: now) == .seconds(120))
        #expect(CambAIRetryMiddleware.delay(retryAfter: " 0 ", now: now) == .seconds(0))
        #expect(CambAIRetryMiddleware.delay(retryAfter: "Sun, 06 Nov 1994 08:49:37 GMT", now: now) == .seconds(10))
        #expect(CambAIRetryMiddleware.delay(retryAfter: "Sunday, 06-Nov-94 08:49:37 GMT", now: now) == .seconds(10))
        #expect(CambAIRetryMiddleware.delay(retryAfter: "Sun Nov  6 08:49:37 1994", now: now) == .seconds(10))
        // A date already past asks for no wait.
        #expect(CambAIRetryMiddleware.delay(retryAfter: "Sun, 06 Nov 1994 08:49:27 GMT", now: now) == .seconds(0))
        #expect(CambAIRetryMiddleware.delay(retryAfter: "Sat, 05 Nov 1994 08:49:37 GMT", now: now) == .seconds(0))
        for bad in ["", "-5", "1.5", "soon", "Sun, 31 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT"] {
            #expect(CambAIRetryMiddleware.delay(retryAfter: bad, now: now) == nil, "\(bad)")
        }
    }
}

// MARK: - Logging

@Suite(.serialized) struct LoggingMiddlewareTests {
    static let key = "sk-logging-SECRET-2718"

    @Test func logsEachExchangeWithoutTheKey() async throws {
        let server = try await ScriptedServer([
            .init(status: 200, headers: ["X-Session-Token": "session-SECRET"], body: ok)
        ])
        defer { Task { await server.stop() } }
        let book = LogBook()
        let client = CambAIClient(
            apiKey: Self.key, serverURL: server.url, middlewares: [CambAILoggingMiddleware(log: book.log)])
        _ = try await call(
            client.with(
                CambAIRequestOptions(headerFields: [
                    "Authorization": "Bearer token-SECRET", "Cookie": "sid=cookie-SECRET",
                ])))

        let entries = book.entries
        try #require(entries.count == 2)
        let url = "http://127.0.0.1:\(server.port)/apis/dub-alt-format/42/1"
        #expect(entries[0].kind == .request)
        #expect(entries[0].method == "POST")
        #expect(entries[0].url == url)
        #expect(
            entries[0].operation
                == CambAIOperation(
                    id: "get_dubbed_output_in_alt_format_dub_alt_format__run_id___language__post", method: "POST",
                    path: "/dub-alt-format/{run_id}/{language}"))
        #expect(entries[0].headerFields["x-api-key"] == "<redacted>")
        #expect(entries[0].headerFields["Authorization"] == "<redacted>")
        #expect(entries[0].headerFields["Cookie"] == "<redacted>")
        #expect(entries[0].headerFields["Content-Type"] == "application/json")
        #expect(entries[0].description == "POST " + url)
        #expect(entries[1].kind == .response)
        #expect(entries[1].statusCode == 200)
        #expect(entries[1].headerFields["X-Session-Token"] == "<redacted>")
        let duration = try #require(entries[1].duration)
        #expect(duration > .zero && duration < .seconds(60))
        #expect(entries[1].description.hasPrefix("POST " + url + " -> 200 in "))
        #expect(entries[1].description.hasSuffix(" ms"))
        for entry in entries {
            var dumped = ""
            dump(entry, to: &dumped)
            for text in [String(describing: entry), String(reflecting: entry), dumped] {
                #expect(!text.contains(Self.key))
                #expect(!text.contains("SECRET"))
            }
        }
        // The server did receive the credentials: only the log leaves them out.
        #expect(server.arrivals.first?.headers["x-api-key"] == Self.key)
        #expect(server.arrivals.first?.headers["cookie"] == "sid=cookie-SECRET")
    }

    @Test func redactsQueryCredentialsAndUserInfo() {
        let logging = CambAILoggingMiddleware(redactedNames: ["Tenant"], log: { _ in })
        let url = URL(
            string: "https://user:pass-SECRET@api.example.com/v1/pets?api_key=k1&limit=10&access_token=t%201"
                + "&X-Amz-Signature=abc&q=a%20b&tenant=acme&x-api-key=k2&flag#part")!
        #expect(
            logging.redacted(url)
                == "https://api.example.com/v1/pets?api_key=<redacted>&limit=10&access_token=<redacted>"
                + "&X-Amz-Signature=<redacted>&q=a%20b&tenant=<redacted>&x-api-key=<redacted>&flag")
        #expect(logging.redacted(URL(string: "http://127.0.0.1:8080/a/b")!) == "http://127.0.0.1:8080/a/b")
        #expect(
            logging.redacted(["Accept": "a", "X-API-KEY": "k", "Proxy-Authorization": "p", "X-Tenant": "t"])
                == ["Accept": "a", "X-API-KEY": "<redacted>", "Proxy-Authorization": "<redacted>", "X-Tenant": "t"])
        // The document's own credential header is redacted by name.
        #expect(CambAILoggingMiddleware.credentialNames == ["x-api-key"])
    }

    @Test func logsAFailureWithItsDescription() async throws {
        let server = try await ScriptedServer([.init(status: 200, body: ok)])
        let url = server.url
        await server.stop()
        let book = LogBook()
        let client = CambAIClient(
            apiKey: Self.key, serverURL: url, middlewares: [CambAILoggingMiddleware(log: book.log)])
        let error = await failure(of: client)
        guard case .transport? = error else {
            Issue.record("expected .transport, got \(String(describing: error))")
            return
        }
        let entries = book.entries
        try #require(entries.count == 2)
        #expect(entries[1].kind == .failure)
        #expect(entries[1].statusCode == nil)
        #expect(entries[1].error?.hasPrefix("no response: ") == true)
        #expect(entries[1].description.contains(" -> failed in "))
        #expect(!entries[1].description.contains(Self.key))
    }

    @Test func itsPlaceBesideRetryDecidesWhatItSees() async throws {
        let script = Script([response(503), response(200)])
        let retry = CambAIRetryMiddleware(initialDelay: .milliseconds(1), jitter: 0, methods: ["POST"])
        let request = RuntimeRequest(method: "POST", url: URL(string: "https://example.com/x")!)

        let outer = LogBook()
        let outerChain = CambAILoggingMiddleware(log: outer.log)
        _ = try await outerChain.intercept(request, operation: dub, next: chain(retry, script.next))
        #expect(outer.entries.map(\.kind) == [.request, .response])
        #expect(outer.entries.map(\.statusCode) == [nil, 200])

        let inner = LogBook()
        let innerLogging = CambAILoggingMiddleware(log: inner.log)
        let again = Script([response(503), response(200)])
        _ = try await retry.intercept(request, operation: dub, next: chain(innerLogging, again.next))
        #expect(inner.entries.map(\.kind) == [.request, .response, .request, .response])
        #expect(inner.entries.map(\.statusCode) == [nil, 503, nil, 200])
    }
}

// MARK: - Order, custom middleware, per-call options

/// Adds a header naming itself, and records what it sees in a shared journal.
struct Tagging: CambAIMiddleware {
    let name: String
    let journal: Journal

    func intercept(_ request: RuntimeRequest, operation: CambAIOperation, next: Next) async throws -> RuntimeResponse {
        journal.write("\(name) request \(request.headerFields["X-Tags"] ?? "")")
        var request = request
        request.headerFields["X-Tags"] = (request.headerFields["X-Tags"].map { $0 + "," } ?? "") + name
        var response = try await next(request)
        journal.write("\(name) response \(response.statusCode)")
        response.statusCode += 1
        return response
    }
}

final class Journal: @unchecked Sendable {
    private let lock = NSLock()
    private var _lines: [String] = []
    var lines: [String] { lock.withLock { _lines } }
    func write(_ line: String) { lock.withLock { _lines.append(line) } }
}

/// Sends a token, and on 401 fetches a new one and sends the request again: what the issue says needed a
/// whole transport before.
struct RefreshingToken: CambAIMiddleware {
    let tokens: Script

    func intercept(_ request: RuntimeRequest, operation: CambAIOperation, next: Next) async throws -> RuntimeResponse {
        var request = request
        request.headerFields["Authorization"] = "Bearer old"
        let response = try await next(request)
        guard response.statusCode == 401 else { return response }
        request.headerFields["Authorization"] =
            "Bearer " + String(decoding: try await tokens.next(request).body, as: UTF8.self)
        return try await next(request)
    }
}

@Suite struct MiddlewareChainTests {
    static let key = "sk-chain-SECRET-161"

    @Test func theFirstMiddlewareIsOutermost() async throws {
        let journal = Journal()
        let transport = InMemoryTransport { request in
            journal.write("transport \(request.headerFields["X-Tags"] ?? "")")
            return RuntimeResponse(statusCode: 200, body: Data(ok.utf8))
        }
        let client = CambAIClient(
            apiKey: Self.key, transport: transport,
            middlewares: [Tagging(name: "a", journal: journal), Tagging(name: "b", journal: journal)])
        // Each Tagging adds 1 to the status on the way back: the operation sees 202, which it does not document.
        let error = await failure(of: client)
        guard case .unexpectedStatus(let response)? = error else {
            Issue.record("expected .unexpectedStatus, got \(String(describing: error))")
            return
        }
        #expect(response.statusCode == 202)
        #expect(journal.lines == ["a request ", "b request a", "transport a,b", "b response 200", "a response 201"])
    }

    @Test func aMiddlewareCanRefreshATokenAndSendAgain() async throws {
        let transport = InMemoryTransport { request in
            request.headerFields["Authorization"] == "Bearer new"
                ? RuntimeResponse(statusCode: 200, body: Data(ok.utf8)) : RuntimeResponse(statusCode: 401)
        }
        let tokens = Script([.success(RuntimeResponse(statusCode: 200, body: Data("new".utf8)))])
        let client = CambAIClient(
            apiKey: Self.key, transport: transport, middlewares: [RefreshingToken(tokens: tokens)])
        #expect(try await call(client) == .taskID(TaskID(taskID: "t-1")))
        #expect(transport.requests.map { $0.headerFields["Authorization"] } == ["Bearer old", "Bearer new"])
        #expect(tokens.requests.count == 1)
    }

    @Test func errorsAMiddlewareThrowsAreClassified() async throws {
        struct Failing: CambAIMiddleware {
            let error: any Error
            func intercept(_ request: RuntimeRequest, operation: CambAIOperation, next: Next) async throws
                -> RuntimeResponse
            {
                throw error
            }
        }
        struct Oops: Error {}
        let transport = InMemoryTransport { _ in RuntimeResponse(statusCode: 200, body: Data(ok.utf8)) }
        func client(_ error: any Error) -> CambAIClient {
            CambAIClient(apiKey: Self.key, transport: transport, middlewares: [Failing(error: error)])
        }
        guard case .transport(let underlying)? = await failure(of: client(Oops())) else {
            Issue.record("expected .transport")
            return
        }
        #expect(underlying is Oops)
        guard case .cancelled(nil)? = await failure(of: client(CancellationError())) else {
            Issue.record("expected .cancelled")
            return
        }
        guard case .invalidURL("x")? = await failure(of: client(CambAIError.invalidURL("x"))) else {
            Issue.record("expected .invalidURL, passed on as it is")
            return
        }
        #expect(transport.requests.isEmpty)
    }

    @Test func theReadmeExampleBuilds() {
        let client = CambAIClient(
            apiKey: "key",
            middlewares: [
                CambAILoggingMiddleware { entry in print(entry) },
                CambAIRetryMiddleware(maximumAttempts: 4),
            ])
        #expect(client.middlewares.count == 2)
        #expect(client.middlewares.first is CambAILoggingMiddleware)
        #expect((client.middlewares.last as? CambAIRetryMiddleware)?.maximumAttempts == 4)
    }

    @Test func describesTheOperation() {
        #expect(dub.description == "dub (POST /dub-alt-format/{run_id}/{language})")
        #expect(CambAIOperation(id: nil, method: "GET", path: "/pets").description == "GET /pets")
    }
}

@Suite(.serialized) struct RequestOptionsTests {
    static let key = "sk-options-SECRET-1618"

    @Test func extraHeaderFieldsForSomeCallsOnly() async throws {
        let server = try await ScriptedServer([.init(status: 200, body: ok)])
        defer { Task { await server.stop() } }
        let client = CambAIClient(apiKey: Self.key, serverURL: server.url)
        let options = CambAIRequestOptions(
            headerFields: ["X-Request-ID": "r-1", "accept": "application/problem+json", "X-API-Key": "sk-other"])
        _ = try await call(client.with(options))
        _ = try await call(client)
        let arrivals = server.arrivals
        try #require(arrivals.count == 2)
        #expect(arrivals[0].headers["x-request-id"] == "r-1")
        #expect(arrivals[0].headers["accept"] == "application/problem+json")
        #expect(arrivals[0].headers["x-api-key"] == "sk-other")
        #expect(arrivals[1].headers["x-request-id"] == nil)
        #expect(arrivals[1].headers["accept"] == "application/json")
        #expect(arrivals[1].headers["x-api-key"] == Self.key)
        // Options add up, the later replacing the earlier under the same name (case aside).
        let twice = client.with(CambAIRequestOptions(headerFields: ["X-A": "1", "X-B": "1"]))
            .with(CambAIRequestOptions(headerFields: ["x-b": "2"]))
        #expect(twice.headerFields == ["X-A": "1", "x-b": "2"])
        #expect(client.headerFields.isEmpty)
    }

    @Test func aTimeoutForOneCall() async throws {
        let server = try await ScriptedServer([.init(status: 200, body: ok, delay: .seconds(60))])
        defer { Task { await server.stop() } }
        let client = CambAIClient(apiKey: Self.key, serverURL: server.url)
        let start = ContinuousClock.now
        let error = await failure(of: client.with(CambAIRequestOptions(timeout: .milliseconds(300))))
        let elapsed = seconds(.now - start)
        guard case .timedOut? = error else {
            Issue.record("expected .timedOut, got \(String(describing: error))")
            return
        }
        #expect(elapsed >= 0.25)
        #expect(elapsed < 20)  // the server would hold the response for a minute
        #expect(client.timeout == nil)
    }

    @Test func aLongerTimeoutForOneCall() async throws {
        let server = try await ScriptedServer([.init(status: 200, body: ok, delay: .milliseconds(600))])
        defer { Task { await server.stop() } }
        let client = CambAIClient(apiKey: Self.key, serverURL: server.url, timeout: .milliseconds(200))
        #expect(
            try await call(client.with(CambAIRequestOptions(timeout: .seconds(60)))) == .taskID(TaskID(taskID: "t-1")))
        guard case .timedOut? = await failure(of: client) else {
            Issue.record("expected .timedOut with the client's own timeout")
            return
        }
        // Options without a timeout keep the client's.
        #expect(client.with(CambAIRequestOptions(headerFields: ["X": "1"])).timeout == .milliseconds(200))
    }
}
