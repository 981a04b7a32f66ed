import Foundation
import Unions

// anyOf with overlapping members: every member that fits is set.
let both = try decode(Contact.self, #"{"email":"a@b.c","phone":"+100"}"#)
check(both.email?.email == "a@b.c")
check(both.phone?.phone == "+100")
check(try encode(both) == #"{"email":"a@b.c","phone":"+100"}"#)
let emailOnly = try decode(Contact.self, #"{"email":"a@b.c"}"#)
check(emailOnly.email?.email == "a@b.c")
check(emailOnly.phone == nil, "phone requires 'phone'")
checkThrows { _ = try decode(Contact.self, #"{"fax":"1"}"#) }

// anyOf of disjoint primitives: an enum, JSON kinds respected; null allowed through the optional.
check(try decode(Scalar.self, #""7""#) == .string("7"))
check(try decode(Scalar.self, "7") == .integer(7))
check(try decode(Scalar.self, "true") == .boolean(true))
check(try decode(Scalar?.self, "null") == nil)

// oneOf with a discriminator: routed by the value, mapping first; an unknown value is an error.
check(try decode(Pet.self, #"{"kind":"cat","meows":true}"#) == .cat(Cat(kind: "cat", meows: true)))
check(
    try decode(Pet.self, #"{"kind":"dog","meows":true}"#)
        == .dog(Dog(kind: "dog", additionalProperties: ["meows": true])))
checkThrows { _ = try decode(Pet.self, #"{"kind":"cow"}"#) }

// oneOf of primitives and arrays.
check(try decode(Lookup.self, #""abc""#) == .string("abc"))
check(try decode(Lookup.self, "42") == .integer(42))
check(try decode(Lookup.self, #"["a","b"]"#) == .strings(["a", "b"]))
check(try decode(Lookup.self, #"[{"email":"x"}]"#) == .emails([Email(email: "x")]))
checkThrows { _ = try decode(Lookup.self, "4.5") }
check(try encode(Lookup.integer(42)) == "42")

// A recursive anyOf stays an enum, its object member stored out of line (an `indirect` case).
let tree = try decode(Tree.self, #"{"first":"leaf","children":["a",{"children":[]}]}"#)
guard case .treeObject(let node) = tree else { fatalError("expected an object") }
check(node.first == .string("leaf"))
check(node.children?.count == 2)

// A union of enums offers the values whose names only one member has; `ogg` is in both, so it has no shortcut.
let formats: [Format] = [.mp3, .aac, .mp4, .webm]
check(formats == [.audio(.mp3), .audio(.aac), .video(.mp4), .video(.webm)])
check(try encode(formats) == #"["mp3","aac","mp4","webm"]"#)

// Documented names and descriptions, and the property `x-enum-name-property` names.
check(Lang.ptBR.tag == "pt-BR" && Lang.deDE.tag == "de-DE" && Lang.deDE.documentedName == "de-DE")
check(Lang.ptBR.documentedDescription == "Portuguese (Brazil)")
check(Lang(rawValue: 3).tag == nil && Lang(rawValue: 3).documentedDescription == nil)
check(Audio.mp3.rawValue == "mp3")

// An expandable field: a string is the ID, an object the member it fits; any other kind fits no member.
check(try decode(CustomerReference.self, #""cus_1""#) == .string("cus_1"))
check(
    try decode(CustomerReference.self, #"{"id":"cus_1","name":"Ada"}"#)
        == .customer(Customer(id: "cus_1", name: "Ada")))
checkThrows { _ = try decode(CustomerReference.self, "42") }
checkThrows { _ = try decode(CustomerReference.self, "null") }
checkThrows { _ = try decode(CustomerReference.self, #"{"name":"Ada"}"#) }
check(try decode(Charge.self, #"{"id":"ch_1","customer":"cus_9"}"#).customer == .string("cus_9"))
check(try decode(Charge.self, #"{"id":"ch_2","customer":{"id":"cus_3"}}"#).customer == .customer(Customer(id: "cus_3")))
check(try encode(CustomerReference.string("cus_1")) == #""cus_1""#)
check(try encode(Charge(id: "ch_1", customer: .string("cus_9"))) == #"{"customer":"cus_9","id":"ch_1"}"#)
// Of two objects, the one with more declared properties present wins: the deleted customer's `deleted`.
check(try decode(AnyCustomerReference.self, #""cus_2""#) == .string("cus_2"))
check(try decode(AnyCustomerReference.self, #"{"id":"cus_2"}"#) == .customer(Customer(id: "cus_2")))
check(
    try decode(AnyCustomerReference.self, #"{"id":"cus_2","deleted":true}"#)
        == .deletedCustomer(DeletedCustomer(id: "cus_2")))
checkThrows { _ = try decode(AnyCustomerReference.self, "true") }
// Kept every fit: an ID sets only `string`; a deleted customer's object fits both objects, and sets both.
let id = try decode(CustomerOrDeleted.self, #""cus_4""#)
check(id.string == "cus_4" && id.customer == nil && id.deletedCustomer == nil)
let deleted = try decode(CustomerOrDeleted.self, #"{"id":"cus_5","deleted":true}"#)
check(deleted.string == nil && deleted.customer?.id == "cus_5" && deleted.deletedCustomer?.id == "cus_5")
check(try encode(id) == #""cus_4""#)
checkThrows { _ = try decode(CustomerOrDeleted.self, "[]") }

// Members behind typealiases decode as the types they stand for.
check(try decode(ClientReference.self, #""cus_6""#) == .customerID("cus_6"))
check(try decode(ClientReference.self, #"{"id":"cus_6"}"#) == .client(Customer(id: "cus_6")))
checkThrows { _ = try decode(ClientReference.self, "7") }
check(try decode(ClientOrDeleted.self, #"{"id":"cus_7","name":"Bo"}"#) == .client(Customer(id: "cus_7", name: "Bo")))
check(
    try decode(ClientOrDeleted.self, #"{"id":"cus_7","deleted":true}"#)
        == .deletedCustomer(DeletedCustomer(id: "cus_7")))
checkThrows { _ = try decode(ClientOrDeleted.self, #""cus_7""#) }
// `ogg` is a value of both enums: it goes to the member listed first.
check(try decode([SoundOrVideo].self, #"["aac","webm","ogg"]"#) == [.aac, .webm, .sound(.ogg)])
// An undocumented value fits both loosely, so the first member keeps it; a number fits neither.
check(try decode(SoundOrVideo.self, #""flac""#) == .sound(.undocumented("flac")))
checkThrows { _ = try decode(SoundOrVideo.self, "1") }
check(try encode(ClientReference.customerID("cus_6")) == #""cus_6""#)

finish()
