import CambAI
import Foundation
import Testing

/// The issue's "A client that never traps": each way a response can go wrong against a real server on
/// 127.0.0.1, asserting the exact error case, the status and the bytes that arrived.
@Suite(.serialized) struct ClientFailureTests {
    static let key = "sk-never-traps-SECRET-77"
    typealias Step = RawHTTPServer.Step

    /// A client of the server at `url`; the default timeout only keeps a broken test from hanging.
    func client(_ url: URL, timeout: Duration? = .seconds(30), maximumResponseSize: Int? = nil) -> CambAIClient {
        CambAIClient(apiKey: Self.key, serverURL: url, timeout: timeout, maximumResponseSize: maximumResponseSize)
    }

    /// Calls the operation and returns the error it throws, recording an issue when it returns instead; also
    /// checks that the error's descriptions do not contain the API key.
    func failure(of client: CambAIClient) async -> CambAIError? {
        await operationFailure(of: client, hiding: Self.key)
    }

    func call(_ client: CambAIClient) async throws -> GetDubbedOutputInAltFormatResponse {
        try await client.getDubbedOutputInAltFormat(runID: 1, language: .enUS, outputFormat: .audioOutputType(.wav))
    }

    /// The keys of a decoding error's coding path, indexes as numbers.
    func path(of error: DecodingError) -> [String] {
        let context: DecodingError.Context? =
            switch error {
            case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context),
                .valueNotFound(_, let context):
                context
            @unknown default: nil
            }
        return (context?.codingPath ?? []).map { $0.intValue.map(String.init) ?? $0.stringValue }
    }

    // MARK: Malformed, empty and mistyped bodies

    @Test func malformedJSONIsADecodingErrorWithStatusAndBytes() async throws {
        let body = #"{"task_id": "t-1""#
        let server = try await LoopbackServer(status: 200, body: body)
        defer { Task { await server.stop() } }
        let error = await failure(of: client(server.url))
        guard case .decoding(.dataCorrupted, let expectedType, let response)? = error else {
            Issue.record("expected .decoding(.dataCorrupted), got \(String(describing: error))")
            return
        }
        #expect(expectedType == "GetDubbedOutputInAltFormatResponse")
        #expect(response.statusCode == 200)
        #expect(response.body == Data(body.utf8))
        #expect(response.body.count == 17)
    }

    @Test func emptyBodyWhereOneIsRequiredIsADecodingError() async throws {
        for (status, expected) in [(200, "GetDubbedOutputInAltFormatResponse"), (422, "HTTPValidationError")] {
            let server = try await LoopbackServer(status: status, body: "")
            let error = await failure(of: client(server.url))
            Task { await server.stop() }
            guard case .decoding(.dataCorrupted(let context), let expectedType, let response)? = error else {
                Issue.record("\(status): expected .decoding(.dataCorrupted), got \(String(describing: error))")
                continue
            }
            #expect(context.debugDescription == "the body is empty")
            #expect(expectedType == expected)
            #expect(response.statusCode == status)
            #expect(response.body.isEmpty)
        }
    }

    @Test func missingRequiredFieldIsADecodingError() async throws {
        // ValidationError requires loc, msg and type; this one has no type.
        let body = #"{"detail":[{"loc":["body"],"msg":"bad"}]}"#
        let server = try await LoopbackServer(status: 422, body: body)
        defer { Task { await server.stop() } }
        let error = await failure(of: client(server.url))
        guard case .decoding(.keyNotFound(let key, _), let expectedType, let response)? = error else {
            Issue.record("expected .decoding(.keyNotFound), got \(String(describing: error))")
            return
        }
        #expect(key.stringValue == "type")
        #expect(expectedType == "HTTPValidationError")
        #expect(response.statusCode == 422)
        #expect(response.body == Data(body.utf8))
    }

    @Test func numberOutOfRangeForItsSwiftTypeIsADecodingError() async throws {
        // A loc item is a String or an Int (64 bits): 2^63 and a fraction fit neither.
        for number in ["9223372036854775808", "1.5", "1e300"] {
            let body = #"{"detail":[{"loc":["body",\#(number)],"msg":"m","type":"t"}]}"#
            let server = try await LoopbackServer(status: 422, body: body)
            let error = await failure(of: client(server.url))
            Task { await server.stop() }
            guard case .decoding(let decodingError, "HTTPValidationError", let response)? = error else {
                Issue.record("\(number): expected .decoding, got \(String(describing: error))")
                continue
            }
            #expect(path(of: decodingError) == ["detail", "0", "loc", "1"], "\(number)")
            #expect(response.statusCode == 422)
            #expect(response.body == Data(body.utf8))
        }
        // Int64.max itself still fits.
        let body = #"{"detail":[{"loc":[9223372036854775807],"msg":"m","type":"t"}]}"#
        let server = try await LoopbackServer(status: 422, body: body)
        defer { Task { await server.stop() } }
        let error = await failure(of: client(server.url))
        guard case .documented(GetDubbedOutputInAltFormatFailure.unprocessableContent(let validation), _)? = error
        else {
            Issue.record("expected .documented(.unprocessableContent), got \(String(describing: error))")
            return
        }
        #expect(validation.detail?.first?.loc == [.integer(Int.max)])
    }

    @Test func unknownEnumValueIsKeptNotAnError() async throws {
        // No CambAI response carries an enum, so the forward-compatible enums are checked here on their own and
        // through the output format union; closed positions (a discriminator) are in the compile fixtures.
        #expect(try decode(Languages.self, "9999") == .undocumented(9999))
        #expect(try decode(AudioOutputType.self, #""opus""#) == .undocumented("opus"))
        #expect(try encode(Languages.undocumented(9999)) == "9999")
        // A value of the wrong JSON kind is not an unknown value: it is an error.
        #expect(throws: DecodingError.self) { try decode(Languages.self, #""en-US""#) }
        #expect(throws: DecodingError.self) { try decode(Languages.self, "1.5") }
    }

    // MARK: Content-Type

    @Test func nonJSONContentTypeWithABodyThatDoesNotParseIsTyped() async throws {
        let server = try await LoopbackServer(status: 200, body: "<html>busy</html>", contentType: "text/html")
        defer { Task { await server.stop() } }
        let error = await failure(of: client(server.url))
        guard case .unexpectedContentType(let contentType, let expectedType, let response)? = error else {
            Issue.record("expected .unexpectedContentType, got \(String(describing: error))")
            return
        }
        #expect(contentType == "text/html")
        #expect(expectedType == "GetDubbedOutputInAltFormatResponse")
        #expect(response.statusCode == 200)
        #expect(response.body == Data("<html>busy</html>".utf8))
    }

    @Test func jsonThatParsesIsAcceptedWhateverTheContentTypeSays() async throws {
        let server = try await LoopbackServer(status: 200, body: #"{"task_id":"t-2"}"#, contentType: "text/plain")
        defer { Task { await server.stop() } }
        #expect(try await call(client(server.url)) == .taskID(TaskID(taskID: "t-2")))
    }

    @Test func wrongContentTypeWithJSONOfTheWrongShapeIsADecodingError() async throws {
        let server = try await LoopbackServer(status: 200, body: "[1,2]", contentType: "text/plain")
        defer { Task { await server.stop() } }
        let error = await failure(of: client(server.url))
        guard case .decoding(_, _, let response)? = error else {
            Issue.record("expected .decoding, got \(String(describing: error))")
            return
        }
        #expect(response.statusCode == 200)
        #expect(response.body == Data("[1,2]".utf8))
    }

    @Test func missingContentTypeAcceptsJSONAndReportsOtherBodiesAsDecodingErrors() async throws {
        let good = try RawHTTPServer([
            .head(["Content-Length: 17", "Connection: close"]), .text(#"{"task_id":"t-3"}"#),
        ])
        defer { good.stop() }
        #expect(try await call(client(good.url)) == .taskID(TaskID(taskID: "t-3")))

        let bad = try RawHTTPServer([.head(["Content-Length: 4", "Connection: close"]), .text("oops")])
        defer { bad.stop() }
        let error = await failure(of: client(bad.url))
        guard case .decoding(_, _, let response)? = error else {
            Issue.record("expected .decoding, got \(String(describing: error))")
            return
        }
        #expect(response.statusCode == 200)
        #expect(response.value(forHeader: "Content-Type") == nil)
        #expect(response.body == Data("oops".utf8))
    }

    // MARK: Connections that end early

    @Test func truncatedBodyKeepsStatusAndTheBytesThatArrived() async throws {
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
        #expect(response.body.count == 15)
    }

    @Test func connectionClosedMidResponseKeepsStatusAndTheBytesThatArrived() async throws {
        // A chunked body: one chunk of 11 bytes, then the connection closes without the last chunk.
        let server = try RawHTTPServer([
            .head(["Content-Type: application/json", "Transfer-Encoding: chunked"]),
            .text("b\r\n{\"task_id\":\r\n"),
        ])
        defer { server.stop() }
        let error = await failure(of: client(server.url))
        guard case .incompleteBody(let response, let expectedLength)? = error else {
            Issue.record("expected .incompleteBody, got \(String(describing: error))")
            return
        }
        #expect(expectedLength == nil)
        #expect(response.statusCode == 200)
        #expect(response.body == Data(#"{"task_id":"#.utf8))
    }

    // MARK: Slow servers, timeouts and cancellation

    @Test func slowServerTimesOutWithWhatArrived() async throws {
        let server = try RawHTTPServer([
            .head(["Content-Type: application/json", "Content-Length: 50"]), .text("0123456789"),
            .holdUntilClientCloses,
        ])
        defer { server.stop() }
        let start = ContinuousClock.now
        // Long enough for the head to arrive on a loaded machine, far shorter than the server's 10-second hold.
        let error = await failure(of: client(server.url, timeout: .milliseconds(1500)))
        let elapsed = ContinuousClock.now - start
        guard case .timedOut(let received?)? = error else {
            Issue.record("expected .timedOut with a response, got \(String(describing: error))")
            return
        }
        #expect(received.statusCode == 200)
        #expect(received.body == Data("0123456789".utf8))
        // Well under the server's 10-second hold, with room for a loaded machine.
        #expect(elapsed >= .milliseconds(1500) && elapsed < .seconds(8), "took \(elapsed)")
        #expect(await server.wait(seconds: 3) { $0.clientClosed == 1 }, "the server saw no close")
    }

    @Test func silentServerTimesOutWithNothingReceived() async throws {
        let server = try RawHTTPServer([.holdUntilClientCloses])
        defer { server.stop() }
        // Long enough for the request to reach the server on a loaded machine.
        let error = await failure(of: client(server.url, timeout: .milliseconds(1500)))
        guard case .timedOut(nil)? = error else {
            Issue.record("expected .timedOut(received: nil), got \(String(describing: error))")
            return
        }
        #expect(server.requests == 1)
        #expect(await server.wait(seconds: 3) { $0.clientClosed == 1 }, "the server saw no close")
    }

    @Test func cancellingTheCallingTaskCancelsTheRequestPromptly() async throws {
        let server = try RawHTTPServer([.holdUntilClientCloses])
        defer { server.stop() }
        // No timeout: the request runs in the calling task itself (the server's hold limit bounds the wait).
        let client = client(server.url, timeout: nil)
        let task = Task { await failure(of: client) }
        #expect(await server.wait(seconds: 5) { $0.requests == 1 }, "the request never arrived")
        let start = ContinuousClock.now
        task.cancel()
        let error = await task.value
        #expect(ContinuousClock.now - start < .seconds(5))  // the server would hold the request for 10 seconds
        guard case .cancelled(nil)? = error else {
            Issue.record("expected .cancelled(received: nil), got \(String(describing: error))")
            return
        }
        #expect(await server.wait(seconds: 2) { $0.clientClosed == 1 }, "the server saw no close")
    }

    @Test func cancellingDuringTheBodyKeepsWhatArrived() async throws {
        let server = try RawHTTPServer([
            .head(["Content-Type: application/json", "Content-Length: 50"]), .text("0123456789"),
            .holdUntilClientCloses,
        ])
        defer { server.stop() }
        // With a timeout the request runs in a child task; cancelling the caller still reads as cancellation.
        let client = client(server.url, timeout: .seconds(5))
        let task = Task { await failure(of: client) }
        #expect(await server.wait(seconds: 5) { $0.requests == 1 })
        try await Task.sleep(for: .milliseconds(500))  // let the first bytes arrive
        task.cancel()
        let error = await task.value
        guard case .cancelled(let received?)? = error else {
            Issue.record("expected .cancelled with a response, got \(String(describing: error))")
            return
        }
        #expect(received.statusCode == 200)
        #expect(received.body == Data("0123456789".utf8))
        #expect(await server.wait(seconds: 2) { $0.clientClosed == 1 }, "the server saw no close")
    }

    @Test func alreadyCancelledTaskSendsNothing() async throws {
        let transport = InMemoryTransport { _ in CambAIResponse(statusCode: 200, body: Data("{}".utf8)) }
        let client = CambAIClient(apiKey: Self.key, transport: transport)
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return await failure(of: client)
        }
        guard case .cancelled(nil)? = await task.value else {
            Issue.record("expected .cancelled(received: nil)")
            return
        }
        #expect(transport.requests.isEmpty)
    }

    @Test func otherTransportsTimeOutAndCancelTyped() async throws {
        for (thrown, isTimeout) in [
            (URLError(.timedOut) as any Error, true), (URLError(.cancelled), false), (CancellationError(), false),
        ] {
            let client = CambAIClient(apiKey: Self.key, transport: InMemoryTransport { _ in throw thrown })
            let error = await failure(of: client)
            switch error {
            case .timedOut(nil)? where isTimeout, .cancelled(nil)? where !isTimeout: break
            default: Issue.record("\(thrown): got \(String(describing: error))")
            }
        }
        // A transport that ignores the deadline's cancellation until it answers still times out.
        let sleepy = CambAIClient(
            apiKey: Self.key,
            transport: StallingTransport(), timeout: .milliseconds(50))
        guard case .timedOut(nil)? = await failure(of: sleepy) else {
            Issue.record("expected .timedOut(received: nil)")
            return
        }
    }

    // MARK: Huge bodies

    static let hugeSize = 20 * 1024 * 1024

    /// `{"task_id":"aaa…"}` of exactly `hugeSize` bytes, or without its closing `"}` when `isValid` is false.
    static func hugeBody(isValid: Bool) -> Data {
        var body = Data(#"{"task_id":""#.utf8)
        body.append(Data(repeating: UInt8(ascii: "a"), count: hugeSize - body.count - (isValid ? 2 : 0)))
        if isValid { body.append(Data(#""}"#.utf8)) }
        return body
    }

    @Test func hugeValidBodyDecodes() async throws {
        let server = try RawHTTPServer([
            .head(["Content-Type: application/json", "Content-Length: \(Self.hugeSize)"]),
            .send(Self.hugeBody(isValid: true)),
        ])
        defer { server.stop() }
        let result = try await call(client(server.url, timeout: .seconds(30)))
        guard case .taskID(let task) = result else {
            Issue.record("expected a task id, got a different member")
            return
        }
        #expect(task.taskID?.count == Self.hugeSize - 14)
    }

    @Test func hugeInvalidBodyIsADecodingErrorWithEveryByte() async throws {
        let body = Self.hugeBody(isValid: false)
        let server = try RawHTTPServer([
            .head(["Content-Type: application/json", "Content-Length: \(Self.hugeSize)"]), .send(body),
        ])
        defer { server.stop() }
        let error = await failure(of: client(server.url, timeout: .seconds(30)))
        guard case .decoding(.dataCorrupted, _, let response)? = error else {
            Issue.record("expected .decoding(.dataCorrupted), got \(String(describing: error))")
            return
        }
        #expect(response.statusCode == 200)
        #expect(response.body.count == 20_971_520)
        #expect(response.body == body)
    }

    @Test func announcedBodyOverTheLimitIsRefusedBeforeReading() async throws {
        let server = try RawHTTPServer([
            .head(["Content-Type: application/json", "Content-Length: \(Self.hugeSize)"]),
            .send(Self.hugeBody(isValid: true)),
        ])
        defer { server.stop() }
        let error = await failure(of: client(server.url, maximumResponseSize: 1_048_576))
        guard case .responseTooLarge(let response, let limit)? = error else {
            Issue.record("expected .responseTooLarge, got \(String(describing: error))")
            return
        }
        #expect(limit == 1_048_576)
        #expect(response.statusCode == 200)
        #expect(response.value(forHeader: "Content-Length") == "20971520")
        #expect(response.body.isEmpty)
    }

    @Test func chunkedBodyOverTheLimitStopsAtTheLimit() async throws {
        // 2 MiB in 64 KiB chunks, no Content-Length: reading stops after the first MiB.
        let chunk = Data("10000\r\n".utf8) + Data(repeating: UInt8(ascii: "x"), count: 65536) + Data("\r\n".utf8)
        var steps: [Step] = [.head(["Content-Type: application/json", "Transfer-Encoding: chunked"])]
        steps += Array(repeating: Step.send(chunk), count: 32)
        steps.append(.text("0\r\n\r\n"))
        let server = try RawHTTPServer(steps)
        defer { server.stop() }
        let error = await failure(of: client(server.url, maximumResponseSize: 1_048_576))
        guard case .responseTooLarge(let response, 1_048_576)? = error else {
            Issue.record("expected .responseTooLarge, got \(String(describing: error))")
            return
        }
        #expect(response.statusCode == 200)
        #expect(response.body == Data(repeating: UInt8(ascii: "x"), count: 1_048_576))
    }

    @Test func anyTransportsBodyIsCheckedAgainstTheLimit() async throws {
        let transport = InMemoryTransport { request in
            #expect(request.maximumResponseSize == 8)
            return CambAIResponse(statusCode: 200, body: Data(#"{"task_id":"t-1"}"#.utf8))
        }
        let client = CambAIClient(apiKey: Self.key, transport: transport, maximumResponseSize: 8)
        guard case .responseTooLarge(let response, 8)? = await failure(of: client) else {
            Issue.record("expected .responseTooLarge")
            return
        }
        #expect(response.body == Data(#"{"task_i"#.utf8))
    }

    // MARK: Descriptions

    @Test func descriptionsSayWhatArrived() {
        let partial = CambAIResponse(statusCode: 200, body: Data(count: 15))
        let cases: [(CambAIError, String)] = [
            (
                .incompleteBody(partial, expectedLength: 100),
                "the connection closed during the 200 response body after 15 of 100 bytes"
            ),
            (
                .incompleteBody(partial, expectedLength: nil),
                "the connection closed during the 200 response body after 15 bytes"
            ),
            (.responseTooLarge(partial, limit: 8), "the 200 response body is larger than the limit of 8 bytes"),
            (.timedOut(received: nil), "no complete response in time (no response had arrived)"),
            (.timedOut(received: partial), "no complete response in time (status 200 and 15 body bytes had arrived)"),
            (.cancelled(received: nil), "the request was cancelled (no response had arrived)"),
            (
                .unexpectedContentType("text/html; charset=utf-8", expectedType: "TaskID", response: partial),
                "the 200 response body (15 bytes) is 'text/html', not JSON, so it is not a valid TaskID"
            ),
        ]
        for (error, description) in cases {
            #expect(error.description == description)
        }
        #expect(CambAIError.timedOut(received: partial).response?.body.count == 15)
        #expect(CambAIError.cancelled(received: nil).response == nil)
    }
}

/// A transport that answers nothing for three seconds, whatever cancellation says, then throws
/// `CancellationError`; it waits without holding one of the few threads the client's timeout needs to run on
/// (a blocking sleep could starve it on a two-core machine).
struct StallingTransport: CambAITransport {
    func send(_ request: CambAIRequest) async throws -> CambAIResponse {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().asyncAfter(deadline: .now() + 3) { done.resume() }
        }
        throw CancellationError()
    }
}
