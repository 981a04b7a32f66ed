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
// Integers as the JSON writes them: `3.0` and `1e2` are integers, `-0` is not (it is the Double -0.0).
check(try decode(Shape.self, #"{"kind":"fixed","size":3.0}"#) == .fixed(Fixed(size: 3)))
check(try decode(Shape.self, #"{"kind":"fixed","size":1e2}"#) == .fixed(Fixed(size: 100)))
let negativeZero = try decode(Shape.self, #"{"kind":"fixed","size":-0}"#)
check(negativeZero == .sized(Sized(kind: "fixed", size: 0)), "\(negativeZero)")
if case .sized(let sized) = negativeZero { check(sized.size?.sign == .minus, "\(sized)") }
check(try decode(Shape.self, #"{"kind":"fixed","size":0}"#) == .fixed(Fixed(size: 0)))
check(try decode(Shape.self, #"{"kind":null}"#) == .noted(Noted(kind: .null)))

// A union of scalars: an integer fits Int and Double alike, and Int is listed first; `-0` is the Double -0.0.
check(try decode(Amount.self, "7") == .integer(7))
check(try decode(Amount.self, "0") == .integer(0))
check(try decode(Amount.self, "1e2") == .integer(100))
check(try decode(Amount.self, "7.5") == .number(7.5))
let minusZero = try decode(Amount.self, "-0")
check(minusZero == .number(0), "\(minusZero)")
if case .number(let number) = minusZero { check(number.sign == .minus, "\(number)") }
check(try decode(Amount.self, "true") == .boolean(true))
check(try decode(Amount.self, #""7""#) == .string("7"))
checkThrows { _ = try decode(Amount.self, "null") }

// An anyOf of objects: each member that fits is kept, with the other's keys as its undeclared properties.
let reachBoth = try decode(Reach.self, #"{"email":"a@b.c","phone":"+1","verified":true}"#)
check(
    reachBoth
        == Reach(
            mail: Mail(email: "a@b.c", verified: true, additionalProperties: ["phone": "+1"]),
            call: Call(phone: "+1", verified: true, additionalProperties: ["email": "a@b.c"])), "\(reachBoth)")
check(
    try decode(Reach.self, #"{"email":5,"phone":"+1"}"#)
        == Reach(call: Call(phone: "+1", additionalProperties: ["email": 5])))
checkThrows { _ = try decode(Reach.self, #"{"email":"a","verified":"yes"}"#) }
// Decided by keys: each member whose keys are there decodes at once, keeping the other's key as undeclared.
let captionBoth = try decode(Caption.self, #"{"label":"l","name":"n"}"#)
check(
    captionBoth
        == Caption(
            named: Named(name: "n", additionalProperties: ["label": "l"]),
            labelled: Labelled(label: "l", additionalProperties: ["name": "n"])), "\(captionBoth)")
check(try decode(Caption.self, #"{"name":"n"}"#) == Caption(named: Named(name: "n")))
// Both members fit, and a key neither declares is undeclared for each, beside the other member's key.
let captionExtra = try decode(Caption.self, #"{"label":"l","name":"n","extra":"x"}"#)
check(
    captionExtra
        == Caption(
            named: Named(name: "n", additionalProperties: ["label": "l", "extra": "x"]),
            labelled: Labelled(label: "l", additionalProperties: ["name": "n", "extra": "x"])), "\(captionExtra)")
check(
    try decode(Caption.self, #"{"label":"l","extra":3}"#)
        == Caption(labelled: Labelled(label: "l", additionalProperties: ["extra": 3])))
// A member the keys let fit but whose value is of the wrong kind does not fit: the other is kept alone.
check(
    try decode(Caption.self, #"{"label":"l","name":7}"#)
        == Caption(labelled: Labelled(label: "l", additionalProperties: ["name": 7])))
// A member whose declared values fit but whose undeclared one is not the `additionalProperties` type fits by the
// rule and does not decode: a decoding error, as when every member is scored first.
checkThrows { _ = try decode(Caption.self, #"{"name":"n","extra":1}"#) }
checkThrows { _ = try decode(Caption.self, #"{"label":"l","name":"n","extra":1}"#) }
// No member's keys, or none decodes: the value fits no member.
checkThrows { _ = try decode(Caption.self, #"{"title":"t"}"#) }
checkThrows { _ = try decode(Caption.self, #"{"name":7}"#) }
// Each member keeps the keys it does not declare: no keys, only undeclared keys, keys one member declares, a
// closed member's key (undeclared for the others), and inside a oneOf.
check(try decode(Annotation.self, "{}") == Annotation(remark: Remark(), badge: Badge(), strict: Strict()))
check(
    try decode(Annotation.self, #"{"x":"1"}"#)
        == Annotation(remark: Remark(additionalProperties: ["x": "1"]), badge: Badge(additionalProperties: ["x": "1"])))
let annotationText = try decode(Annotation.self, #"{"text":"t","x":2}"#)
check(
    annotationText
        == Annotation(
            remark: Remark(text: "t", additionalProperties: ["x": 2]),
            badge: Badge(additionalProperties: ["text": "t", "x": 2])), "\(annotationText)")
let annotationBoth = try decode(Annotation.self, #"{"badge":"b","text":"t"}"#)
check(
    annotationBoth
        == Annotation(
            remark: Remark(text: "t", additionalProperties: ["badge": "b"]),
            badge: Badge(badge: "b", additionalProperties: ["text": "t"])), "\(annotationBoth)")
let annotationCode = try decode(Annotation.self, #"{"code":"c"}"#)
check(
    annotationCode
        == Annotation(
            remark: Remark(additionalProperties: ["code": "c"]), badge: Badge(additionalProperties: ["code": "c"]),
            strict: Strict(code: "c")), "\(annotationCode)")
let annotationMixed = try decode(Annotation.self, #"{"code":"c","badge":"b","y":null}"#)
check(
    annotationMixed
        == Annotation(
            remark: Remark(additionalProperties: ["code": "c", "badge": "b", "y": .null]),
            badge: Badge(badge: "b", additionalProperties: ["code": "c", "y": .null])), "\(annotationMixed)")
let marking = try decode(Marking.self, #"{"text":"t","badge":"b"}"#)
check(
    marking
        == .annotation(
            Annotation(
                remark: Remark(text: "t", additionalProperties: ["badge": "b"]),
                badge: Badge(badge: "b", additionalProperties: ["text": "t"]))), "\(marking)")
check(try decode(Marking.self, "4") == .integer(4))
// Five names one member declares and the other does not, in either member order.
let span = try decode(Span.self, #"{"a":"1","b":"2","z":"3","q":"4"}"#)
check(
    span
        == Span(
            wide: Wide(a: "1", b: "2", additionalProperties: ["z": "3", "q": "4"]),
            narrow: Narrow(z: "3", additionalProperties: ["a": "1", "b": "2", "q": "4"])), "\(span)")
let narrowFirst = try decode(NarrowFirst.self, #"{"a":"1","b":"2","z":"3","q":"4"}"#)
check(
    narrowFirst
        == NarrowFirst(
            narrow: Narrow(z: "3", additionalProperties: ["a": "1", "b": "2", "q": "4"]),
            wide: Wide(a: "1", b: "2", additionalProperties: ["z": "3", "q": "4"])), "\(narrowFirst)")
// Members decoded from the union's own container: Knob declares `color` but stops at its missing `knob`, and
// Latch, the one member that fits, keeps `color` beside the key no member declares.
check(
    try decode(Door.self, #"{"latch":"l","color":"red","z":"1"}"#)
        == Door(latch: Latch(latch: "l", additionalProperties: ["color": "red", "z": "1"])))
let doorBoth = try decode(Door.self, #"{"knob":"k","latch":"l","say \"hi\" \\now":"x"}"#)
check(
    doorBoth
        == Door(
            knob: Knob(knob: "k", sayHiNow: "x", additionalProperties: ["latch": "l"]),
            latch: Latch(latch: "l", additionalProperties: ["knob": "k", #"say "hi" \now"#: "x"])), "\(doorBoth)")
checkThrows { _ = try decode(Door.self, #"{"knob":1}"#) }
// Each member decoded alone reads its own declared names, and keeps the others.
check(
    try decode(Knob.self, #"{"knob":"k","color":"c","say \"hi\" \\now":"s","other":true}"#)
        == Knob(knob: "k", color: "c", sayHiNow: "s", additionalProperties: ["other": true]))
check(try decode(Latch.self, #"{"latch":"l","knob":"k"}"#) == Latch(latch: "l", additionalProperties: ["knob": "k"]))
checkThrows { _ = try decode(Latch.self, #"{"knob":"k"}"#) }
// An undeclared value of the wrong type for `additionalProperties` names its key in the error's coding path.
do {
    _ = try decode(Caption.self, #"{"name":"n","extra":1}"#)
    check(false, "decoded")
} catch DecodingError.typeMismatch(_, let context) {
    check(context.codingPath.map(\.stringValue) == ["extra"], "\(context.codingPath)")
} catch {
    check(false, "\(error)")
}
// A member with a fixed property, a date-time, an optional nullable and a deprecated property, read from the
// union's container (2024-01-02T03:04:05Z is 1,704,164,645 s after 1970).
let stampDate = Date(timeIntervalSince1970: 1_704_164_645)
let trailStamp = try decode(Trail.self, #"{"kind":"stamp","at":"2024-01-02T03:04:05Z","note":null,"old":"o"}"#)
check(trailStamp == Trail(stamp: Stamp(at: stampDate, note: .null, old: "o")), "\(trailStamp)")
let trailBoth = try decode(Trail.self, #"{"kind":"stamp","at":"2024-01-02T03:04:05Z","note":"n","sign":"s"}"#)
check(
    trailBoth
        == Trail(
            stamp: Stamp(at: stampDate, note: .value("n"), additionalProperties: ["sign": "s"]),
            sign: Sign(
                sign: "s",
                additionalProperties: ["kind": "stamp", "at": "2024-01-02T03:04:05Z", "note": "n"])), "\(trailBoth)")
// Another value of the fixed property: Stamp does not fit, and Sign keeps Stamp's keys.
check(
    try decode(Trail.self, #"{"kind":"other","at":"2024-01-02T03:04:05Z","sign":"s"}"#)
        == Trail(sign: Sign(sign: "s", additionalProperties: ["kind": "other", "at": "2024-01-02T03:04:05Z"])))
checkThrows { _ = try decode(Stamp.self, #"{"kind":"other","at":"2024-01-02T03:04:05Z"}"#) }
checkThrows { _ = try decode(Trail.self, #"{"kind":"stamp","at":"yesterday"}"#) }
finish()
