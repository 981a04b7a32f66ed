import AuthKinds
import Foundation

// The relative server `/api/v1`, resolved against a base the caller gives.
let base = URL(string: "https://auth.example.org/ignored")!
check(AuthKindsServers.Server1.url(relativeTo: base).absoluteString == "https://auth.example.org/api/v1")

/// Counts the tokens it gives, `t1`, `t2`…, as a provider that refreshes would.
actor TokenSource {
    var issued = 0
    func next() -> String {
        issued += 1
        return "t\(issued)"
    }
}
let source = TokenSource()
let recorder = RecordingTransport { _ in CheckedResponse(statusCode: 204) }
let client = AuthKindsClient(
    basicCredential: AuthKindsBasicCredential(username: "Aladdin", password: "open sesame"),
    digest: #"Digest username="Mufasa", realm="x", nonce="n", uri="/digest", response="r""#,
    oauth: AuthKindsTokenProvider { await source.next() }, oidc: .token("id-token"), session: "a b;c\"é",
    tenant: "acme", serverURL: AuthKindsServers.Server1.url(relativeTo: base), transport: recorder)

try await client.getSession()
try await client.getBasic()
try await client.getDigest()
try await client.getOAuth()
try await client.getOAuth()
try await client.getOIDC()
try await client.getOptional()
try await client.getTenantOrOAuth()
try await client.getTenantAndSession(xTrace: "trace-1")
check(recorder.urls.first == "https://auth.example.org/api/v1/session", "\(recorder.urls)")
func sent(_ index: Int) -> [String: String] { recorder.requests[index].headerFields.filter { $0.key != "Accept" } }
// The cookie's space, `;`, `"` and the two UTF-8 bytes of `é` percent-encoded (RFC 6265 cookie-octet).
check(sent(0) == ["Cookie": "SESSION-ID=a%20b%3Bc%22%C3%A9"], "\(sent(0))")
// RFC 7617's own example: base64 of "Aladdin:open sesame".
check(sent(1) == ["Authorization": "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="], "\(sent(1))")
check(sent(2) == ["Authorization": #"Digest username="Mufasa", realm="x", nonce="n", uri="/digest", response="r""#])
// The provider is asked before each request: a refreshed token each time.
check(sent(3) == ["Authorization": "Bearer t1"], "\(sent(3))")
check(sent(4) == ["Authorization": "Bearer t2"], "\(sent(4))")
check(sent(5) == ["Authorization": "Bearer id-token"], "\(sent(5))")
check(sent(6) == ["X-Tenant": "acme"], "\(sent(6))")  // optional security: the key that is set is sent
check(sent(7) == ["X-Tenant": "acme"], "\(sent(7))")  // the first alternative is complete: no token asked
let issuedAfterEight = await source.issued
check(issuedAfterEight == 2)
check(sent(8) == ["X-Trace": "trace-1", "X-Tenant": "acme", "Cookie": "SESSION-ID=a%20b%3Bc%22%C3%A9"], "\(sent(8))")

// Nothing set: optional security sends nothing; the second alternative asks the provider.
let bare = RecordingTransport { _ in CheckedResponse(statusCode: 204) }
let anonymous = AuthKindsClient(
    oauth: AuthKindsTokenProvider { await source.next() }, serverURL: URL(string: "https://h.example")!,
    transport: bare)
try await anonymous.getOptional()
try await anonymous.getTenantOrOAuth()
try await anonymous.getBasic()
check(bare.requests[0].headerFields.keys.sorted() == ["Accept"], "\(bare.requests[0].headerFields)")
check(bare.requests[1].headerFields["Authorization"] == "Bearer t3", "\(bare.requests[1].headerFields)")
check(bare.requests[2].headerFields.keys.sorted() == ["Accept"], "\(bare.requests[2].headerFields)")

// A provider that fails: the operation throws `.transport` with its error, and nothing is sent.
struct Expired: Error {}
let failing = RecordingTransport { _ in CheckedResponse(statusCode: 204) }
let expired = AuthKindsClient(
    oauth: AuthKindsTokenProvider { throw Expired() }, serverURL: URL(string: "https://h.example")!,
    transport: failing)
do {
    try await expired.getOAuth()
    check(false, "expected an error")
} catch .transport(let error) {
    check(error is Expired, "\(error)")
} catch {
    check(false, "\(error)")
}
check(failing.requests.isEmpty)

// Descriptions never show a secret.
let description = "\(client) \(String(reflecting: client.basicCredential)) \(String(describing: client.oauth))"
check(!description.contains("Aladdin") && !description.contains("sesame") && !description.contains("acme"), description)
finish()
