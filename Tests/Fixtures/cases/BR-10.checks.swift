import BR10
import Foundation

// BR-10: required + nullable needs its key (null is nil). Optional + nullable (`sibling`) is `BR10Nullable<Child>?`
// (BR-44): absent is nil and null is `.null`, both a nil `optionalValue`, as the header asks.
let both = try decode(Parent.self, #"{"child":{"name":"n"},"sibling":null}"#)
check(both.child?.name == "n" && both.sibling == .null && both.sibling?.optionalValue == nil)
let nulls = try decode(Parent.self, #"{"child":null}"#)
check(nulls.child == nil && nulls.sibling == nil)
checkThrows { _ = try decode(Parent.self, "{}") }  // the required key "child" is missing
// nil for the required property is sent as null; nil for the optional one is left out, .null sent as null.
check(try encode(Parent(child: nil, sibling: nil)) == #"{"child":null}"#)
check(try encode(Parent(child: nil, sibling: .null)) == #"{"child":null,"sibling":null}"#)
check(
    try encode(Parent(child: Child(name: "n"), sibling: .value(Child(name: "s"))))
        == #"{"child":{"name":"n"},"sibling":{"name":"s"}}"#)
finish()
