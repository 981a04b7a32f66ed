import BR28
import Foundation

// BR-28: anchors and aliases resolve as if written out at each use.
let recorder = RecordingTransport { request in
    let body = request.url.path.hasSuffix("/orders") ? "[]" : #"{"id":7,"total":{"amount":"9.90","currency":"EUR"}}"#
    return BR28Response(statusCode: 200, body: Data(body.utf8))
}
let client = BR28Client(serverURL: URL(string: "https://h.example")!, transport: recorder)
_ = try await client.listOrders(shopID: "s1")
_ = try await client.getOrder(shopID: "s1", id: 7)
check(
    recorder.urls == ["https://h.example/shops/s1/orders", "https://h.example/shops/s1/orders/7"], "\(recorder.urls)")
let order = try decode(Order.self, #"{"id":7,"total":{"amount":"9.90","currency":"EUR"},"note":"x"}"#)
check(order.total.currency == "EUR")
check(order.note == "x")
finish()
