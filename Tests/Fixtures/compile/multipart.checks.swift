import Foundation

// `@testable` for `MultipartFormData`'s boundary source (the checks are built in debug, with testing enabled).
@testable import Multipart

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// MARK: - An independent reader of multipart/form-data bodies (RFC 2046 section 5.1.1), written for these checks

/// The `boundary` parameter of a `multipart/form-data` content type, quoted or not.
func boundaryParameter(_ contentType: String?) -> String? {
    guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data;") else { return nil }
    for parameter in contentType.split(separator: ";").dropFirst() {
        let pair = parameter.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
        if pair.count == 2, pair[0].lowercased() == "boundary" {
            return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
    }
    return nil
}

struct ParsedPart {
    var headers: [String]  // "Name: value", in order
    var content: Data
}

/// Splits a body into parts: `--boundary CRLF` part (`CRLF--boundary CRLF` part)* `CRLF--boundary-- CRLF`.
/// `nil` when the body does not have that shape.
func parseParts(_ body: Data, boundary: String) -> [ParsedPart]? {
    let bytes = [UInt8](body)
    let opening = Array("--\(boundary)\r\n".utf8)
    let delimiter = Array("\r\n--\(boundary)".utf8)
    guard bytes.starts(with: opening) else { return nil }
    func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], Array(bytes[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }
    var parts: [ParsedPart] = []
    var position = opening.count
    while true {
        guard let end = find(delimiter, from: position) else { return nil }
        let raw = Array(bytes[position..<end])
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        var split: Int?
        var index = 0
        while index + 4 <= raw.count {
            if Array(raw[index..<index + 4]) == separator {
                split = index
                break
            }
            index += 1
        }
        guard let split else { return nil }
        let head = String(decoding: raw[..<split], as: UTF8.self)
        parts.append(
            ParsedPart(
                headers: head.components(separatedBy: "\r\n"), content: Data(raw[(split + 4)...])))
        let after = end + delimiter.count
        if Array(bytes[after..<min(after + 4, bytes.count)]) == Array("--\r\n".utf8) {
            return after + 4 == bytes.count ? parts : nil
        }
        guard Array(bytes[after..<min(after + 2, bytes.count)]) == Array("\r\n".utf8) else { return nil }
        position = after + 2
    }
}

/// The parts of a recorded request, read with the boundary its `Content-Type` names.
func parts(of request: CheckedRequest?, line: UInt = #line) -> [ParsedPart] {
    guard let request, let boundary = boundaryParameter(request.headerFields["Content-Type"]),
        let body = request.body, let parts = parseParts(body, boundary: boundary)
    else {
        check(false, "no multipart body", line: line)
        return []
    }
    return parts
}

func checkPart(
    _ part: ParsedPart?, _ headers: [String], _ content: String, line: UInt = #line
) {
    checkPart(part, headers, Data(content.utf8), line: line)
}

func checkPart(_ part: ParsedPart?, _ headers: [String], _ content: Data, line: UInt = #line) {
    check(part?.headers == headers, "headers \(part?.headers ?? [])", line: line)
    check(
        part?.content == content, "content \(part.map { String(decoding: $0.content, as: UTF8.self) } ?? "")",
        line: line)
}

let server = URL(string: "https://example.com/api")!
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("multipart-checks-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

// MARK: - A 50 MiB file from a file URL is in memory once: read straight into the body

/// The peak resident memory of this process so far, in bytes.
func peakMemory() -> Int {
    var usage = rusage()
    #if canImport(Darwin)
        getrusage(RUSAGE_SELF, &usage)
        return Int(usage.ru_maxrss)
    #else
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss) * 1024
    #endif
}

do {
    let big = folder.appendingPathComponent("big.bin")
    let megabyte = Data((0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7) })
    _ = FileManager.default.createFile(atPath: big.path, contents: nil)
    let handle = try FileHandle(forWritingTo: big)
    for _ in 0..<50 { try handle.write(contentsOf: megabyte) }
    try handle.close()
    let before = peakMemory()
    let transport = RecordingTransport { _ in CheckedResponse(statusCode: 204) }
    try await MultipartClient(serverURL: server, transport: transport).editImageMultipart(
        image: MultipartFilePart(fileURL: big, contentType: "image/png"), prompt: "big")
    let grown = peakMemory() - before
    let body = transport.requests.first?.body ?? Data()
    check(body.count > 50 << 20 && body.count < (50 << 20) + 1000, "body of \(body.count) bytes")
    // One copy of the file is 50 MiB; a second would take the peak past 100 MiB.
    check(grown < 75 << 20, "peak memory grew by \(grown >> 20) MiB for a 50 MiB file")
    let read = parts(of: transport.requests.first)
    check(read.count == 2)
    check(
        read.first?.headers == [
            #"Content-Disposition: form-data; name="image"; filename="big.bin""#, "Content-Type: image/png",
        ])
    check(read.first?.content.count == 50 << 20)
    check(read.first?.content.prefix(1 << 20) == megabyte && read.first?.content.suffix(1 << 20) == megabyte)
    checkPart(read.last, [#"Content-Disposition: form-data; name="prompt""#], "big")
    print("50 MiB upload: body \(body.count) bytes, peak memory grew by \(grown >> 20) MiB")
}

// MARK: - Every kind of part, in the schema's order

do {
    let attachment = folder.appendingPathComponent("a.bin")
    try Data([0x00, 0x0D, 0x0A, 0x2D, 0x2D, 0xFF]).write(to: attachment)
    let transport = RecordingTransport { _ in CheckedResponse(statusCode: 204) }
    try await MultipartClient(serverURL: server, transport: transport).upload(
        purpose: .assistants,
        file: MultipartFilePart(data: Data("a,b\n1,2\n".utf8), filename: "t.csv"),
        count: 3, ratio: 0.5, flag: true, tags: ["x", "y"],
        attachments: [
            MultipartFilePart(fileURL: attachment),
            MultipartFilePart(data: Data("B".utf8), filename: "b \"q\".txt", contentType: "text/plain"),
        ],
        meta: UploadRequestMeta(a: 1, b: "q"),
        thumbnail: MultipartFilePart(data: Data([0x89, 0x50, 0x4E, 0x47]), filename: "t.png"),
        signature: MultipartFilePart(data: Data([0x00, 0x01, 0x02, 0xFF]), filename: "sig.bin"),
        note: "hi", model: UploadRequestModel(string: "tiny"),
        pictures: [
            MultipartFilePart(data: Data("P1".utf8), filename: "p1.jpg", contentType: "image/jpeg"),
            MultipartFilePart(data: Data("P2".utf8), filename: "p2.jpg", contentType: "image/jpeg"),
        ],
        noteXTrace: "t-1")
    let request = transport.requests.first
    check(request?.method == "POST" && request?.url.absoluteString == "https://example.com/api/uploads")
    let contentType = request?.headerFields["Content-Type"] ?? ""
    check(contentType.hasPrefix("multipart/form-data; boundary="), contentType)
    let read = parts(of: request)
    check(read.count == 17, "\(read.count) parts")
    func disposition(_ name: String, _ filename: String? = nil) -> String {
        "Content-Disposition: form-data; name=\"\(name)\"" + (filename.map { "; filename=\"\($0)\"" } ?? "")
    }
    if read.count == 17 {
        checkPart(read[0], [disposition("purpose")], "assistants")
        // The encoding's contentType for a file without a type of its own.
        checkPart(read[1], [disposition("file", "t.csv"), "Content-Type: text/csv"], "a,b\n1,2\n")
        checkPart(read[2], [disposition("count")], "3")
        checkPart(read[3], [disposition("ratio")], "0.5")
        checkPart(read[4], [disposition("flag")], "true")
        // An array: one part per item, with the same name.
        checkPart(read[5], [disposition("tags")], "x")
        checkPart(read[6], [disposition("tags")], "y")
        // A file from a file URL (its bytes include CR LF and dashes), and one whose name has quotes.
        checkPart(
            read[7], [disposition("attachments", "a.bin"), "Content-Type: application/octet-stream"],
            Data([0x00, 0x0D, 0x0A, 0x2D, 0x2D, 0xFF]))
        checkPart(read[8], [disposition("attachments", "b %22q%22.txt"), "Content-Type: text/plain"], "B")
        // An object: JSON.
        checkPart(read[9], [disposition("meta"), "Content-Type: application/json"], #"{"a":1,"b":"q"}"#)
        // The constant is always sent.
        checkPart(read[10], [disposition("kind")], "upload")
        // contentMediaType gives the file's type; contentEncoding: base64 sends it in Base64 (00 01 02 FF).
        checkPart(
            read[11], [disposition("thumbnail", "t.png"), "Content-Type: image/png"], Data([0x89, 0x50, 0x4E, 0x47]))
        checkPart(
            read[12], [disposition("signature", "sig.bin"), "Content-Type: application/octet-stream"], "AAEC/w==")
        // The encoding's contentType and headers: a default value and one the caller gives.
        checkPart(
            read[13], [disposition("note"), "Content-Type: text/markdown", "X-Note-Version: 2", "X-Trace: t-1"], "hi")
        // A union of strings is text, not the JSON string "tiny" in quotes.
        checkPart(read[14], [disposition("model")], "tiny")
        // One file or several: one part per file.
        checkPart(read[15], [disposition("pictures", "p1.jpg"), "Content-Type: image/jpeg"], "P1")
        checkPart(read[16], [disposition("pictures", "p2.jpg"), "Content-Type: image/jpeg"], "P2")
    }
    let boundary = boundaryParameter(contentType) ?? ""
    check(boundary.count >= 24, boundary)

    // Optional parts left out are not sent at all.
    let small = RecordingTransport { _ in CheckedResponse(statusCode: 204) }
    try await MultipartClient(serverURL: server, transport: small).upload(
        purpose: .batch, file: MultipartFilePart(data: Data(), filename: "empty.txt", contentType: "text/plain"),
        noteXTrace: "t-2")
    let few = parts(of: small.requests.first)
    check(few.count == 3, "\(few.count) parts")
    checkPart(few.first, [disposition("purpose")], "batch")
    checkPart(few.dropFirst().first, [disposition("file", "empty.txt"), "Content-Type: text/plain"], "")
    checkPart(few.last, [disposition("kind")], "upload")
    // A new random boundary each time.
    check(boundaryParameter(small.requests.first?.headerFields["Content-Type"]) != boundary)
}

// MARK: - Several request media types: JSON first, then one function per further type

do {
    let transport = RecordingTransport { _ in CheckedResponse(statusCode: 204) }
    let client = MultipartClient(serverURL: server, transport: transport)
    try await client.editImage(prompt: "a cat", strength: 0.25)
    try await client.editImageMultipart(
        image: MultipartFilePart(data: Data("PNG".utf8), filename: "cat.png", contentType: "image/png"), prompt: "a cat"
    )
    try await client.editImageText(body: "a cat")
    check(transport.requests.count == 3)
    let json = transport.requests.first
    check(json?.headerFields["Content-Type"] == "application/json")
    check(json?.body == Data(#"{"prompt":"a cat","strength":0.25}"#.utf8))
    let read = parts(of: transport.requests.dropFirst().first)
    check(read.count == 2)
    checkPart(
        read.first,
        [#"Content-Disposition: form-data; name="image"; filename="cat.png""#, "Content-Type: image/png"], "PNG")
    checkPart(read.last, [#"Content-Disposition: form-data; name="prompt""#], "a cat")
    let text = transport.requests.last
    check(text?.headerFields["Content-Type"] == "text/plain" && text?.body == Data("a cat".utf8))
}

// MARK: - A boundary that occurs in the content is replaced

do {
    var form = MultipartFormData()
    var offered = ["XYZ", "ABC"]
    form.makeBoundary = { offered.isEmpty ? "unused" : offered.removeFirst() }
    form.append(
        "f", file: MultipartFilePart(data: Data("..--XYZ..".utf8), filename: "x"), contentType: nil, headers: [])
    let encoded = try form.encoded()
    check(encoded.contentType == "multipart/form-data; boundary=ABC")
    check(
        encoded.body
            == Data(
                "--ABC\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x\"\r\nContent-Type: application/octet-stream\r\n\r\n..--XYZ..\r\n--ABC--\r\n"
                    .utf8))
    // A boundary that is always in the content: an `.encoding` error, not a broken body.
    var stuck = MultipartFormData()
    stuck.makeBoundary = { "XYZ" }
    stuck.append("f", text: "XYZ", contentType: nil, headers: [])
    checkThrows { _ = try stuck.encoded() }
    // A file URL that cannot be read is an `.encoding` error of the operation.
    do {
        try await MultipartClient(serverURL: server, transport: RecordingTransport()).editImageMultipart(
            image: MultipartFilePart(fileURL: folder.appendingPathComponent("missing.png")), prompt: "p")
        check(false, "expected an error")
    } catch .encoding {
        check(true)
    } catch {
        check(false, "\(error)")
    }
}

// MARK: - Over HTTP: a server on 127.0.0.1 receives the upload and the checks read what arrived

do {
    let httpServer = try OneRequestServer()
    let client = MultipartClient(serverURL: URL(string: "http://127.0.0.1:\(httpServer.port)/api")!)
    let upload = folder.appendingPathComponent("photo.png")
    let photo = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 % 251) })
    try photo.write(to: upload)
    try await client.editImageMultipart(
        image: MultipartFilePart(fileURL: upload, contentType: "image/png"), prompt: "a dog")
    let received = httpServer.request
    let head = received?.head.components(separatedBy: "\r\n") ?? []
    check(head.first == "POST /api/images HTTP/1.1", head.first ?? "")
    let contentType = head.first { $0.lowercased().hasPrefix("content-type:") }.map {
        String($0.dropFirst("content-type:".count)).trimmingCharacters(in: .whitespaces)
    }
    let boundary = boundaryParameter(contentType)
    check(boundary != nil, contentType ?? "no Content-Type")
    let read = received.flatMap { received in boundary.flatMap { parseParts(received.body, boundary: $0) } } ?? []
    check(read.count == 2, "\(read.count) parts arrived")
    checkPart(
        read.first,
        [#"Content-Disposition: form-data; name="image"; filename="photo.png""#, "Content-Type: image/png"], photo)
    checkPart(read.last, [#"Content-Disposition: form-data; name="prompt""#], "a dog")
}

try? FileManager.default.removeItem(at: folder)
finish()
