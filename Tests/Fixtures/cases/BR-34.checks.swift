import BR34
import Foundation

// BR-34: parameter names with dashes and underscores; header parameters.
let recorder = RecordingTransport()
let client = BR34Client(serverURL: URL(string: "https://h.example")!, transport: recorder)
try await client.listTokens(accountID: 42, pageToken: "p2", xRequestID: "abc")
try await client.getOwner(accountID: 7)
check(
    recorder.requests.map(\.url.absoluteString) == [
        "https://h.example/accounts/42/payment-tokens?page_token=p2", "https://h.example/owners/7",
    ])
check(recorder.requests.first?.headerFields["X-Request-ID"] == "abc")
finish()
