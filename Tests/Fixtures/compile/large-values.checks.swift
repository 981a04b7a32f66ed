import Foundation
import LargeValues

/// A `Wide` whose 17 strings are `<prefix>1` … `<prefix>17`, and its JSON (keys sorted as `encode` sorts them).
func wide(_ prefix: String) -> (value: Wide, json: String) {
    let value = Wide(
        p1: prefix + "1", p2: prefix + "2", p3: prefix + "3", p4: prefix + "4", p5: prefix + "5", p6: prefix + "6",
        p7: prefix + "7", p8: prefix + "8", p9: prefix + "9", p10: prefix + "10", p11: prefix + "11",
        p12: prefix + "12", p13: prefix + "13", p14: prefix + "14", p15: prefix + "15", p16: prefix + "16",
        p17: prefix + "17")
    let members = [1, 10, 11, 12, 13, 14, 15, 16, 17, 2, 3, 4, 5, 6, 7, 8, 9].map { #""p\#($0)":"\#(prefix)\#($0)""# }
    return (value, "{" + members.joined(separator: ",") + "}")
}

let (a, aJSON) = wide("a")
let (b, bJSON) = wide("b")

// Decoding and encoding through the boxes: required, optional, nullable (absent, null, a value), in an array.
let text =
    #"{"choice":\#(bJSON),"name":"n","nullableWide":null,"optionalWide":\#(bJSON),"wide":\#(aJSON),"wides":[\#(aJSON),\#(bJSON)]}"#
let holder = try decode(Holder.self, text)
check(holder.wide == a)
check(holder.wide.p17 == "a17")
check(holder.optionalWide == b)
check(holder.nullableWide?.isNull == true)
check(holder.wides == [a, b])
check(holder.choice == .wide(b))
check(try encode(holder) == text)

// The memberwise initialiser takes the values themselves; == and hashing compare them, not the boxes.
let built = Holder(
    name: "n", wide: a, optionalWide: b, nullableWide: .null, wides: [a, b], choice: .wide(b))
check(built == holder)
check(built.hashValue == holder.hashValue)
check(Set([built, holder]).count == 1)

// Setters replace a box's value without touching the copies that share it (value semantics).
var edited = holder
edited.wide.p1 = "changed"
edited.nullableWide = .value(a)
edited.choice = .string("text")
check(edited.wide.p1 == "changed" && holder.wide.p1 == "a1", "value semantics")
check(edited.nullableWide?.optionalValue == a && holder.nullableWide?.isNull == true)
check(edited != holder)
check(
    try encode(edited)
        == text.replacingOccurrences(of: #""nullableWide":null"#, with: #""nullableWide":\#(aJSON)"#)
        .replacingOccurrences(of: #""choice":\#(bJSON)"#, with: #""choice":"text""#)
        .replacingOccurrences(of: #""wide":{"p1":"a1""#, with: #""wide":{"p1":"changed""#))

// Absent optional boxed values: `nil`, encoded without their keys, and stored without a box (an optional box,
// `Indirect<Wide>?`, rather than a box of an optional); absent and `null` stay apart for the nullable one.
let sparseText = #"{"name":"n","wide":\#(aJSON)}"#
let sparse = try decode(Holder.self, sparseText)
check(sparse.optionalWide == nil)
check(sparse.nullableWide == nil)
check(sparse.wides == nil)
check(sparse.choice == nil)
check(try encode(sparse) == sparseText)
check(sparse == Holder(name: "n", wide: a))
/// The stored value of the private property `label`, printed: "nil" when no box is allocated.
func storage(_ value: Holder, _ label: String) -> String {
    Mirror(reflecting: value).children.first { $0.label == label }.map { String(describing: $0.value) } ?? "missing"
}
check(storage(sparse, "_optionalWide") == "nil", "an absent optional value allocates no box")
check(storage(sparse, "_nullableWide") == "nil", "an absent nullable value allocates no box")
check(storage(sparse, "_wide") != "nil" && storage(sparse, "_wide") != "missing", "a required value is boxed")
check(storage(holder, "_optionalWide") != "nil", "a present optional value is boxed")
// Setting a boxed optional to `nil` drops the box and the key; setting it again round-trips.
var toggled = holder
toggled.optionalWide = nil
check(toggled.optionalWide == nil && holder.optionalWide == b)
check(storage(toggled, "_optionalWide") == "nil")
check(try encode(toggled) == text.replacingOccurrences(of: #""optionalWide":\#(bJSON),"#, with: ""))
toggled.optionalWide = a
check(toggled.optionalWide == a)
check(try decode(Holder.self, try encode(toggled)).optionalWide == a)

// The indirect union decodes each member and encodes it back unchanged.
check(try decode(WideOrText.self, #""plain""#) == .string("plain"))
check(try decode(WideOrText.self, aJSON) == .wide(a))
check(try encode(WideOrText.wide(a)) == aJSON)

// A missing required property of the boxed value is still a decoding error.
checkThrows { _ = try decode(Holder.self, #"{"name":"n","wide":{"p1":"x"}}"#) }

finish()
