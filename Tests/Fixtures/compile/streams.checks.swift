import Foundation
import Streams

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A transport that streams a response in the chunks given, and records the requests.
final class ChunkedTransport: CheckedTransport, @unchecked Sendable {
    let status: Int
    let headers: [String: String]
    let chunks: [String]
    private(set) var requests: [CheckedRequest] = []

    init(status: Int = 200, headers: [String: String] = ["Content-Type": "text/event-stream"], _ chunks: [String]) {
        self.status = status
        self.headers = headers
        self.chunks = chunks
    }

    func send(_ request: CheckedRequest) async throws -> CheckedResponse {
        requests.append(request)
        return CheckedResponse(statusCode: status, headerFields: headers, body: Data(chunks.joined().utf8))
    }

    func stream(_ request: CheckedRequest) async throws -> StreamsStreamedResponse {
        requests.append(request)
        let chunks = chunks
        return StreamsStreamedResponse(
            statusCode: status, headerFields: headers,
            body: AsyncThrowingStream { continuation in
                for chunk in chunks { continuation.yield(Data(chunk.utf8)) }
                continuation.finish()
            })
    }
}

/// Records what middleware sees of each request and response.
final class Recorder: StreamsMiddleware, @unchecked Sendable {
    private(set) var seen: [String] = []
    func intercept(_ request: CheckedRequest, operation: StreamsOperation, next: Next) async throws -> CheckedResponse {
        let response = try await next(request)
        seen.append("\(operation.id ?? "") \(request.headerFields["Accept"] ?? "") -> \(response.statusCode)")
        return response
    }
}

func client(_ transport: any CheckedTransport, middlewares: [any StreamsMiddleware] = []) -> StreamsClient {
    StreamsClient(serverURL: URL(string: "https://example.com/v1")!, transport: transport, middlewares: middlewares)
}

