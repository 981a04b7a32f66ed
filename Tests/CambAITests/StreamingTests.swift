import CambAI
import Foundation
import Testing

/// The runtime's streaming pieces: the server-sent events and JSON Lines parsers on every split of a body, and
/// `CambAIURLSessionTransport.stream(_:)` against a server on 127.0.0.1 that sends its body in parts with pauses.
@Suite struct StreamingTests {
    /// A `text/event-stream` body with a byte order mark, a comment, CR LF, LF and CR line ends, two `data:`
    /// lines in one event, an `id:` that carries over, a `retry:`, a field without a colon, an event without
    /// data and an event the body ends in the middle of.
    static let eventBody =
        Data([0xEF, 0xBB, 0xBF])
        + Data(
            (": keep-alive\r\n"
                + "event: greeting\r\n"
                + "data: first line\r\n"
                + "data:second line\r\n"
                + "id: 7\r\n"
                + "\r\n"
                + "data: {\"n\":2}\n"
                + "\n"
                + "retry: 3000\r"
                + "data\r"
                + "\r"
                + "event: ignored\n"
                + "\n"
                + "data: tail").utf8)

    /// The events of `eventBody`, worked out by hand from the HTML standard's rules.
    static let expectedEvents = [
        CambAIServerSentEvent(event: "greeting", data: "first line\nsecond line", id: "7", retry: nil),
        CambAIServerSentEvent(event: "message", data: "{\"n\":2}", id: "7", retry: nil),
        CambAIServerSentEvent(event: "message", data: "", id: "7", retry: 3000),
    ]

    @Test func serverSentEventsParseTheSameWhereverTheBodyIsSplit() {
        let bytes = [UInt8](Self.eventBody)
        var wrong: [String] = []
        for split in 0...bytes.count {
            var parser = CambAIServerSentEventParser()
            let events = parser.consume(bytes[..<split]) + parser.consume(bytes[split...])
            if events != Self.expectedEvents { wrong.append("\(split)") }
        }
        // Three-way splits: the byte order mark, a CR and its LF, and a field name cut in pieces.
        for first in stride(from: 0, through: bytes.count, by: 3) {
            for second in first...bytes.count {
                var parser = CambAIServerSentEventParser()
                let events =
                    parser.consume(bytes[..<first]) + parser.consume(bytes[first..<second])
                    + parser.consume(bytes[second...])
                if events != Self.expectedEvents { wrong.append("\(first) and \(second)") }
            }
        }
        #expect(wrong.isEmpty, "wrong events when split at \(wrong.prefix(10))")
        var parser = CambAIServerSentEventParser()
        #expect(bytes.flatMap { parser.consume([$0]) } == Self.expectedEvents)
        // The unfinished `data: tail` is held, not delivered.
        #expect(parser.bufferedByteCount == "data: tail".utf8.count)
    }

    @Test func aCarriageReturnThenALineFeedInTheNextChunkIsOneLineEnd() {
        var parser = CambAIServerSentEventParser()
        #expect(parser.consume(Data("data: a\r".utf8)).isEmpty)
        // Were the LF a second line end, this would be an empty line dispatching "a" alone.
        #expect(parser.consume(Data("\ndata: b\r".utf8)).isEmpty)
        #expect(parser.consume(Data("\n\r\n".utf8)) == [CambAIServerSentEvent(data: "a\nb")])
    }

