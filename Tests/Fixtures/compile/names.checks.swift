import Foundation
import Names

// Every property keeps its exact wire name, whatever its Swift name had to become.
let text =
    #"{"CodingKeys":"k","additionalProperties":"a","container":"c","declaredNames":"n","decoder":"d","default":true,"encoder":"e","hashValue":1,"init":"i","intValue":2,"matchScore":"m","rawValue":"r","self":"s","stringValue":"v","undeclared":"u"}"#
let props = try decode(Props.self, text)
check(props.container == "c" && props.encoder == "e" && props.decoder == "d")
check(props.additionalProperties2 == "a" && props.codingKeys == "k" && props.matchScore == "m")
check(props.stringValue == "v" && props.intValue == 2 && props.hashValue2 == 1 && props.rawValue == "r")
check(props.self_ == "s" && props.`default` == true && props.init_ == "i")
check(props.declaredNames == "n" && props.undeclared == "u")
check(props.additionalProperties.isEmpty)
check(try encode(props) == text)

// Enum values that are keywords or member names keep their raw values.
for raw in [
    "self", "Type", "init", "default", "rawValue", "undocumented", "allCases", "isDocumented", "Self", "none", "some",
    "",
] {
    check(Keywords(rawValue: raw).rawValue == raw, raw)
    check(Keywords(rawValue: raw).isDocumented, raw)
}
check(Keywords(rawValue: "") == .empty)
check(Keywords(rawValue: "new") == .undocumented2("new"))
// An undocumented value that is a listed one equals its case, and hashes alike: `==` compares raw values.
check(Keywords.undocumented2("") == .empty && Keywords.undocumented2("self") != .empty)
check(Set([Keywords.undocumented2(""), Keywords.empty]).count == 1)

// Error bodies named like the module error's own cases keep their names (they are cases of the operation's failure
// enum, not of the module error); an operation named like a client option gets a suffix.
let slow = NamesClient(serverURL: URL(string: "https://example.com")!, transport: answering(408, #"{"after":3}"#))
do {
    try await slow.timeout2()
    check(false, "expected an error")
} catch .documented(let failure as Timeout2Failure, let response) {
    check(failure == .requestTimeout(TimedOut(after: 3)) && response.statusCode == 408)
} catch {
    check(false, "\(error)")
}
check(NamesError.cancelled(received: nil).response == nil)

// Schemas named like other modules' types keep their names; those named like this module's runtime types get a
// suffix, and the runtime types keep theirs.
check(HTTPRequest(a: "q").a == "q" && HTTPResponse(a: "s").a == "s" && JSONValue(a: "j").a == "j")
check(URLSessionTransport(a: "u").a == "u")
check(NamesRequest2(a: "n").a == "n" && Namestransport2(a: "t").a == "t")
let anyJSON: NamesJSONValue = ["a": 1]
check(try encode(anyJSON) == #"{"a":1}"#)
check(NamesRequest(method: "GET", url: URL(string: "https://example.com")!).method == "GET")
// Schemas named like the middleware types of other libraries keep their names (the module's are
// `NamesMiddleware`…); `Next`, which a module type would hide inside middleware, is renamed, and the types nested
// in one (`Entry`, `Kind`) keep their names; an operation named
// `with` is renamed past the client's `with(_:)`.
check(NextModel(id: "n").id == "n" && Entry(id: "e").id == "e" && Kind(id: "k").id == "k")
// `Failure`, the associated type of the runtime's `JSONObjectMembers`, is a schema name like any other, also as
// the member of a union of objects (which scores its members through that protocol).
check(try decode(FailureOrEntry.self, #"{"id":"f"}"#) == .failure(Failure(id: "f")))
check(HTTPMiddleware(id: "m").id == "m" && RetryMiddleware(id: "r").id == "r")
check(LoggingMiddleware(id: "l").id == "l" && RequestOptions(id: "o").id == "o")
check(HTTPOperation(id: "p").id == "p" && ContinuousClockModel(id: "c").id == "c")
let recorder = answering(204)
let configured = NamesClient(serverURL: URL(string: "https://example.com")!, transport: recorder)
    .with(NamesRequestOptions(headerFields: ["X-Extra": "1"], timeout: .seconds(9)))
try await configured.with2()
check(configured.timeout == .seconds(9))
check(recorder.requests.first?.headerFields["X-Extra"] == "1")
// The document's credential header is redacted by name in logs.
check(NamesLoggingMiddleware.credentialNames == ["X-Key"])
check(
    NamesLoggingMiddleware(log: { _ in }).redacted(["X-Key": "k", "X-Other": "o"]) == [
        "X-Key": "<redacted>", "X-Other": "o",
    ])

// Enum cases named `none` and `some` as defaults are the enum's cases, not Optional's.
check(LogSettings().output == LogSettingsOutput.none && LogSettings().level == LogSettingsLevel.some)

finish()
