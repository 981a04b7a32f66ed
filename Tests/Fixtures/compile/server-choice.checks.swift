import Foundation
import ServerChoice

// The first server, every variable at its default.
check(ServerChoiceClient.defaultServerURL.absoluteString == "https://api.example.com:8443/v1")
check(try ServerChoiceServers.Server1.url().absoluteString == "https://api.example.com:8443/v1")
// Enum variables are Swift enums of the document's values; the others take any text.
check(ServerChoiceServers.Server1.Scheme.allCases.map(\.rawValue) == ["https", "http"])
check(ServerChoiceServers.Server1.Port.allCases.map(\.rawValue) == ["8443", "443", "8080"])
check(
    try ServerChoiceServers.Server1.url(scheme: .http, host: "localhost", port: ._8080, default: "v9").absoluteString
        == "http://localhost:8080/v9")
// The relative second server, against a base the caller gives (RFC 3986: the base's path is replaced).
check(
    ServerChoiceServers.Server2.url(relativeTo: URL(string: "https://files.example.org/docs/openapi.yaml")!)
        .absoluteString == "https://files.example.org/relative/v2")

let recorder = RecordingTransport { _ in CheckedResponse(statusCode: 204) }
try await ServerChoiceClient(transport: recorder).listItems()
try await ServerChoiceClient(transport: recorder).getLegacy()
try await ServerChoiceClient(transport: recorder).putLegacy()
let local = try ServerChoiceServers.Server1.url(scheme: .http, host: "127.0.0.1", port: ._8080)
try await ServerChoiceClient(serverURL: local, transport: recorder).listItems()
try await ServerChoiceClient(serverURL: local, transport: recorder).getLegacy()
try await ServerChoiceClient(serverURL: local, transport: recorder).putLegacy()
check(
    recorder.urls == [
        "https://api.example.com:8443/v1/items",
        // The path item's relative server, resolved against serverURL.
        "https://api.example.com:8443/legacy-root/legacy",
        // The operation's own server wins over its path item's, its variable at its default.
        "https://west.example.net/legacy",
        "http://127.0.0.1:8080/v1/items",
        "http://127.0.0.1:8080/legacy-root/legacy",
        "https://west.example.net/legacy",
    ], "\(recorder.urls)")
finish()
