import Foundation
import Multifile

// The operation of getPet.yaml (a `$ref` in place of an Operation Object), its parameter from parameters.yaml,
// and its response, the whole-file schema schemas/pet.yaml, named `Pet` after its file.
let petJSON =
    #"{"name":"Rex","owner":{"name":"Ann","pets":[{"name":"Bo","owner":{"name":"Cy"}}]},"tags":[{"id":7,"color":"green"}]}"#
let recorder = answering(200, petJSON)
let client = MultifileClient(serverURL: URL(string: "https://example.com/v1")!, transport: recorder)
let pet = try await client.getPet(id: 42)
check(recorder.urls == ["https://example.com/v1/pets/42"])
check(recorder.requests.first?.method == "GET")
check(pet.name == "Rex")
// The cycle between files: Pet (schemas/pet.yaml) → Owner (models.yaml) → [Pet].
check(pet.owner.name == "Ann")
check(pet.owner.pets?.count == 1)
check(pet.owner.pets?.first?.name == "Bo")
check(pet.owner.pets?.first?.owner.name == "Cy")
check(pet.owner.pets?.first?.owner.pets == nil)
// models.yaml's Tag is `Tag2` (this document's own `Tag` keeps its name), and its `#/components/schemas/Color`
// is models.yaml's Color.
let tag: Tag2? = pet.tags?.first
check(tag?.id == 7)
check(tag?.color == .green)
check(Color(rawValue: "red") == .red)
check(try encode(Tag2(id: 3, color: .red)) == #"{"color":"red","id":3}"#)

// This document's own Tag, with its own property.
let tags = try await MultifileClient(
    serverURL: URL(string: "https://example.com")!, transport: answering(200, #"[{"label":"friendly"}]"#)
).listTags()
check(tags == [Tag(label: "friendly")])

// Owner from models.yaml, reached from this document by a relative path with `./`.
let owners = try await MultifileClient(
    serverURL: URL(string: "https://example.com")!, transport: answering(200, #"[{"name":"Dee","pets":[]}]"#)
).listOwners()
check(owners.map(\.name) == ["Dee"])
check(owners.first?.pets == [])

finish()
