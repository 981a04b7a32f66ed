import BR20
import Foundation

// BR-20: a path parameter value is percent-encoded as one segment.
let recorder = RecordingTransport()
let client = BR20Client(serverURL: URL(string: "https://h.example")!, transport: recorder)
for name in ["Hello World ../", "a/b?c#d%e", "café", "plain-id_1.2~x"] {
    try await client.getArticle(articleName: name)
}
check(
    recorder.urls == [
        "https://h.example/articles/Hello%20World%20..%2F",
        "https://h.example/articles/a%2Fb%3Fc%23d%25e",
        "https://h.example/articles/caf%C3%A9",
        "https://h.example/articles/plain-id_1.2~x",
    ], "\(recorder.urls)")
finish()
