import CambAI
import Foundation
import Testing

/// Parses JSON text into Foundation objects so that two JSON texts can be compared regardless of key order.
func jsonObject(_ text: String) throws -> NSObject {
    try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) as! NSObject
}

func jsonObject(_ data: Data) throws -> NSObject {
    try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as! NSObject
}

func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(text.utf8))
}

func encode<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// A transport that answers from memory and remembers what it was sent.
final class InMemoryTransport: CambAITransport, @unchecked Sendable {
    private let lock = NSLock()
    private var _requests: [CambAIRequest] = []
    private let respond: @Sendable (CambAIRequest) throws -> CambAIResponse

    init(_ respond: @escaping @Sendable (CambAIRequest) throws -> CambAIResponse) {
        self.respond = respond
    }

    var requests: [CambAIRequest] {
        lock.withLock { _requests }
    }

    func send(_ request: CambAIRequest) async throws -> CambAIResponse {
        lock.withLock { _requests.append(request) }
        return try respond(request)
    }
}

/// Calls the operation with fixed arguments and returns the error it throws, recording an issue when it returns
/// instead; also checks that neither of the error's descriptions contains `key`.
func operationFailure(of client: CambAIClient, hiding key: String) async -> CambAIError? {
    do {
        let result = try await client.getDubbedOutputInAltFormat(
            runID: 1, language: .enUS, outputFormat: .audioOutputType(.wav))
        Issue.record("expected an error, got \(result)")
        return nil
    } catch {
        #expect(!String(describing: error).contains(key))
        #expect(!String(reflecting: error).contains(key))
        return error
    }
}
