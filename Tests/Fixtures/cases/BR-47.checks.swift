import BR47
import Foundation

// BR-47: `const` (and a one-value `enum`) is a fixed member: always encoded, checked when decoding, and the tag
// that tells union members apart.
let namespace = try decode(Namespace.self, #"{"apiVersion":"v1","kind":"Namespace","name":"prod","managed":true}"#)
check(namespace.name == "prod" && namespace.apiVersion == "v1" && namespace.kind == "Namespace" && namespace.managed)
checkThrows { _ = try decode(Namespace.self, #"{"apiVersion":"v2","kind":"Namespace","name":"prod"}"#) }
checkThrows { _ = try decode(Namespace.self, #"{"apiVersion":"v1","kind":"Namespace","name":"prod","managed":false}"#) }
// Built with only its name; the constants are written (`managed` as true, never false).
check(try encode(Namespace(name: "prod")) == #"{"apiVersion":"v1","kind":"Namespace","managed":true,"name":"prod"}"#)

// Tagged by `const`: the member whose constant matches wins; no member matching is an error.
guard case .square(let square) = try decode(Shape.self, #"{"kind":"square","size":2}"#) else {
    check(false, "expected the Square member")
    finish()
}
check(square.size == 2)
check(try encode(Shape.square(square)) == #"{"kind":"square","size":2}"#)
guard case .circle(let circle) = try decode(Shape.self, #"{"kind":"circle","size":1}"#) else {
    check(false, "expected the Circle member")
    finish()
}
check(circle.size == 1)
checkThrows { _ = try decode(Shape.self, #"{"kind":"hexagon","size":1}"#) }

// Tagged by a one-value `enum` (the 3.0 spelling): the member that lists the value wins.
guard case .legacySquare(let legacy) = try decode(LegacyShape.self, #"{"kind":"square","size":2}"#) else {
    check(false, "expected the LegacySquare member")
    finish()
}
check(legacy.kind == .square && legacy.size == 2)
finish()
