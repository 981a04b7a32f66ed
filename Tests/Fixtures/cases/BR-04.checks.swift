import BR04
import Foundation

// BR-04: distinct JSON strings that sanitise to the same identifier stay distinct.
check(try decode(Vote.self, #""-1""#) == .minus1)
check(try encode(Vote.minus1) == #""-1""#)
check(try encode(Vote.plus1) == #""+1""#)
check(try decode(Zone.self, #""GMT-1""#) == .gmtMinus1)
check(try decode(Zone.self, #""GMT+1""#) == .gmtPlus1)
let text = #"{"Foo":5,"a b":3,"aB":2,"a_b":1,"foo":4}"#
let pair = try decode(Pair.self, text)
check(Set([pair.aB, pair.aB2, pair.aB3, pair.foo, pair.foo2]) == Set([1, 2, 3, 4, 5]))
check(pair.aB == 1 && pair.aB2 == 2 && pair.aB3 == 3 && pair.foo == 4 && pair.foo2 == 5)
check(try encode(pair) == text)
finish()
