import Foundation
import Recursion

// A struct that contains itself through an optional property, an array and a map.
let text = #"{"byName":{"x":{}},"children":[{"parent":{}}],"parent":{"parent":{"children":[]}}}"#
let node = try decode(Node.self, text)
check(node.parent?.parent?.children == [])
check(node.children?.first?.parent == Node())
check(node.byName?["x"] == Node())
check(try encode(node) == text)
var edited = node
edited.parent = nil
check(edited.parent == nil && node.parent != nil, "value semantics")

// Mutual recursion through required and optional properties.
let person = try decode(Person.self, #"{"employer":{"ceo":{"employer":{}}}}"#)
check(person.employer.ceo?.employer == Company())

// Recursion through a oneOf.
let sum = try decode(Expression.self, #"{"left":1,"right":{"left":2,"right":3}}"#)
check(sum == .sum(Sum(left: .integer(1), right: .sum(Sum(left: .integer(2), right: .integer(3))))))

// Expandable fields that name each other: an ID or the object. The union breaks the cycle by storing the object out
// of line (an `indirect` case), so the ID is stored inline, in the enum itself: at least a `String`'s size (an enum
// boxed whole is one pointer, and allocated a box for every ID).
let charge = try decode(Charge.self, #"{"id":"ch_1","invoice":"in_1"}"#)
check(charge.invoice == .string("in_1"), "\(charge)")
let expanded = try decode(Charge.self, #"{"id":"ch_2","invoice":{"charge":"ch_2","id":"in_2"}}"#)
check(expanded.invoice == .invoice(Invoice(id: "in_2", charge: .string("ch_2"))), "\(expanded)")
let twice = try decode(Invoice.self, #"{"charge":{"id":"ch_3","invoice":{"charge":"ch_3","id":"in_3"}},"id":"in_3"}"#)
check(twice.charge == .charge(Charge(id: "ch_3", invoice: .invoice(Invoice(id: "in_3", charge: .string("ch_3"))))))
check(try encode(twice) == #"{"charge":{"id":"ch_3","invoice":{"charge":"ch_3","id":"in_3"}},"id":"in_3"}"#)
check(MemoryLayout<ChargeInvoice>.size >= MemoryLayout<String>.size, "\(MemoryLayout<ChargeInvoice>.size)")
check(MemoryLayout<InvoiceCharge>.size >= MemoryLayout<String>.size, "\(MemoryLayout<InvoiceCharge>.size)")

// A property whose type is an alias of such a union (`InvoiceReference`, a component naming `ExpandableInvoice`) is
// not boxed again: the refund holds the optional union itself, and its undeclared properties beside it, so it is
// larger than the optional union (boxed, it would hold one pointer and the undeclared properties: 16 bytes, where
// the union alone, holding a `String` inline, takes at least 16).
let refund = try decode(Invoice.self, #"{"id":"in_4","refund":{"invoice":{"id":"in_5","refund":{"invoice":"in_4"}}}}"#)
check(refund.refund?.invoice == .invoice(Invoice(id: "in_5", refund: Refund(invoice: .string("in_4")))), "\(refund)")
check(try encode(refund) == #"{"id":"in_4","refund":{"invoice":{"id":"in_5","refund":{"invoice":"in_4"}}}}"#)
check(MemoryLayout<Refund>.size > MemoryLayout<ExpandableInvoice?>.size, "\(MemoryLayout<Refund>.size)")

finish()
