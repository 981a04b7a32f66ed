import BR26
import Foundation

// BR-26: octet-stream bodies are raw bytes; `format: byte` in JSON is base64.
let recorder = RecordingTransport { request in
    let status = request.method == "PUT" ? 201 : 200
    return BR26Response(statusCode: status, body: request.method == "GET" ? Data([0x00, 0x01, 0xFF]) : Data())
}
let client = BR26Client(serverURL: URL(string: "https://h.example")!, transport: recorder)
try await client.uploadFile(name: "a.bin", body: Data([0x00, 0x01, 0xFF]))
let upload = recorder.requests[0]
check(upload.method == "PUT" && upload.url.absoluteString == "https://h.example/files/a.bin")
check(upload.body == Data([0x00, 0x01, 0xFF]))
check(upload.headerFields["Content-Type"] == "application/octet-stream")
let downloaded = try await client.downloadFile(name: "a.bin")
check(downloaded == Data([0x00, 0x01, 0xFF]))
check(recorder.requests[1].headerFields["Accept"] == "application/octet-stream")

let text = #"{"image":"AAEC/w==","name":"t"}"#
let thumbnail = try decode(Thumbnail.self, text)
check(thumbnail.image == Data([0x00, 0x01, 0x02, 0xFF]))
check(try encode(thumbnail) == text)
finish()
