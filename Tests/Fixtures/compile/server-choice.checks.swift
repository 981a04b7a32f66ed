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

// The servers of a path item or operation, per operation: `nil` goes to the first of them at its defaults.
check(ServerChoiceServers.ListUploads.Server1.Region.allCases.map(\.rawValue) == ["eu", "us", "ap"])
// The path item's second operation names the same namespace, so its variable enums are the same types.
let sameRegion: ServerChoiceServers.ListUploads.Server1.Region = ServerChoiceServers.CreateUpload.Server1.Region.ap
check(sameRegion == .ap)
check(ServerChoiceServers.Default.Server1.Tier.allCases.map(\.rawValue) == ["gold", "silver"])
check(ServerChoiceOperationServers() == ServerChoiceOperationServers(listUploads: nil))
let uploads = RecordingTransport { _ in CheckedResponse(statusCode: 204) }
var client = ServerChoiceClient(transport: uploads)
try await client.listUploads(limit: 5)  // the first server at its defaults
try await client.createUpload(body: CreateUploadRequest(name: "a"))
try await client.default()
// Each alternative server: an enum variable and a free one set, a fixed host with a port, a relative one.
client.operationServers.listUploads = try ServerChoiceServers.ListUploads.Server1.url(region: .us, version: "v7")
try await client.listUploads(limit: 5)
client.operationServers.listUploads = ServerChoiceServers.ListUploads.Server2.url()
try await client.listUploads(limit: 5)
// A relative server, resolved against a base the caller gives…
client.operationServers.listUploads = ServerChoiceServers.ListUploads.Server3.url(
    relativeTo: URL(string: "https://gateway.example.com:8000/some/path")!)
try await client.listUploads()
// …or left relative: the client resolves it against serverURL (RFC 3986: serverURL's path is replaced).
client.operationServers.listUploads = URL(string: "/upload-proxy")!
try await client.listUploads()
// Each operation of the path item chooses on its own: createUpload still goes to the first server.
try await client.createUpload(body: CreateUploadRequest(name: "b"))
// Both functions of createUpload (JSON and text bodies) follow its one property.
client.operationServers.createUpload = try ServerChoiceServers.CreateUpload.Server1.url(region: .ap)
try await client.createUpload(body: CreateUploadRequest(name: "c"))
try await client.createUploadText(body: "d")
// The operation named like a keyword, with an enum variable, then its second server.
client.operationServers.default = ServerChoiceServers.Default.Server1.url(tier: .silver)
try await client.default()
client.operationServers = ServerChoiceOperationServers(default: ServerChoiceServers.Default.Server2.url())
try await client.default()
try await client.listUploads(limit: 1)  // the whole struct replaced: listUploads back to its default
// usesServerURLForEveryOperation wins over operationServers: every operation goes to serverURL.
client.serverURL = URL(string: "http://127.0.0.1:8080/proxy")!
client.operationServers.listUploads = ServerChoiceServers.ListUploads.Server2.url()
client.usesServerURLForEveryOperation = true
try await client.listUploads(limit: 2)
try await client.default()
try await client.createUploadText(body: "e")
check(
    uploads.urls == [
        "https://eu.uploads.example.com/v1/uploads?limit=5",
        "https://eu.uploads.example.com/v1/uploads",
        "https://gold.example.org/defaults",
        "https://us.uploads.example.com/v7/uploads?limit=5",
        "http://localhost:9000/up/uploads?limit=5",
        "https://gateway.example.com:8000/upload-proxy/uploads",
        "https://api.example.com:8443/upload-proxy/uploads",
        "https://eu.uploads.example.com/v1/uploads",
        "https://ap.uploads.example.com/v1/uploads",
        "https://ap.uploads.example.com/v1/uploads",
        "https://silver.example.org/defaults",
        "https://backup.example.org:444/base/defaults",
        "https://eu.uploads.example.com/v1/uploads?limit=1",
        "http://127.0.0.1:8080/proxy/uploads?limit=2",
        "http://127.0.0.1:8080/proxy/defaults",
        "http://127.0.0.1:8080/proxy/uploads",
    ], "\(uploads.urls)")
// A placeholder default (`{your-agent-url}`): no default server, so serverURL, until the caller gives a value;
// `url(agentURL:)` takes it without a default.
let agents = RecordingTransport { _ in CheckedResponse(statusCode: 204) }
var agentClient = ServerChoiceClient(transport: agents)
try await agentClient.askAgent()
agentClient.operationServers.askAgent = try ServerChoiceServers.AskAgent.Server1.url(agentURL: "my-agent.example.net")
try await agentClient.askAgent()
agentClient.operationServers.askAgent = ServerChoiceServers.AskAgent.Server2.url()
try await agentClient.askAgent()
// No server of the document makes a URL: serverURL, or the URL the caller gives.
try await agentClient.putPresigned()
agentClient.operationServers.putPresigned = URL(string: "https://bucket.example.com:9443/b1")!
try await agentClient.putPresigned()
check(
    agents.urls == [
        "https://api.example.com:8443/v1/agent",
        "https://my-agent.example.net/api/agent",
        "https://agents.example.com/agent",
        "https://api.example.com:8443/v1/presigned",
        "https://bucket.example.com:9443/b1/presigned",
    ], "\(agents.urls)")
// A free-text variable that makes no URL (a space in the host) throws `invalidURL` with the text.
do {
    _ = try ServerChoiceServers.PutLegacy.Server1.url(zone: "a b")
    check(false, "expected invalidURL")
} catch .invalidURL(let text) {
    check(text == "https://a b.example.net", text)
} catch {
    check(false, "\(error)")
}
finish()