    @Test func aByteOrderMarkIsSkippedOnlyAtTheStart() {
        var parser = CambAIServerSentEventParser()
        let bom = "\u{FEFF}"
        #expect(
            parser.consume(Data((bom + "data: x\n\n" + bom + "data: y\n\n").utf8)) == [
                CambAIServerSentEvent(data: "x")
            ])
    }

    @Test func idAndRetryFollowTheStandard() {
        var parser = CambAIServerSentEventParser()
        let body = "id: 1\ndata: a\n\nid\ndata: b\n\nretry: 12x\nid: 3\u{0}\ndata: c\n\nretry: 250\ndata: d\n\n"
        #expect(
            parser.consume(Data(body.utf8)) == [
                CambAIServerSentEvent(data: "a", id: "1"),
                // `id` with no value empties the last event ID.
                CambAIServerSentEvent(data: "b", id: nil),
                // A retry that is not all digits and an id with U+0000 are ignored.
                CambAIServerSentEvent(data: "c", id: nil),
                CambAIServerSentEvent(data: "d", id: nil, retry: 250),
            ])
    }

    static let lineBody = Data("{\"a\":1}\r\n\n  \t\n{\"a\":2}\n{\"a\":3}".utf8)

    @Test func jsonLinesParseTheSameWhereverTheBodyIsSplit() {
        let bytes = [UInt8](Self.lineBody)
        let expected = ["{\"a\":1}", "{\"a\":2}", "{\"a\":3}"].map { Data($0.utf8) }
        var wrong: [Int] = []
        for split in 0...bytes.count {
            var parser = CambAIJSONLinesParser()
            var lines = parser.consume(bytes[..<split]) + parser.consume(bytes[split...])
            if lines.count != 2 { wrong.append(split) }
            if let last = parser.finish() { lines.append(last) }
            if lines != expected { wrong.append(split) }
        }
        #expect(wrong.isEmpty, "wrong lines when split at \(wrong)")
    }

    @Test func aTransportWithoutStreamingDeliversTheWholeBodyAsOneChunk() async throws {
        struct Whole: CambAITransport {
            func send(_ request: CambAIRequest) async throws -> CambAIResponse {
                CambAIResponse(
                    statusCode: 200, headerFields: ["Content-Type": "text/event-stream"], body: Data("data: x\n\n".utf8)
                )
            }
        }
        let response = try await Whole().stream(
            CambAIRequest(method: "GET", url: URL(string: "http://127.0.0.1/")!))
        #expect(response.statusCode == 200)
        #expect(response.value(forHeader: "content-type") == "text/event-stream")
        var chunks: [Data] = []
        for try await chunk in response.body { chunks.append(chunk) }
        #expect(chunks == [Data("data: x\n\n".utf8)])
    }

    /// A chunked body in HTTP/1.1 framing.
    static func chunk(_ text: String) -> RawHTTPServer.Step {
        .text(String(text.utf8.count, radix: 16) + "\r\n" + text + "\r\n")
    }

    /// The server sends the first event (its CR and LF in two writes), then waits for the test to say it has
    /// received it before sending the rest: a transport that delivered the body only whole would leave the
    /// server waiting until its limit (60 s), and `wasReleased` at 0. No timing is measured, so a slow
    /// machine cannot fail it.
    @Test func urlSessionDeliversEventsAsTheyArrive() async throws {
        let server = try RawHTTPServer([
            .head(["Content-Type: text/event-stream", "Transfer-Encoding: chunked"]),
            Self.chunk("data: one\r"),
            .pause(0.2),
            Self.chunk("\n\r\ndata: tw"),
            .waitForRelease(60),
            Self.chunk("o\n\n"),
            .text("0\r\n\r\n"),
        ])
        defer { server.stop() }
        let transport = CambAIURLSessionTransport()
        let response = try await transport.stream(CambAIRequest(method: "GET", url: server.url))
        #expect(response.statusCode == 200)
        var parser = CambAIServerSentEventParser()
        var events: [CambAIServerSentEvent] = []
        for try await chunk in response.body {
            events += parser.consume(chunk)
            if !events.isEmpty { server.release() }
        }
        #expect(events == [CambAIServerSentEvent(data: "one"), CambAIServerSentEvent(data: "two")])
        #expect(server.wasReleased == 1)
    }

    @Test func urlSessionDeliversLinesAsTheyArrive() async throws {
        let server = try RawHTTPServer([
            .head(["Content-Type: application/x-ndjson", "Connection: close"]),
            .text("{\"a\":1}\n{\"a\""),
            .waitForRelease(60),
            .text(":2}\n"),
        ])
        defer { server.stop() }
        let response = try await CambAIURLSessionTransport().stream(CambAIRequest(method: "GET", url: server.url))
        var parser = CambAIJSONLinesParser()
        var lines: [String] = []
        for try await chunk in response.body {
            lines += parser.consume(chunk).map { String(decoding: $0, as: UTF8.self) }
            if !lines.isEmpty { server.release() }
        }
        #expect(lines == ["{\"a\":1}", "{\"a\":2}"])
        #expect(server.wasReleased == 1)
    }

    @Test func stoppingTheIterationClosesTheConnection() async throws {
        let server = try RawHTTPServer([
            .head(["Content-Type: text/event-stream", "Connection: close"]),
            .text("data: one\n\n"),
            .holdUntilClientClosesWithin(60),
        ])
        defer { server.stop() }
        // The body is dropped at the end of this scope, after one event: that cancels the request.
        do {
            let response = try await CambAIURLSessionTransport().stream(
                CambAIRequest(method: "GET", url: server.url))
            var parser = CambAIServerSentEventParser()
            var first: [CambAIServerSentEvent] = []
            for try await chunk in response.body {
                first = parser.consume(chunk)
                if !first.isEmpty { break }
            }
            #expect(first == [CambAIServerSentEvent(data: "one")])
        }
        #expect(await server.wait(seconds: 60) { $0.clientClosed == 1 })
    }

    @Test func aBodyCutShortThrowsIncompleteBodyWithTheStatus() async throws {
        let server = try RawHTTPServer([
            .head(["Content-Type: text/event-stream", "Transfer-Encoding: chunked"]),
            Self.chunk("data: one\n\n"),
            .text("5\r\nda"),
        ])
        defer { server.stop() }
        let response = try await CambAIURLSessionTransport().stream(CambAIRequest(method: "GET", url: server.url))
        var received = Data()
        do {
            for try await chunk in response.body { received.append(chunk) }
            Issue.record("the body ended without an error")
        } catch let error as CambAIError {
            guard case .incompleteBody(let partial, _) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(partial.statusCode == 200)
        }
        #expect(String(decoding: received, as: UTF8.self).hasPrefix("data: one\n\n"))
    }
}
