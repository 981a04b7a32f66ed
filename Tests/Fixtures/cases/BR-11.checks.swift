import BR11
import Foundation

// BR-11: 3.1 null types. Every property is optional and nullable, so each is `BR11Nullable<T>?`: the header's
// nil is `.null` for a key that holds null (`optionalValue` is then nil), and re-encoding sends null for keys
// that were present with null, and leaves out the absent ones.
let first = try decode(CustomerUpdate.self, #"{"givenName":null,"nickname":"Bo","age":null}"#)
check(first.givenName == .null && first.nickname == .value("Bo") && first.age == .null)
check(first.givenName?.optionalValue == nil && first.age?.optionalValue == nil)
let second = try decode(CustomerUpdate.self, #"{"givenName":"Ann","nickname":null,"age":7}"#)
check(second.givenName == .value("Ann") && second.nickname == .null && second.age == .value(7))
check(try encode(second) == #"{"age":7,"givenName":"Ann","nickname":null}"#)
check(try encode(try decode(CustomerUpdate.self, #"{"age":7}"#)) == #"{"age":7}"#)
finish()
