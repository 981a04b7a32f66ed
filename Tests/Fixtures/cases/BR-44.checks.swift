import BR44
import Foundation

// BR-44: an optional and nullable property has three states on the wire (absent, null, a value), held as
// `BR44Nullable<T>?`: nil, .null, .value(x). The bodies are the header's table, byte for byte.
let transport = answering(204)
let client = BR44Client(serverURL: URL(string: "https://h.example")!, transport: transport)
try await client.patchAppointment(id: 5)
try await client.patchAppointment(id: 5, note: .null)
try await client.patchAppointment(id: 5, startAt: .null, note: .value("x"))
try await client.patchAppointment(id: 5, room: "B2")
let bodies = transport.requests.map { String(decoding: $0.body ?? Data(), as: UTF8.self) }
check(bodies == [#"{}"#, #"{"note":null}"#, #"{"note":"x","startAt":null}"#, #"{"room":"B2"}"#], "\(bodies)")
check(transport.urls == Array(repeating: "https://h.example/appointments/5", count: 4))
check(transport.requests.allSatisfy { $0.method == "PATCH" })

// The model itself: the same three states, encoded and decoded apart.
check(try encode(AppointmentPatch()) == "{}")
check(try encode(AppointmentPatch(note: .null)) == #"{"note":null}"#)
check(try encode(AppointmentPatch(note: .value("x"), room: "B2")) == #"{"note":"x","room":"B2"}"#)
// 2024-01-02T03:04:05Z is 1,704,164,645 seconds after 1970.
let date = Date(timeIntervalSince1970: 1_704_164_645)
check(try encode(AppointmentPatch(startAt: .value(date))) == #"{"startAt":"2024-01-02T03:04:05Z"}"#)
check(try encode(AppointmentPatch(startAt: .null)) == #"{"startAt":null}"#)

let absent = try decode(AppointmentPatch.self, "{}")
check(absent.note == nil && absent.startAt == nil && absent.room == nil)
let null = try decode(AppointmentPatch.self, #"{"note":null,"startAt":null}"#)
check(null.note == .null && null.startAt == .null && null.room == nil)
let values = try decode(AppointmentPatch.self, #"{"note":"x","startAt":"2024-01-02T03:04:05Z","room":"B2"}"#)
check(values.note == .value("x") && values.startAt == .value(date) && values.room == "B2")
check(values.note?.optionalValue == "x" && null.note?.optionalValue == nil && null.note?.isNull == true)
checkThrows { _ = try decode(AppointmentPatch.self, #"{"startAt":"yesterday"}"#) }
finish()
