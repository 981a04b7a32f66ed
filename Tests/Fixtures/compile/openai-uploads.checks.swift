import Foundation
import OpenaiUploads

// OpenAI's uploads, from the excerpt of its document: each part as the document's schemas say (a file with its
// name, enums and numbers as text, arrays as one part per item, an object as JSON, a union that holds a string as
// that text), read back with a parser written here.

/// The parts of a recorded request: each part's header lines and content, split by the `boundary` of its
/// `Content-Type` (RFC 2046: `--boundary CRLF` part, `CRLF--boundary CRLF` part…, `CRLF--boundary--`).
func partsOf(_ request: CheckedRequest?, line: UInt = #line) -> [(headers: [String], content: Data)] {
    let contentType = request?.headerFields["Content-Type"] ?? ""
    let prefix = "multipart/form-data; boundary="
    guard contentType.hasPrefix(prefix), let body = request?.body else {
        check(false, "not multipart: \(contentType)", line: line)
        return []
    }
    let boundary = String(contentType.dropFirst(prefix.count))
    let text = String(decoding: body, as: UTF8.self)  // these checks send UTF-8 only
    guard text.hasPrefix("--\(boundary)\r\n"), text.hasSuffix("\r\n--\(boundary)--\r\n") else {
        check(false, "body does not open and close with the boundary", line: line)
        return []
    }
    let inner = text.dropFirst("--\(boundary)\r\n".count).dropLast("\r\n--\(boundary)--\r\n".count)
    return inner.components(separatedBy: "\r\n--\(boundary)\r\n").map { part in
        let split = part.range(of: "\r\n\r\n")!
        return (
            part[..<split.lowerBound].components(separatedBy: "\r\n"), Data(part[split.upperBound...].utf8)
        )
    }
}

func expectParts(
    _ request: CheckedRequest?, _ expected: [(headers: [String], content: String)], line: UInt = #line
) {
    let parts = partsOf(request, line: line)
    check(parts.count == expected.count, "\(parts.count) parts, expected \(expected.count)", line: line)
    for (part, wanted) in zip(parts, expected) {
        check(part.headers == wanted.headers, "\(part.headers) != \(wanted.headers)", line: line)
        check(
            part.content == Data(wanted.content.utf8),
            "\(String(decoding: part.content, as: UTF8.self)) != \(wanted.content)", line: line)
    }
}

func formData(_ name: String, _ filename: String? = nil) -> String {
    "Content-Disposition: form-data; name=\"\(name)\"" + (filename.map { "; filename=\"\($0)\"" } ?? "")
}

let transport = RecordingTransport()
let client = OpenaiUploadsClient(serverURL: URL(string: "https://api.openai.com/v1")!, transport: transport)

// POST /files: the JSONL file from disk, `purpose` (an enum) and `expires_after` (FileExpirationAfter, an object).
let jsonl = FileManager.default.temporaryDirectory.appendingPathComponent("openai-uploads-\(getpid()).jsonl")
try Data(#"{"prompt":"a","completion":"b"}"#.utf8 + [0x0A]).write(to: jsonl)
try await client.createFile(
    file: OpenaiUploadsFilePart(fileURL: jsonl), purpose: .fineTune, expiresAfter: FileExpirationAfter(seconds: 3600))
try? FileManager.default.removeItem(at: jsonl)
check(transport.requests.last?.url.absoluteString == "https://api.openai.com/v1/files")
expectParts(
    transport.requests.last,
    [
        (
            [formData("file", "openai-uploads-\(getpid()).jsonl"), "Content-Type: application/octet-stream"],
            "{\"prompt\":\"a\",\"completion\":\"b\"}\n"
        ),
        ([formData("purpose")], "fine-tune"),
        ([formData("expires_after"), "Content-Type: application/json"], #"{"anchor":"created_at","seconds":3600}"#),
    ])

// POST /audio/transcriptions: `model` is an anyOf of strings (text, not a JSON string), `temperature` a number,
// `include` and `timestamp_granularities` arrays (one part per item), `chunking_strategy` "auto" (text).
try await client.createTranscription(
    file: OpenaiUploadsFilePart(data: Data("RIFF".utf8), filename: "speech.wav", contentType: "audio/wav"),
    model: CreateTranscriptionRequestModel(string: "gpt-4o-transcribe"), language: "en", temperature: 0.2,
    include: [.logprobs], timestampGranularities: [.word, .segment], chunkingStrategy: .auto)
check(transport.requests.last?.url.absoluteString == "https://api.openai.com/v1/audio/transcriptions")
expectParts(
    transport.requests.last,
    [
        ([formData("file", "speech.wav"), "Content-Type: audio/wav"], "RIFF"),
        ([formData("model")], "gpt-4o-transcribe"),
        ([formData("language")], "en"),
        ([formData("temperature")], "0.2"),
        ([formData("include")], "logprobs"),
        ([formData("timestamp_granularities")], "word"),
        ([formData("timestamp_granularities")], "segment"),
        ([formData("chunking_strategy")], "auto"),
    ])

// POST /images/edits has a JSON body (first, `createImageEdit`) and a multipart one (`createImageEditMultipart`),
// whose `image` is one file or several: one part each.
try await client.createImageEditMultipart(
    image: [
        OpenaiUploadsFilePart(data: Data("PNG1".utf8), filename: "a.png", contentType: "image/png"),
        OpenaiUploadsFilePart(data: Data("PNG2".utf8), filename: "b.png", contentType: "image/png"),
    ],
    prompt: "add a hat", n: 2)
check(transport.requests.last?.url.absoluteString == "https://api.openai.com/v1/images/edits")
expectParts(
    transport.requests.last,
    [
        ([formData("image", "a.png"), "Content-Type: image/png"], "PNG1"),
        ([formData("image", "b.png"), "Content-Type: image/png"], "PNG2"),
        ([formData("prompt")], "add a hat"),
        ([formData("n")], "2"),
    ])
try await client.createImageEdit(images: [], prompt: "add a hat")
check(transport.requests.last?.headerFields["Content-Type"] == "application/json")
check(transport.requests.last?.body == Data(#"{"images":[],"prompt":"add a hat"}"#.utf8))

finish()
