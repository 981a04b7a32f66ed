import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The FastAPI application of `Tests/Server/app.py`, run by uvicorn on 127.0.0.1 in a child process.
///
/// `start()` runs `$CAMBAI_PYTHON Tests/Server/app.py` (`python3` when the variable is unset), reads the port the
/// application prints once it listens, then waits (at most `startLimit` seconds in all) until it answers
/// `GET /openapi.json`. The child exits when its standard input closes, so it cannot outlive the test process.
final class FastAPIServer: @unchecked Sendable {
    /// The longest `start()` waits for the application to listen and answer.
    static let startLimit = 60.0

    /// The server the enclosing `.fastAPIServer` suite started.
    @TaskLocal static var current: FastAPIServer?

    let port: Int
    private let process: Process
    private let input: Pipe

    private init(port: Int, process: Process, input: Pipe) {
        self.port = port
        self.process = process
        self.input = input
    }

    var url: URL { URL(string: "http://127.0.0.1:\(port)/apis")! }

    struct StartFailure: Error, CustomStringConvertible {
        var description: String
    }

    static func start() async throws -> FastAPIServer {
        let app = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Server/app.py")
        let python = ProcessInfo.processInfo.environment["CAMBAI_PYTHON"] ?? "python3"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, app.path]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        let printed = Printed()
        for (pipe, isError) in [(output, false), (errors, true)] {
            pipe.fileHandleForReading.readabilityHandler = { handle in
                let data = handle.availableData
                if data.isEmpty { handle.readabilityHandler = nil }  // end of file
                printed.append(data, error: isError)
            }
        }
        try process.run()

        let deadline = Date().addingTimeInterval(startLimit)
        func fail(_ reason: String) -> StartFailure {
            process.terminate()
            return StartFailure(
                description: "the FastAPI server (\(python) \(app.path)) \(reason); it printed:\n\(printed.errorText)")
        }
        var port: Int?
        while port == nil {
            port = printed.port
            if port != nil { break }
            guard process.isRunning else { throw fail("exited with status \(process.terminationStatus)") }
            guard Date() < deadline else { throw fail("printed no port within \(startLimit) seconds") }
            try await Task.sleep(for: .milliseconds(50))
        }
        let server = FastAPIServer(port: port!, process: process, input: input)
        let probe = URL(string: "http://127.0.0.1:\(port!)/openapi.json")!
        while true {
            if let reply = try? await URLSession.shared.data(from: probe),
                (reply.1 as? HTTPURLResponse)?.statusCode == 200
            {
                return server
            }
            guard process.isRunning else { throw fail("exited with status \(process.terminationStatus)") }
            guard Date() < deadline else { throw fail("did not answer within \(startLimit) seconds") }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Closes the child's standard input (it exits), then terminates it if it is still running after 5 seconds.
    func stop() {
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    /// What the child printed, gathered from the pipes' handlers.
    private final class Printed: @unchecked Sendable {
        private let lock = NSLock()
        private var output = Data()
        private var errors = Data()

        func append(_ data: Data, error: Bool) {
            lock.withLock {
                if error { errors.append(data) } else { output.append(data) }
            }
        }

        /// The port of the first `PORT <n>` line.
        var port: Int? {
            let text = lock.withLock { String(decoding: output, as: UTF8.self) }
            for line in text.split(separator: "\n") where line.hasPrefix("PORT ") {
                return Int(line.dropFirst(5))
            }
            return nil
        }

        var errorText: String { lock.withLock { String(decoding: errors, as: UTF8.self) } }
    }
}

/// Runs a suite with one FastAPI server for all its tests, started before the first and stopped after the last;
/// a server that cannot start fails the suite.
struct FastAPIServerTrait: SuiteTrait, TestScoping {
    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let server = try await FastAPIServer.start()
        defer { server.stop() }
        try await FastAPIServer.$current.withValue(server) { try await function() }
    }
}

extension Trait where Self == FastAPIServerTrait {
    static var fastAPIServer: Self { Self() }
}
