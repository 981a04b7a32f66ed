import BR11
import Foundation

// BR-11: 3.1 null types; absent properties are omitted when encoding.
let first = try decode(CustomerUpdate.self, #"{"givenName":null,"nickname":"Bo","age":null}"#)
check(first.givenName == nil && first.nickname == "Bo" && first.age == nil)
let second = try decode(CustomerUpdate.self, #"{"givenName":"Ann","nickname":null,"age":7}"#)
check(second.givenName == "Ann" && second.nickname == nil && second.age == 7)
check(try encode(second) == #"{"age":7,"givenName":"Ann"}"#)
finish()
