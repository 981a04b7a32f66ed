import BR48
import Foundation

// BR-48: the default server is the first with each variable at its default; an operation with its own `servers`
// (or under a path item with some) goes to the first of them. The expected URLs are the case's header.
let recorder = RecordingTransport { _ in CheckedResponse(statusCode: 204) }
let client = BR48Client(transport: recorder)
check(BR48Client.defaultServerURL.absoluteString == "https://eu.api.example.com/v2")
try await client.ping()
try await client.listFiles()
try await client.uploadFile(body: Data([1, 2, 3]))
try await client.getReport()
check(recorder.requests.map(\.method) == ["GET", "GET", "POST", "GET"])
check(
    recorder.urls == [
        "https://eu.api.example.com/v2/ping",
        "https://uploads.example.com/v1/files",
        "https://uploads.example.com/v1/files",
        "https://reports.example.com/reports",
    ], "\(recorder.urls)")

// Server variables, typed: `region` is an enum of the document's values, `basePath` any text.
check(BR48Servers.Server1.Region.allCases.map(\.rawValue) == ["eu", "us"])
check(try BR48Servers.Server1.url().absoluteString == "https://eu.api.example.com/v2")
check(try BR48Servers.Server1.url(region: .us).absoluteString == "https://us.api.example.com/v2")
check(try BR48Servers.Server1.url(region: .us, basePath: "v3").absoluteString == "https://us.api.example.com/v3")
check(BR48Servers.Server2.url().absoluteString == "http://localhost:8080/v2")

// Another server for the client: operations with their own servers keep theirs…
let us = RecordingTransport { _ in CheckedResponse(statusCode: 204) }
var usClient = BR48Client(serverURL: try BR48Servers.Server1.url(region: .us), transport: us)
try await usClient.ping()
try await usClient.listFiles()
// …unless every operation is to go to `serverURL` (a proxy, a test server).
usClient.usesServerURLForEveryOperation = true
try await usClient.listFiles()
try await usClient.getReport()
check(
    us.urls == [
        "https://us.api.example.com/v2/ping",
        "https://uploads.example.com/v1/files",
        "https://us.api.example.com/v2/files",
        "https://us.api.example.com/v2/reports",
    ], "\(us.urls)")

// One operation's server chosen: only that operation moves; the path item's other operation keeps its default.
let chosen = RecordingTransport { _ in CheckedResponse(statusCode: 204) }
var chosenClient = BR48Client(transport: chosen)
chosenClient.operationServers.listFiles = BR48Servers.ListFiles.Server1.url()
chosenClient.operationServers.getReport = URL(string: "http://127.0.0.1:9090/mirror")!
try await chosenClient.listFiles()
try await chosenClient.uploadFile(body: Data())
try await chosenClient.getReport()
check(
    chosen.urls == [
        "https://uploads.example.com/v1/files",
        "https://uploads.example.com/v1/files",
        "http://127.0.0.1:9090/mirror/reports",
    ], "\(chosen.urls)")
finish()
