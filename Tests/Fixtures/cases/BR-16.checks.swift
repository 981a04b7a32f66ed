import BR16
import Foundation

// BR-16: the discriminator routes first; without one, the best fit wins; anyOf keeps every fitting member.
let matches = try decode(Predicate.self, #"{"type":"matchesAny","values":["x","y"]}"#)
guard case .matchesAny(let matchesAny) = matches else { fatalError("expected .matchesAny, got \(matches)") }
check(matchesAny.values == ["x", "y"])
let between = try decode(Predicate.self, #"{"type":"between","min":1,"max":3}"#)
guard case .between(let range) = between else { fatalError("expected .between, got \(between)") }
check(range.min == 1 && range.max == 3)
checkThrows { _ = try decode(Predicate.self, #"{"type":"nearby"}"#) }

check(try decode(Shape.self, #"{"side":2}"#) == .square(Square(side: 2)))
// Both members fit equally: the documented tie-break picks the first, and keeps the other field.
let both = try decode(Shape.self, #"{"radius":1,"side":2}"#)
guard case .circle(let circle) = both else { fatalError("expected .circle, got \(both)") }
check(circle.radius == 1)
check(circle.additionalProperties["side"] == .integer(2))

let contact = try decode(Contact.self, #"{"email":"a@b.c","phone":"+100"}"#)
check(contact.emailContact?.email == "a@b.c")
check(contact.phoneContact?.phone == "+100")
finish()
