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

finish()
