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
