import Foundation
import ReferenceChains

// Pet: Base's `name` (required, through the alias Named) and its own `age`, sent as one object.
let pets = answering(200, #"{"id": 7, "kind": "created"}"#)
let petClient = ReferenceChainsClient(serverURL: URL(string: "https://example.com")!, transport: pets)
let event = try await petClient.createPet(name: "Rex", age: 3)
check(pets.requests.map { $0.body.map { String(decoding: $0, as: UTF8.self) } } == [#"{"age":3,"name":"Rex"}"#])
check(try encode(decode(Pet.self, #"{"name":"Rex","age":3}"#)) == #"{"age":3,"name":"Rex"}"#)
checkThrows { _ = try decode(Pet.self, #"{"age":3}"#) }  // `name` is required by Base

// Event: the nested `meta`'s required `id`, and its own `kind`.
check(event.id == 7 && event.kind == "created", "\(event)")
checkThrows { _ = try decode(Event.self, #"{"kind":"created"}"#) }

// Note: `text` is nullable through the alias Text (absent, null and a value are three states) with NullableText's
// default; `serial` is read-only through the alias Serial, so it is decoded but never sent.
let stored = try decode(Note.self, #"{"text":null,"serial":12}"#)
check(stored.text == .null && stored.serial == 12, "\(stored)")
check(try decode(Note.self, "{}").text == nil)
check(Note().text == .value("hello"))
check(try encode(stored) == #"{"text":null}"#)
let notes = answering(200, #"{"text":"hi","serial":1}"#)
let noteClient = ReferenceChainsClient(serverURL: URL(string: "https://example.com")!, transport: notes)
let note = try await noteClient.putNote(text: .null)
check(note.text == .value("hi") && note.serial == 1, "\(note)")
check(notes.requests.map { $0.body.map { String(decoding: $0, as: UTF8.self) } } == [#"{"text":null}"#])
finish()
