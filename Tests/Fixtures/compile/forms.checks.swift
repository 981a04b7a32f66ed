import Forms
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Form bodies with Encoding Objects. Expected bodies are written out by hand from the rules: WHATWG form
// encoding (space as `+`, `[` `]` `&` `=` `+` `%` `"` `{` `}` `:` `,` percent-encoded), properties in schema
// order, deepObject brackets (`shipping[address][city]`), arrays indexed in deepObject (`expand[0]`) and repeated
// in the default form style, a map's keys sorted, `contentType: application/json` as JSON text.
let recorder = RecordingTransport { _ in CheckedResponse(statusCode: 200, body: Data(#"{"id":"ch_1"}"#.utf8)) }
let client = FormsClient(serverURL: URL(string: "https://h.example")!, transport: recorder)
let charge = try await client.createCharge(
    amount: 2000, description: "a b&c", metadata: ["order_id": "6735", "a": "1"],
    shipping: CreateChargeRequestShipping(
        name: "Jenny Rosen", address: CreateChargeRequestShippingAddress(city: "Paris", line1: "1 rue X")),
    expand: ["customer", "invoice"], tags: ["x", "y"],
    options: CreateChargeRequestOptions(x: 1, deep: CreateChargeRequestOptionsDeep(y: true)), capture: false,
    ratio: 0.5, codes: ["p", "q"])
check(charge.id == "ch_1")
check(recorder.requests.last?.headerFields["Content-Type"] == "application/x-www-form-urlencoded")
let expected =
    "amount=2000&description=a+b%26c&metadata%5Ba%5D=1&metadata%5Border_id%5D=6735"
    + "&shipping%5Bname%5D=Jenny+Rosen&shipping%5Baddress%5D%5Bcity%5D=Paris&shipping%5Baddress%5D%5Bline1%5D=1+rue+X"
    + "&expand%5B0%5D=customer&expand%5B1%5D=invoice&tags=x&tags=y"
    + "&options=%7B%22deep%22%3A%7B%22y%22%3Atrue%7D%2C%22x%22%3A1%7D&capture=false&ratio=0.5&codes=p%7Cq"
let body = String(decoding: recorder.requests.last?.body ?? Data(), as: UTF8.self)
check(body == expected, body)

/// The pairs of a form body in order, decoded by the form rules: `+` is a space, then Foundation's
/// `URLComponents` splits on `&` and `=` and removes the percent-encoding.
func formPairs(_ data: Data?) -> [String] {
    var components = URLComponents()
    components.percentEncodedQuery = String(decoding: data ?? Data(), as: UTF8.self)
        .replacingOccurrences(of: "+", with: "%20")
    return (components.queryItems ?? []).map { $0.name + "=" + ($0.value ?? "") }
}
check(
    formPairs(recorder.requests.last?.body) == [
        "amount=2000", "description=a b&c", "metadata[a]=1", "metadata[order_id]=6735", "shipping[name]=Jenny Rosen",
        "shipping[address][city]=Paris", "shipping[address][line1]=1 rue X", "expand[0]=customer",
        "expand[1]=invoice", "tags=x", "tags=y", #"options={"deep":{"y":true},"x":1}"#, "capture=false",
        "ratio=0.5", "codes=p|q",
    ])

// Only the required field: nothing else is sent.
_ = try await client.createCharge(amount: 1)
check(String(decoding: recorder.requests.last?.body ?? Data(), as: UTF8.self) == "amount=1")

// An optional body passed whole; its constant is always sent; no body, no Content-Type.
let notes = RecordingTransport { _ in CheckedResponse(statusCode: 204) }
let noteClient = FormsClient(serverURL: URL(string: "https://h.example")!, transport: notes)
try await noteClient.createNote(body: Note(text: "héllo wörld"))
check(String(decoding: notes.requests.last?.body ?? Data(), as: UTF8.self) == "kind=note&text=h%C3%A9llo+w%C3%B6rld")
try await noteClient.createNote()
check(
    notes.requests.count == 2 && notes.requests.last?.body == nil
        && notes.requests.last?.headerFields["Content-Type"] == nil)

// A map (`additionalProperties` only): its entries, sorted by key, since a dictionary has no order of its own.
try await noteClient.setLabels(body: ["z": "last", "a": "x y", "m&n": "1=2"])
check(String(decoding: notes.requests.last?.body ?? Data(), as: UTF8.self) == "a=x+y&m%26n=1%3D2&z=last")

// Over a real connection: a server on 127.0.0.1 reads the request the URLSession transport sends.
let server = try OneRequestServer(
    answer: "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 13\r\nConnection: close\r\n\r\n"
        + #"{"id":"ch_2"}"#)
let live = FormsClient(serverURL: URL(string: "http://127.0.0.1:\(server.port)")!, timeout: .seconds(10))
let answer = try await live.createCharge(amount: 42, description: "x y", metadata: ["k": "v w"])
check(answer.id == "ch_2")
let lines = (server.request?.head ?? "").components(separatedBy: "\r\n")
check(lines.first == "POST /v1/charges HTTP/1.1", lines.first ?? "nothing arrived")
check(lines.contains { $0.lowercased() == "content-type: application/x-www-form-urlencoded" })
let arrivedBody = String(decoding: server.request?.body ?? Data(), as: UTF8.self)
check(arrivedBody == "amount=42&description=x+y&metadata%5Bk%5D=v+w", arrivedBody)
finish()
