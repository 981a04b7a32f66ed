import BR01
import Foundation

// BR-01: reserved words as property names; values from the case's header.
let text = #"{"Protocol":"tcp","Type":"box","await":5,"default":true,"self":"/things/1","type":"b"}"#
let thing = try decode(Thing.self, text)
check(thing.protocol == "tcp")
check(thing.self_ == "/things/1")
check(thing.type == "box")
check(thing.default == true)
check(thing.await == 5)
check(thing.type2 == .b)
check(thing.additionalProperties.isEmpty)
// Re-encoding emits exactly those six keys.
check(try encode(thing) == text)
finish()
