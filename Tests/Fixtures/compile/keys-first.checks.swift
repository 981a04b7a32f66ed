import Foundation
import KeysFirst

// The expected members follow the scoring rule by hand: a member fits when its required keys are there, it allows
// the undeclared keys, its fixed values hold and every present declared property fits; the most declared
// properties present with a full fit win, the first member on a tie.

// An enum property: `ogg` fits Tagged only loosely (score 1) and Plain fully (2), though the keys favour Tagged.
check(try decode(Media.self, #"{"format":"ogg"}"#) == .plain(Plain(format: "ogg")))
check(try decode(Media.self, #"{"format":"mp3","note":"n"}"#) == .tagged(Tagged(format: .mp3, note: "n")))
check(try decode(Media.self, #"{"note":"n"}"#) == .tagged(Tagged(note: "n")))

// A closed member, a required key, an open member.
check(try decode(Record.self, #"{"id":"a"}"#) == .closed(Closed(id: "a")))
check(try decode(Record.self, #"{"id":"a","code":"c"}"#) == .coded(Coded(id: "a", code: "c")))
check(try decode(Record.self, #"{"code":"c"}"#) == .coded(Coded(code: "c")))
check(try decode(Record.self, #"{"id":"a","other":1}"#) == .open(Open(id: "a", additionalProperties: ["other": 1])))
// `id` is a string in every member, so null or a number fits none.
checkThrows { _ = try decode(Record.self, #"{"id":null,"code":"c"}"#) }
checkThrows { _ = try decode(Record.self, #"{"code":"c","id":5}"#) }

// Booleans and URLs: the keys favour Typed (listed first), which fits only when the values are of its types.
check(
    try decode(Checked.self, #"{"flag":true,"link":"https://e.example/a"}"#)
        == .typed(Typed(flag: true, link: URL(string: "https://e.example/a")!)))
check(try decode(Checked.self, #"{"flag":"yes","id":"i"}"#) == .loose(Loose(flag: "yes", id: "i")))
// An empty string is no URL (`URL(string: "")` is nil), and `null` is no URL either: Typed does not fit, though its
// decoding would take `null` as an absent link.
check(try decode(Checked.self, #"{"link":""}"#) == .loose(Loose(additionalProperties: ["link": ""])))
check(
    try decode(Checked.self, #"{"id":"i","link":null}"#)
        == .loose(Loose(id: "i", additionalProperties: ["link": .null])))

// A fixed value, an integer, and a nullable string.
check(try decode(Shape.self, #"{"kind":"other","size":2}"#) == .sized(Sized(kind: "other", size: 2)))
check(try decode(Shape.self, #"{"kind":"fixed","size":2}"#) == .fixed(Fixed(size: 2)))
check(try decode(Shape.self, #"{"size":2.5}"#) == .sized(Sized(size: 2.5)))
check(try decode(Shape.self, #"{"kind":null}"#) == .noted(Noted(kind: .null)))
finish()
