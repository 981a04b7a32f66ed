import Foundation
import Variants

func client(_ status: Int, _ headers: [String: String] = [:], _ body: Data = Data()) -> VariantsClient {
    VariantsClient(
        serverURL: URL(string: "https://example.com")!,
        transport: RecordingTransport { _ in CheckedResponse(statusCode: status, headerFields: headers, body: body) })
}

// 200 as JSON: the metadata, with every documented header typed (comma-separated arrays with spaces around their
// elements, an int32 array, an enum, a Boolean) and an undocumented header still there.
let jsonHeaders = [
    "Content-Type": "application/json; charset=utf-8", "x-rate-limit-remaining": "41", "X-Tags": "a, b ,c",
    "X-Sizes": "1,2,3", "X-Quality": "high", "X-Cached": "true", "X-Request-Id": "r-7",
]
let metadata = try await client(200, jsonHeaders, Data(#"{"id":"p1","width":640}"#.utf8)).getPicture(id: "p1")
check(
    metadata
        == .okJSON(
            Picture(id: "p1", width: 640),
            headers: GetPictureOkHeaders(
                xRateLimitRemaining: 41, xTags: ["a", "b", "c"], xSizes: [1, 2, 3], xQuality: .high, xCached: true,
                fields: jsonHeaders)), "\(metadata)")
if case .okJSON(_, let headers) = metadata {
    check(headers.fields["X-Request-Id"] == "r-7")
} else {
    check(false, "\(metadata)")
}

// 200 as PNG: the bytes, chosen by the Content-Type; the optional headers absent.
let png = Data([0x89, 0x50, 0x4E, 0x47])
let picture = try await client(200, ["Content-Type": "image/png", "X-Rate-Limit-Remaining": "7"], png).getPicture(
    id: "p1")
check(
    picture
        == .okPNG(
            png,
            headers: GetPictureOkHeaders(
                xRateLimitRemaining: 7, fields: ["Content-Type": "image/png", "X-Rate-Limit-Remaining": "7"])),
    "\(picture)")

// The other successes: 202 with a JSON body, 204 with none, and the 2XX range as text with its status.
let accepted = try await client(202, [:], Data(#"{"job":"j9"}"#.utf8)).getPicture(id: "p1")
check(accepted == .accepted(Job(job: "j9")), "\(accepted)")
let nothing = try await client(204).getPicture(id: "p1")
check(nothing == .noContent, "\(nothing)")
let partial = try await client(206, ["Content-Type": "text/plain"], Data("partial".utf8)).getPicture(id: "p1")
check(partial == .success(statusCode: 206, "partial"), "\(partial)")

// A required header that is missing, and an array element that is not an Int32: `.decoding`, naming the header.
do {
    let value = try await client(200, ["Content-Type": "application/json"], Data("{}".utf8)).getPicture(id: "p1")
    check(false, "expected an error, got \(value)")
} catch .decoding(.keyNotFound(let key, _), let expectedType, let response) {
    check(key.stringValue == "X-Rate-Limit-Remaining" && expectedType == "GetPictureOkHeaders")
    check(response.statusCode == 200)
} catch {
    check(false, "\(error)")
}
do {
    let headers = ["X-Rate-Limit-Remaining": "1", "X-Sizes": "1,x"]
    let value = try await client(200, headers, Data("{}".utf8)).getPicture(id: "p1")
    check(false, "expected an error, got \(value)")
} catch .decoding(.dataCorrupted(let context), _, _) {
    check(context.codingPath.map(\.stringValue) == ["X-Sizes"])
} catch {
    check(false, "\(error)")
}

// Documented errors: the operation's failure enum, with the typed headers of the 429; its description names the
// body's type.
do {
    let value = try await client(429, ["Retry-After": " 30 ", "X-Shard": "eu"], Data(#"{"title":"slow"}"#.utf8))
        .getPicture(id: "p1")
    check(false, "expected an error, got \(value)")
} catch .documented(let failure as GetPictureFailure, let response) {
    check(
        failure
            == .tooManyRequests(
                Problem(title: "slow"),
                headers: GetPictureTooManyRequestsHeaders(
                    retryAfter: 30, fields: ["Retry-After": " 30 ", "X-Shard": "eu"])), "\(failure)")
    check(response.statusCode == 429)
} catch {
    check(false, "\(error)")
}

// An error status without a body that documents headers is thrown with its typed headers.
do {
    let value = try await client(503, ["Retry-After": "120"], Data()).getPicture(id: "p1")
    check(false, "expected an error, got \(value)")
} catch .documented(let failure as GetPictureFailure, let response) {
    check(
        failure
            == .serviceUnavailable(
                headers: GetPictureServiceUnavailableHeaders(retryAfter: 120, fields: ["Retry-After": "120"])),
        "\(failure)")
    check(response.statusCode == 503)
} catch {
    check(false, "\(error)")
}

do {
    let value = try await client(404, [:], Data(#"{"title":"gone"}"#.utf8)).getPicture(id: "p1")
    check(false, "expected an error, got \(value)")
} catch {
    check(error.description == "the server answered 404 with a Problem", error.description)
    if case .documented(let failure as GetPictureFailure, _) = error {
        check(failure == .notFound(Problem(title: "gone")))
    } else {
        check(false, "\(error)")
    }
}

// One status, two media types with different bodies: JSON or CSV text, by the Content-Type; 201 another type.
let csv = try await client(200, ["Content-Type": "text/csv"], Data("a,b\n1,2\n".utf8)).getReport()
check(csv == .okCSV("a,b\n1,2\n"), "\(csv)")
let report = try await client(200, ["Content-Type": "application/json"], Data(#"{"job":"r"}"#.utf8)).getReport()
check(report == .okJSON(Job(job: "r")), "\(report)")
let made = try await client(201, [:], Data(#"{"id":"n"}"#.utf8)).getReport()
check(made == .created(Picture(id: "n")), "\(made)")

// Error bodies that are not JSON: a proxy's HTML page as its text, any other status's body as its bytes.
do {
    let value = try await client(502, ["Content-Type": "text/html"], Data("<h1>Bad gateway</h1>".utf8)).getReport()
    check(false, "expected an error, got \(value)")
} catch .documented(let failure as GetReportFailure, let response) {
    check(failure == .badGateway("<h1>Bad gateway</h1>"), "\(failure)")
    check(response.statusCode == 502)
} catch {
    check(false, "\(error)")
}
do {
    let value = try await client(418, [:], Data([0xFF, 0x00, 0x7F])).getReport()
    check(false, "expected an error, got \(value)")
} catch .documented(let failure as GetReportFailure, _) {
    check(failure == .other(statusCode: 418, Data([0xFF, 0x00, 0x7F])), "\(failure)")
} catch {
    check(false, "\(error)")
}

// The request's Accept lists every media type the responses document, errors included.
let recorder = RecordingTransport { _ in CheckedResponse(statusCode: 204) }
_ = try await VariantsClient(serverURL: URL(string: "https://example.com")!, transport: recorder).getPicture(id: "p1")
check(recorder.requests.first?.headerFields["Accept"] == "application/json, image/png, text/plain")
finish()
