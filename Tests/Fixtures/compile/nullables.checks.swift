import Foundation
import Nullables

let transport = answering(204)
let client = NullablesClient(serverURL: URL(string: "https://example.com")!, transport: transport)
func sent() -> [String?] { transport.requests.map { $0.body.map { String(decoding: $0, as: UTF8.self) } } }

// An optional nullable body: no body at all, the body `null`, or a value.
try await client.putNote()
try await client.putNote(body: .null)
try await client.putNote(body: .value("x"))
check(sent() == [nil, "null", #""x""#], "\(sent())")
check(transport.requests.map { $0.headerFields["Content-Type"] } == [nil, "application/json", "application/json"])

// A required nullable body: nil is `null`.
try await client.postNote(body: nil)
try await client.postNote(body: "y")
check(sent().suffix(2) == ["null", #""y""#], "\(sent())")

// Flattened arguments of an inline object: left out, null, or a value, one level down too.
try await client.patchLabel()
try await client.patchLabel(label: .null, count: .null)
try await client.patchLabel(label: .value(PatchLabelRequestLabel(color: .null)), count: .value(4))
try await client.patchLabel(label: .value(PatchLabelRequestLabel(color: .value("red"))))
check(
    sent().suffix(4) == [
        "{}", #"{"count":null,"label":null}"#, #"{"count":4,"label":{"color":null}}"#, #"{"label":{"color":"red"}}"#,
    ], "\(sent())")

// The model's own initializer gives the schema's default, a value.
check(PatchLabelRequest().count == .value(3))
check(try encode(PatchLabelRequest()) == #"{"count":3}"#)
let decoded = try decode(PatchLabelRequest.self, #"{"label":{"color":null},"count":null}"#)
check(decoded.label == .value(PatchLabelRequestLabel(color: .null)) && decoded.count == .null)
check(try decode(PatchLabelRequest.self, "{}").count == nil)  // absent stays absent: the default is the caller's
finish()
