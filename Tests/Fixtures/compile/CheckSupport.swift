// Shared by every `<document>.checks.swift`: `GeneratedCodeCompilesTests` builds each checks file with this
// one into an executable beside the module generated from the document, runs it, and expects exit status 0. It
// adds `import <Module>` above, and `CheckedTransport`, `CheckedRequest` and `CheckedResponse`: aliases of the
// module's `<Module>Transport`, `<Module>Request` and `<Module>Response`.
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A transport that records every request and answers with `respond` (by default: 200, no body).
final class RecordingTransport: CheckedTransport, @unchecked Sendable {
    private(set) var requests: [CheckedRequest] = []
    let respond: @Sendable (CheckedRequest) -> CheckedResponse

    init(_ respond: @escaping @Sendable (CheckedRequest) -> CheckedResponse = { _ in CheckedResponse(statusCode: 200) })
    {
        self.respond = respond
    }

    /// The absolute URLs of the requests, in order.
    var urls: [String] { requests.map(\.url.absoluteString) }

    func send(_ request: CheckedRequest) async throws -> CheckedResponse {
        requests.append(request)
        return respond(request)
    }
}

/// A transport that always answers with this status and body.
func answering(_ status: Int, _ body: String = "") -> RecordingTransport {
    RecordingTransport { _ in CheckedResponse(statusCode: status, body: Data(body.utf8)) }
}

enum Checks {
    nonisolated(unsafe) static var passed = 0
    nonisolated(unsafe) static var failed = 0
}

/// Records one expectation; prints the failing ones with their line.
func check(_ condition: @autoclosure () throws -> Bool, _ message: @autoclosure () -> String = "", line: UInt = #line) {
    do {
        if try condition() {
            Checks.passed += 1
            return
        }
        print("line \(line): check failed \(message())")
    } catch {
        print("line \(line): threw \(error) \(message())")
    }
    Checks.failed += 1
}

/// Records an expectation that `body` throws.
func checkThrows(_ body: () throws -> Void, line: UInt = #line) {
    do {
        try body()
        print("line \(line): expected an error")
        Checks.failed += 1
    } catch {
        Checks.passed += 1
    }
}

func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(json.utf8))
}

/// JSON with sorted keys and unescaped slashes, for exact comparisons.
func encode(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// Prints the closing line and exits with 0 only when every check passed.
func finish() -> Never {
    print("\(Checks.passed) passed, \(Checks.failed) failed")
    exit(Checks.failed == 0 ? 0 : 1)
}

/// A listening socket on an ephemeral port of 127.0.0.1, for the checks that talk to a real server (forms,
/// multipart, streams); each serves its own way.
func listenOnLoopback(backlog: Int32 = 8) throws -> (listener: Int32, port: UInt16) {
    #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard fd >= 0 else { throw POSIXError(.EIO) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
    }
    guard bound == 0, listen(fd, backlog) == 0 else {
        close(fd)
        throw POSIXError(.EADDRINUSE)
    }
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return (fd, UInt16(bigEndian: address.sin_port))
}

/// Accepts one connection on 127.0.0.1, reads one request (its head and a `Content-Length` or chunked body,
/// within 20 seconds), keeps it, then sends `answer`: for the checks that read what a real HTTP transport sends
/// (forms, multipart).
final class OneRequestServer: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let answer: String
    private let lock = NSLock()
    private var received: (head: String, body: Data)?

    init(answer: String = "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n") throws {
        (listener, port) = try listenOnLoopback(backlog: 4)
        self.answer = answer
        Thread.detachNewThread { [self] in serve() }
    }

    /// The request's head (request line and header fields, without the blank line) and its body, once the
    /// whole request has arrived; kept before the answer is sent, so a client that has its response can read it.
    var request: (head: String, body: Data)? { lock.withLock { received } }

    private func serve() {
        defer { close(listener) }
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else { return }
        defer { close(connection) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if let result = Self.complete(data) {
                lock.withLock { received = result }
                let bytes = Data(answer.utf8)
                _ = bytes.withUnsafeBytes { send(connection, $0.baseAddress!, $0.count, 0) }
                return
            }
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    /// The head and the whole body, once they have arrived.
    static func complete(_ data: Data) -> (head: String, body: Data)? {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self)
        let rest = Data(data[end.upperBound...])
        let lines = head.lowercased().components(separatedBy: "\r\n")
        if let field = lines.first(where: { $0.hasPrefix("content-length:") }),
            let length = Int(field.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
        {
            return rest.count >= length ? (head, Data(rest.prefix(length))) : nil
        }
        guard lines.contains("transfer-encoding: chunked") else { return (head, Data()) }
        var body = Data()
        var position = rest.startIndex
        while let lineEnd = rest[position...].range(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: rest[position..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";")[0], radix: 16) else { return nil }
            if size == 0 { return (head, body) }
            let start = lineEnd.upperBound
            guard rest.distance(from: start, to: rest.endIndex) >= size + 2 else { return nil }
            body.append(rest[start..<rest.index(start, offsetBy: size)])
            position = rest.index(start, offsetBy: size + 2)
        }
        return nil
    }
}
