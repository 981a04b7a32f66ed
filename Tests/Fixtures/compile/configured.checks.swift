import Configured
import Foundation

// The names from the configuration, UUID for `format: uuid`, and Identifiable by `id`.
let id = UUID(uuidString: "0F8FAD5B-D9CB-469F-A165-70867728950E")!
let transport = answering(200, #"{"id":"0f8fad5b-d9cb-469f-a165-70867728950e","kind":"dog","owner_ref":"o-1"}"#)
let client = ConfiguredClient(serverURL: URL(string: "https://example.com")!, transport: transport)
let pet: Pet = try await client.fetchPet(petID: id)
check(pet.id == id)
check(pet.kind == .dog)
check(pet.ownerReference == "o-1")
func identify<Value: Identifiable>(_ value: Value) -> Value.ID { value.id }
check(identify(pet) == id)
// The path carries the UUID's text (Foundation writes it in capitals).
// A UUID's text is lowercase (RFC 9562), as JSON bodies have it.
check(transport.urls == ["https://example.com/pets/0f8fad5b-d9cb-469f-a165-70867728950e"])
// CaseIterable is off: `Kind` has its documented cases, but no `allCases`.
check(Kind.documentedCases == [.cat, .dog])
finish()
