import Access
import Foundation

// `package` declarations are visible here, in another module of the same Swift package.
let transport = answering(200, #"{"text":"buy milk","kind":"todo"}"#)
let client = AccessClient(serverURL: URL(string: "https://example.com")!, transport: transport)
let note: Note = try await client.getNote(id: "n1")
check(note.text == "buy milk" && note.kind == .todo)
check(transport.urls == ["https://example.com/notes/n1"])
finish()
