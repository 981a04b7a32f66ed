import Foundation
import VariantsOutcomes

// `Tests/Fixtures/compile/variants.yaml` in the response style: one outcome per documented status and media type,
// chosen by the Content-Type (the JSON one whatever it says), with typed headers where the response documents
// them; an error status without a body but with headers is an outcome with its typed headers.
func client(_ status: Int, _ headers: [String: String] = [:], _ body: Data = Data()) -> VariantsOutcomesClient {
    VariantsOutcomesClient(
        serverURL: URL(string: "https://example.com")!,
        transport: RecordingTransport { _ in CheckedResponse(statusCode: status, headerFields: headers, body: body) })
}

let png = Data([0x89, 0x50, 0x4E, 0x47])
let pngHeaders = ["Content-Type": "image/png", "X-Rate-Limit-Remaining": "7"]
let picture = try await client(200, pngHeaders, png).getPicture(id: "p1")
check(
    picture == .okPNG(png, headers: GetPictureOkHeaders(xRateLimitRemaining: 7, fields: pngHeaders)), "\(picture)")

let jsonHeaders = ["Content-Type": "application/json", "X-Rate-Limit-Remaining": "41"]
let metadata = try await client(200, jsonHeaders, Data(#"{"id":"p1","width":640}"#.utf8)).getPicture(id: "p1")
check(
    metadata
        == .okJSON(
            Picture(id: "p1", width: 640), headers: GetPictureOkHeaders(xRateLimitRemaining: 41, fields: jsonHeaders)),
    "\(metadata)")

let maintenance = try await client(503, ["Retry-After": "120"]).getPicture(id: "p1")
check(
    maintenance
        == .serviceUnavailable(
            headers: GetPictureServiceUnavailableHeaders(retryAfter: 120, fields: ["Retry-After": "120"])),
    "\(maintenance)")
finish()