// Server-sent events in odd chunks: a byte order mark, a comment, a CR and its LF in different chunks, a field
// name cut in two, two `data:` lines in one event (a JSON object over two lines), an `id:` that carries over,
// and OpenAI's `[DONE]` as a sentinel.
let eventChunks = [
    "\u{FEFF}: pi", "ng\r", "\n\r\nevent: chu", "nk\r\ndata: {\"id\":\"c1\",\r",
    "\ndata: \"delta\":\"Hel\"}\r\nid: 1\r\n\r", "\nda", "ta: {\"id\":\"c1\",\"delta\":\"lo\"}\n", "\ndata: [DO",
    "NE]\n\n",
]
let transport = ChunkedTransport(eventChunks)
let recorder = Recorder()
var received: [StreamsDecodedServerSentEvent<Chunk>] = []
for try await event in try await client(transport, middlewares: [recorder]).createChatCompletionStream(
    model: "m", stream: true, sentinels: ["[DONE]"])
{
    received.append(event)
}
check(received.count == 3, "\(received.count) events")
if received.count == 3 {
    check(received[0].value?.id == "c1" && received[0].value?.delta == "Hel")
    check(
        received[0].event
            == StreamsServerSentEvent(event: "chunk", data: "{\"id\":\"c1\",\n\"delta\":\"Hel\"}", id: "1"))
    check(received[1].value?.delta == "lo")
    check(received[1].event == StreamsServerSentEvent(data: "{\"id\":\"c1\",\"delta\":\"lo\"}", id: "1"))
    check(received[2].value == nil && received[2].event.data == "[DONE]" && received[2].event.id == "1")
}
check(transport.requests.count == 1)
if let request = transport.requests.first {
    check(request.method == "POST" && request.url.absoluteString == "https://example.com/v1/chat/completions")
    check(request.headerFields["Accept"] == "text/event-stream")
    check(String(decoding: request.body ?? Data(), as: UTF8.self) == #"{"model":"m","stream":true}"#)
}
// Middleware sees the request and the streamed response's status.
check(recorder.seen == ["createChatCompletion text/event-stream -> 200"], "\(recorder.seen)")

// The JSON method of the same operation is unchanged.
let completion = try await client(
    ChunkedTransport(headers: ["Content-Type": "application/json"], [#"{"id":"x","#, #""text":"t"}"#])
).createChatCompletion(model: "m")
check(completion.id == "x" && completion.text == "t")

// A malformed event is a typed error in the stream, after the events before it.
var beforeError: [String] = []
do {
    for try await event in try await client(
        ChunkedTransport([
            "data: {\"id\":\"a\",\"delta\":\"b\"}\n\n", "data: {\"id\":1}\n\n",
            "data: {\"id\":\"c\",\"delta\":\"d\"}\n\n",
        ])
    ).createChatCompletionStream(model: "m") {
        beforeError.append(event.value?.id ?? "")
    }
    check(false, "expected a decoding error")
} catch let error as StreamsError {
    if case .decoding(_, let expectedType, let response) = error {
        check(expectedType == "Chunk" && response.statusCode == 200)
        check(String(decoding: response.body, as: UTF8.self) == #"{"id":1}"#)
    } else {
        check(false, "\(error)")
    }
}
check(beforeError == ["a"], "\(beforeError)")

// A documented error status is the typed error, its body read whole from the stream.
do {
    _ = try await client(
        ChunkedTransport(status: 429, headers: ["Content-Type": "application/json"], [#"{"tit"#, #"le":"slow down"}"#])
    ).createChatCompletionStream(model: "m", stream: true)
    check(false, "expected an error")
} catch .documented(CreateChatCompletionFailure.tooManyRequests(let problem), let response) {
    check(problem.title == "slow down" && response.statusCode == 429)
} catch {
    check(false, "\(error)")
}

// JSON where events were asked for (no `stream: true`): the whole body, as `.unexpectedContentType`.
do {
    _ = try await client(
        ChunkedTransport(headers: ["Content-Type": "application/json"], [#"{"id":"x","text":"t"}"#])
    ).createChatCompletionStream(model: "m")
    check(false, "expected an error")
} catch .unexpectedContentType(let contentType, _, let response) {
    check(contentType == "application/json" && response.body == Data(#"{"id":"x","text":"t"}"#.utf8))
} catch {
    check(false, "\(error)")
}

// A transport that implements only `send` streams through the default `stream(_:)`: one chunk.
var fromWhole: [String] = []
for try await event in try await client(answering(200, "data: {\"id\":\"w\",\"delta\":\"1\"}\n\n")).getEventsStream2(
    topic: "t")
{
    fromWhole.append(event.value?.id ?? "")
}
check(fromWhole == ["w"])
// `getEventsStream` is the document's own operation; the streaming method of `getEvents` took the next name.
try await client(answering(204)).getEventsStream()

// JSON Lines in odd chunks: CR LF, a blank line, a value cut in two, and a last line without its line feed.
var numbers: [Int] = []
for try await record in try await client(
    ChunkedTransport(
        headers: ["Content-Type": "application/x-ndjson"], ["{\"n\":1}\r", "\n\n{\"n\"", ":2}\n{\"n\":3}"])
).exportRecordsStream() {
    numbers.append(record.n)
}
check(numbers == [1, 2, 3], "\(numbers)")

// A multipart body and a streamed answer (OpenAI's createTranscription): the streaming method sends the parts
// and reads the events.
let transcription = ChunkedTransport(["data: {\"id\":\"t1\",\"delta\":\"hi\"}\n\n"])
var words: [String] = []
for try await event in try await client(transcription).createTranscriptionStream(
    file: StreamsFilePart(data: Data("RIFF".utf8), filename: "a.wav", contentType: "audio/wav"), model: "whisper")
{
    words.append(event.value?.delta ?? "")
}
check(words == ["hi"], "\(words)")
check(transcription.requests.count == 1)
if let request = transcription.requests.first {
    check(request.url.absoluteString == "https://example.com/v1/audio/transcriptions")
    let contentType = request.headerFields["Content-Type"] ?? ""
    check(contentType.hasPrefix("multipart/form-data; boundary="), contentType)
    let boundary = String(contentType.dropFirst("multipart/form-data; boundary=".count))
    let parts = String(decoding: request.body ?? Data(), as: UTF8.self).components(separatedBy: "--" + boundary)
    // Before the first boundary nothing; then the two parts; after the closing boundary's `--`, CR LF.
    check(parts.count == 4 && parts[0].isEmpty && parts[3] == "--\r\n", "\(parts)")
    if parts.count == 4 {
        check(
            parts[1] == "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n"
                + "Content-Type: audio/wav\r\n\r\nRIFF\r\n", parts[1])
        check(parts[2] == "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper\r\n", parts[2])
    }
}
do {
    for try await _ in try await client(
        ChunkedTransport(headers: ["Content-Type": "application/jsonl"], ["{\"n\":\"one\"}\n"])
    ).exportRecordsStream() {}
    check(false, "expected a decoding error")
} catch let error as StreamsError {
    if case .decoding(_, _, let response) = error {
        check(String(decoding: response.body, as: UTF8.self) == #"{"n":"one"}"#)
    } else {
        check(false, "\(error)")
    }
}

// A real HTTP server on 127.0.0.1, through the default URLSession transport. It sends the first event (or
// line), then waits for the client to say it has it before sending the rest: a client that got the body only
// whole would leave it waiting until its limit of 60 s (no timing is measured, so a slow machine cannot fail
// this). Cancelling the task that reads a stream closes the connection.
final class Server: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var closedByClient = 0
    private var isReleased = false
    private var releasedCount = 0

    init() throws {
        (listener, port) = try listenOnLoopback()
        Thread.detachNewThread { [self] in
            while true {
                let connection = accept(listener, nil, nil)
                if connection >= 0 { Thread.detachNewThread { [self] in serve(connection) } }
            }
        }
    }

    var clientClosed: Int { lock.withLock { closedByClient } }

    /// Lets a connection waiting for the client to have its first event (or line) send the rest.
    func release() { lock.withLock { isReleased = true } }

    /// How many waits ended because the client released them, rather than at their limit of 60 s.
    var released: Int { lock.withLock { releasedCount } }

    /// Waits until `release()` is called, at most 60 s.
    private func waitForRelease() {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !lock.withLock({ isReleased }) { Thread.sleep(forTimeInterval: 0.01) }
        lock.withLock {
            if isReleased { releasedCount += 1 }
            isReleased = false
        }
    }

    private func write(_ text: String, to connection: Int32) {
        #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL)
        #else
            let flags: Int32 = 0
        #endif
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, flags) }
    }

    /// Reads the request head (these requests have no body), then answers by path.
    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var head = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !String(decoding: head, as: UTF8.self).contains("\r\n\r\n") {
            let count = recv(connection, &buffer, buffer.count, 0)
            if count <= 0 { return }
            head += buffer[0..<count]
        }
        let path = String(decoding: head, as: UTF8.self).split(separator: " ").dropFirst().first ?? ""
        if path.hasPrefix("/events") {
            write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n", to: connection)
            write("data: {\"id\":\"1\",\"delta\":\"first\"}\n\n", to: connection)
            if path.contains("topic=hold") {
                // Waits (at most 60 s) for the client to close the connection.
                var entry = pollfd(fd: connection, events: Int16(POLLIN), revents: 0)
                if poll(&entry, 1, 60_000) > 0, recv(connection, &buffer, buffer.count, 0) <= 0 {
                    lock.withLock { closedByClient += 1 }
                }
                return
            }
            waitForRelease()
            write("data: {\"id\":\"2\",\"delta\":\"second\"}\n\ndata: [DONE]\n\n", to: connection)
        } else {
            write("HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nConnection: close\r\n\r\n", to: connection)
            write("{\"n\":1}\n{\"n\"", to: connection)
            waitForRelease()
            write(":2}\n", to: connection)
        }
    }
}

let server = try Server()
let live = StreamsClient(serverURL: URL(string: "http://127.0.0.1:\(server.port)")!)
var deltas: [String] = []
for try await event in try await live.getEventsStream2(topic: "news", sentinels: ["[DONE]"]) {
    deltas.append(event.value?.delta ?? event.event.data)
    server.release()
}
check(deltas == ["first", "second", "[DONE]"], "\(deltas)")
check(server.released == 1, "the first event came with the rest")

var numbers2: [Int] = []
for try await record in try await live.exportRecordsStream() {
    numbers2.append(record.n)
    server.release()
}
check(numbers2 == [1, 2], "\(numbers2)")
check(server.released == 2, "the first line came with the rest")

// Cancelling the task that reads the stream cancels the request: the server sees the connection close.
let reading = Task {
    var count = 0
    // After the first event, the loop waits for the next one, which the server never sends.
    for try await _ in try await live.getEventsStream2(topic: "hold") { count += 1 }
    return count
}
var waited = 0
while server.clientClosed == 0, waited < 1200 {
    if waited == 10 { reading.cancel() }
    try await Task.sleep(for: .milliseconds(50))
    waited += 1
}
check(server.clientClosed == 1, "the server did not see the connection close")

finish()
