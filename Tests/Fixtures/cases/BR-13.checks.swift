import BR13
import Foundation

// BR-13: self-recursive and mutually recursive schemas.
let tree = try decode(
    Node.self, #"{"label":"root","children":[{"label":"a","children":[{"label":"a1","children":[]}]}]}"#)
check(tree.children?[0].children?[0].label == "a1")
let text = #"{"employer":{"ceo":{"name":"Bob"},"name":"Acme"},"name":"Eve"}"#
let person = try decode(Person.self, text)
check(person.employer?.ceo?.name == "Bob")
check(try encode(person) == text)
finish()
