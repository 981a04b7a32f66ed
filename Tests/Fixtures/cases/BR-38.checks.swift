import BR38
import Foundation

// BR-38: readOnly and writeOnly properties listed in `required`.
let response = #"{"id":7,"email":"a@example.com","createdAt":"2024-01-02T03:04:05Z"}"#
let reader = BR38Client(serverURL: URL(string: "https://example.com")!, transport: answering(200, response))
let account = try await reader.getAccount(id: 7)
// A response without the write-only `password` decodes.
check(account.id == 7 && account.email == "a@example.com" && account.password == nil)
check(account.createdAt == Date(timeIntervalSince1970: 1_704_164_645))  // 2024-01-02T03:04:05Z

// A request is built without `id` and `createdAt`; its body holds exactly the two keys given.
let transport = answering(201, #"{"id":8,"email":"a@example.com","createdAt":"2024-01-02T03:04:05Z"}"#)
let writer = BR38Client(serverURL: URL(string: "https://example.com")!, transport: transport)
let created = try await writer.createAccount(email: "a@example.com", password: "pw")
check(created.id == 8)
let sent = try JSONSerialization.jsonObject(with: transport.requests[0].body ?? Data()) as? [String: String]
check(sent == ["email": "a@example.com", "password": "pw"])
check(transport.requests[0].method == "POST" && transport.urls == ["https://example.com/accounts"])

// A value decoded from a response and sent back never carries the read-only properties.
check(try encode(account) == #"{"email":"a@example.com"}"#)
finish()
