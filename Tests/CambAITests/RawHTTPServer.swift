import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An HTTP server on 127.0.0.1 written with POSIX sockets, for the responses a well-behaved server never
/// sends: a body shorter than its `Content-Length`, a chunked body that stops, a response that stalls, no
/// `Content-Type`. It serves each connection with the same script: read one request (headers and
/// `Content-Length` body), then run the steps in order. Every wait is bounded, so a test cannot hang on it.
final class RawHTTPServer: @unchecked Sendable {
    enum Step: Sendable {
        /// Writes these bytes (a write the client refuses ends the script).
        case send(Data)
        /// Waits this many seconds.
        case pause(Double)
        /// Keeps the connection open, reading, until the client closes it (recorded as `clientClosed`), at
        /// most `holdLimit` seconds.
        case holdUntilClientCloses
    }

    /// The longest `holdUntilClientCloses` waits.
    static let holdLimit = 10.0

    let port: UInt16
    private let listener: Int32
    private let steps: [Step]
    private let lock = NSLock()
    private var requestCount = 0
    private var requestHeads: [String] = []
    private var clientClosedCount = 0
    private var isStopped = false

    /// Starts listening on an ephemeral port of 127.0.0.1.
    init(_ steps: [Step]) throws {
        self.steps = steps
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
        let length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0, listen(fd, 8) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var actual = sockaddr_in()
        var actualLength = length
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &actualLength) }
        }
        listener = fd
        port = UInt16(bigEndian: actual.sin_port)
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    var url: URL { URL(string: "http://127.0.0.1:\(port)/apis")! }

    /// How many requests have been read completely.
    var requests: Int { lock.withLock { requestCount } }

    /// The request line and header fields of each request read completely, in arrival order, as sent.
    var heads: [String] { lock.withLock { requestHeads } }

    /// How many connections the client closed while the server held them open.
    var clientClosed: Int { lock.withLock { clientClosedCount } }

    /// Stops accepting; connections being served finish their script.
    func stop() {
        lock.withLock { isStopped = true }
    }

    /// Waits until `condition` holds, checking every 10 ms, at most `seconds`; returns whether it held.
    func wait(seconds: Double, until condition: (RawHTTPServer) -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(self) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition(self)
    }

    private var stopped: Bool { lock.withLock { isStopped } }

    private func acceptLoop() {
        defer { close(listener) }
        while !stopped {
            guard Self.poll(listener, seconds: 0.05) else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            Thread.detachNewThread { [self] in serve(connection) }
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        guard readRequest(connection) else { return }
        lock.withLock { requestCount += 1 }
        for step in steps {
            switch step {
            case .send(let data):
                guard Self.write(data, to: connection) else { return }
            case .pause(let seconds):
                Thread.sleep(forTimeInterval: seconds)
            case .holdUntilClientCloses:
                if Self.readUntilClosed(connection, seconds: Self.holdLimit) {
                    lock.withLock { clientClosedCount += 1 }
                }
                return
            }
        }
    }

    /// Reads the request line, the headers and a `Content-Length` body, within 5 seconds.
    private func readRequest(_ connection: Int32) -> Bool {
        var received = Data()
        let deadline = Date().addingTimeInterval(5)
        let separator = Data("\r\n\r\n".utf8)
        while Date() < deadline {
            if let end = received.range(of: separator) {
                let head = String(decoding: received[..<end.lowerBound], as: UTF8.self).lowercased()
                let length =
                    head.split(separator: "\r\n")
                    .first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) }
                    ?? 0
                if received.count - end.upperBound >= length {
                    let sent = String(decoding: received[..<end.lowerBound], as: UTF8.self)
                    lock.withLock { requestHeads.append(sent) }
                    return true
                }
            }
            guard Self.poll(connection, seconds: 0.05) else { continue }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { return false }
            received.append(contentsOf: buffer[0..<count])
        }
        return false
    }

    /// Whether the peer closed the connection (end of stream or reset) within `seconds`.
    private static func readUntilClosed(_ connection: Int32, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            guard poll(connection, seconds: 0.05) else { continue }
            if recv(connection, &buffer, buffer.count, 0) <= 0 { return true }
        }
        return false
    }

    private static func write(_ data: Data, to connection: Int32) -> Bool {
        #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL)
        #else
            let flags: Int32 = 0
        #endif
        return data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = send(connection, raw.baseAddress! + offset, raw.count - offset, flags)
                guard written > 0 else { return false }
                offset += written
            }
            return true
        }
    }

    /// Whether the descriptor is readable (or closed) within `seconds`.
    private static func poll(_ fd: Int32, seconds: Double) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        #if canImport(Glibc)
            return Glibc.poll(&entry, 1, Int32(seconds * 1000)) > 0
        #else
            return Darwin.poll(&entry, 1, Int32(seconds * 1000)) > 0
        #endif
    }
}

extension RawHTTPServer.Step {
    /// A status line and header fields (each `name: value`), then the empty line.
    static func head(_ fields: [String], status: String = "200 OK") -> Self {
        .send(Data((["HTTP/1.1 " + status] + fields + ["", ""]).joined(separator: "\r\n").utf8))
    }

    static func text(_ text: String) -> Self { .send(Data(text.utf8)) }
}
