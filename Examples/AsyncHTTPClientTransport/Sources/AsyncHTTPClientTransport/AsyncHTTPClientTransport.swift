import AsyncHTTPClient
import CambAI
import Foundation
import NIOCore
import NIOHTTP1

// The CambAI runtime types this adapter speaks: `CambAITransport`, `CambAIRequest` and `CambAIResponse`.

/// Sends the CambAI client's requests with AsyncHTTPClient's `HTTPClient`.
///
/// ```swift
/// let client = CambAIClient(apiKey: key, transport: AsyncHTTPClientTransport())
/// ```
///
/// It keeps the transport contract of `CambAIURLSessionTransport`: every status is a response (the client decides
/// what it means); reading stops at `request.maximumResponseSize` (at once when the `Content-Length` announces
/// more) with `CambAIError.responseTooLarge`; a body cut short is `CambAIError.incompleteBody` with what
/// arrived; cancelling the calling task cancels the request (`CancellationError`, or
/// `CambAIError.cancelled` with what had arrived), and `deadline` passing is `CambAIError.timedOut`. Any other
/// failure before the status arrives (a refused connection) is thrown as AsyncHTTPClient's error, which the
/// client reports as `CambAIError.transport`. By default AsyncHTTPClient keeps retrying a connection that is
/// refused until the request's deadline, so that error comes at `deadline` (and the client's `timeout`, when it is
/// shorter, reports `.timedOut` instead); an `HTTPClient` whose `connectionPool.retryConnectionEstablishment` is
/// `false` fails at once.
public struct AsyncHTTPClientTransport: CambAITransport {
    /// The HTTP client requests go through; `HTTPClient.shared` by default. The caller owns it (and shuts it
    /// down when it is not the shared one).
    public var client: HTTPClient
    /// The longest one exchange may take, from sending to the last body byte: AsyncHTTPClient's deadline.
    /// The CambAI client's own `timeout` (which cancels the task) usually comes first.
    public var deadline: TimeAmount

    /// Creates a transport on an `HTTPClient`.
    /// - Parameters:
    ///   - client: The HTTP client to send requests with; `HTTPClient.shared` by default.
    ///   - deadline: The longest one exchange may take; 60 seconds by default.
    public init(client: HTTPClient = .shared, deadline: TimeAmount = .seconds(60)) {
        self.client = client
        self.deadline = deadline
    }

    public func send(_ request: CambAIRequest) async throws -> CambAIResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headerFields.sorted(by: { $0.key < $1.key }) {
            outgoing.headers.add(name: name, value: value)
        }
        if let body = request.body {
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }

        let incoming: HTTPClientResponse
        do {
            incoming = try await client.execute(outgoing, deadline: .now() + deadline)
        } catch {
            throw Self.translate(error, received: nil)
        }

        var response = CambAIResponse(statusCode: Int(incoming.status.code))
        for (name, value) in incoming.headers {
            // Repeated fields are joined as HTTP allows (RFC 9110, section 5.3).
            response.headerFields[name] = response.headerFields[name].map { "\($0), \(value)" } ?? value
        }
        let expectedLength = incoming.headers.first(name: "Content-Length").flatMap { Int($0) }
        let limit = request.maximumResponseSize
        if let limit, let expectedLength, expectedLength > limit {
            throw CambAIError.responseTooLarge(response, limit: limit)
        }
        do {
            for try await chunk in incoming.body {
                response.body.append(contentsOf: chunk.readableBytesView)
                if let limit, response.body.count > limit {
                    response.body = Data(response.body.prefix(limit))
                    throw CambAIError.responseTooLarge(response, limit: limit)
                }
            }
        } catch let error as CambAIError {
            throw error
        } catch {
            throw Self.translate(error, received: response, expectedLength: expectedLength)
        }
        return response
    }

    /// Names what stopped an exchange in the terms of the CambAI client.
    static func translate(_ error: any Error, received: CambAIResponse?, expectedLength: Int? = nil) -> any Error {
        if error is CancellationError || (error as? HTTPClientError) == .cancelled {
            return received.map { CambAIError.cancelled(received: $0) } ?? CancellationError()
        }
        if (error as? HTTPClientError) == .deadlineExceeded {
            return CambAIError.timedOut(received: received)
        }
        if let received {
            // The status and headers arrived, then the connection failed: the body is incomplete.
            return CambAIError.incompleteBody(received, expectedLength: expectedLength)
        }
        return error
    }
}
