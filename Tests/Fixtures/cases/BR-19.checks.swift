import BR19
import Foundation

// BR-19: a deepObject query parameter whose object holds another object: bracketed names, nested brackets for
// the nested object, absent members left out, values percent-encoded (the case's example, brackets encoded).
let recorder = RecordingTransport()
let client = BR19Client(serverURL: URL(string: "https://h.example")!, transport: recorder)
let id = "1e108ae8-2067-4575-b1fc-595d21cf9f1c"
try await client.listOrders(filter: OrderFilter(someID: IDFilter(eq: id), status: "open now"))
check(
    recorder.urls.last
        == "https://h.example/orders?filter%5BsomeId%5D%5Beq%5D=1e108ae8-2067-4575-b1fc-595d21cf9f1c&filter%5Bstatus%5D=open%20now",
    recorder.urls.last ?? "")
// Decoded by Foundation, the names carry their brackets.
let items = URLComponents(string: recorder.urls.last ?? "")?.queryItems ?? []
check(items.map(\.name) == ["filter[someId][eq]", "filter[status]"])
check(items.map(\.value) == ["1e108ae8-2067-4575-b1fc-595d21cf9f1c", "open now"])
// Absent members are omitted; no filter sends no query.
try await client.listOrders(filter: OrderFilter(status: "open"))
check(recorder.urls.last == "https://h.example/orders?filter%5Bstatus%5D=open", recorder.urls.last ?? "")
try await client.listOrders()
check(recorder.urls.last == "https://h.example/orders", recorder.urls.last ?? "")
finish()
