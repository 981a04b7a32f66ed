import CambAI
import Foundation
import Testing

/// The default transport against a real server on 127.0.0.1: what it sends is what the client built.
@Suite(.serialized) struct URLSessionTransportTests {
    /// A server that sets a cookie must not change the `Cookie` header of the next request (cookie parameters
    /// and cookie credentials): swift-corelibs-foundation replaces it by stored cookies when the session has a
    /// cookie storage, so the default configuration has none.
    @Test func serverSetCookieDoesNotReplaceTheCookieHeaderTheClientSends() async throws {
        let server = try RawHTTPServer([
            .head(["Set-Cookie: session=from-server; Path=/", "Content-Length: 2", "Connection: close"]),
            .text("{}"),
        ])
        defer { server.stop() }
        let transport = CambAIURLSessionTransport()
        for _ in 0..<2 {
            var request = CambAIRequest(method: "GET", url: server.url)
            request.headerFields["Cookie"] = "api_key=k1; lang=en"
            let response = try await transport.send(request)
            #expect(response.statusCode == 200)
        }
        let cookies = server.heads.map { head in
            head.split(separator: "\r\n").filter { $0.lowercased().hasPrefix("cookie:") }.map(String.init)
        }
        #expect(cookies == [["Cookie: api_key=k1; lang=en"], ["Cookie: api_key=k1; lang=en"]])
    }
}
