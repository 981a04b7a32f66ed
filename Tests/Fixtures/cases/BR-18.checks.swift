import BR18
import Foundation

// BR-18: query arrays by style and explode; values percent-encoded, delimiters literal.
let recorder = RecordingTransport()
let client = BR18Client(serverURL: URL(string: "https://h.example")!, transport: recorder)
try await client.listLocations(ids: ["1", "2"], tags: ["a", "b"], words: ["x", "y"], codes: ["p", "q"])
try await client.listLocations(ids: ["a,b", "c"])
try await client.listLocations(ids: [])
check(
    recorder.urls == [
        // `|` is written %7C: Foundation's URL does not accept it literally (RFC 3986 does not allow it).
        "https://h.example/locations?ids=1,2&tags=a&tags=b&words=x%20y&codes=p%7Cq",
        "https://h.example/locations?ids=a%2Cb,c",
        "https://h.example/locations",
    ], "\(recorder.urls)")
finish()
