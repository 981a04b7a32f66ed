import Foundation
import Responses

func client(_ status: Int, _ body: String = "") -> ResponsesClient {
    ResponsesClient(serverURL: URL(string: "https://example.com")!, transport: answering(status, body))
}

// 200 with a body and 204 without: the function returns an optional.
let locked = try await client(200, #"{"id":"L1"}"#).putLock()
check(locked?.id == "L1")
let alreadyLocked = try await client(204).putLock()
check(alreadyLocked == nil)

// 4XX and default: documented problem bodies.
do {
    _ = try await client(409, #"{"title":"taken","status":409}"#).putLock()
    check(false, "expected an error")
} catch .documented(let failure as PutLockFailure, let response) {
    check(failure == .clientError(statusCode: 409, Problem(title: "taken", status: 409)) && response.statusCode == 409)
    // Every case's body is a Problem: the description names it whatever the case.
    check(
        failure.description == "a Problem"
            && PutLockFailure.other(statusCode: 500, Problem()).description == "a Problem")
    check("\(ResponsesError.documented(failure, response: response))" == "the server answered 409 with a Problem")
} catch {
    check(false, "\(error)")
}
do {
    _ = try await client(500, #"{"title":"boom"}"#).putLock()
    check(false, "expected an error")
} catch .documented(let failure as PutLockFailure, _) {
    check(failure == .other(statusCode: 500, Problem(title: "boom")))
} catch {
    check(false, "\(error)")
}

// 204 only: returns nothing; 404 documented; others undocumented.
try await client(204).deleteLock()
do {
    try await client(404, #"{"title":"no lock"}"#).deleteLock()
    check(false, "expected an error")
} catch .documented(let failure as DeleteLockFailure, _) {
    check(failure == .notFound(Problem(title: "no lock")))
} catch {
    check(false, "\(error)")
}
do {
    try await client(500, "oops").deleteLock()
    check(false, "expected an error")
} catch .unexpectedStatus(let response) {
    check(response.statusCode == 500 && response.body == Data("oops".utf8))
} catch {
    check(false, "\(error)")
}

// What the client keeps: an enum value the document does not list is not an error.
let paused = try await client(200, #"{"mode":"paused","count":3}"#).getState()
check(paused.mode == .undocumented("paused") && paused.count == 3)
let sensor = try await client(200, #"{"mode":"busy","count":1,"source":{"kind":"Sensor","reading":2.5}}"#).getState()
check(sensor.source == .sensor(Sensor(kind: "Sensor", reading: 2.5)))

// What it refuses, each a `.decoding` error with the status and every byte: a discriminator value naming no
// member (a closed set, unlike the enum), an enum value of the wrong kind, an int32 out of range or with a
// fraction, a missing required property.
let refused: [(String, [String])] = [
    (#"{"mode":"busy","count":1,"source":{"kind":"Robot"}}"#, ["source"]),
    (#"{"mode":7,"count":1}"#, ["mode"]),
    (#"{"mode":"idle","count":2147483648}"#, ["count"]),
    (#"{"mode":"idle","count":1.5}"#, ["count"]),
    (#"{"mode":"idle"}"#, []),
]
for (body, path) in refused {
    do {
        let state = try await client(200, body).getState()
        check(false, "\(body): expected an error, got \(state)")
    } catch .decoding(let error, let expectedType, let response) {
        let context: DecodingError.Context? =
            switch error {
            case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context),
                .valueNotFound(_, let context):
                context
            @unknown default: nil
            }
        // Foundation on Linux reports a number that does not fit as invalid JSON without a path; the client
        // says what it is.
        let keys = context?.codingPath.map(\.stringValue)
        let isUnplacedNumber =
            path == ["count"] && keys == [] && context?.debugDescription.contains("does not fit its Swift type") == true
        check(keys == path || isUnplacedNumber, "\(body): \(error)")
        check(expectedType == "State" && response.statusCode == 200 && response.body == Data(body.utf8), body)
    } catch {
        check(false, "\(body): \(error)")
    }
}

finish()
