import BR24
import Foundation

// BR-24: line breaks inside enum values stay in the raw value; doc comments cannot be broken by them.
check(try decode(Mode.self, #""first line\nsecond line""#) == .firstLineSecondLine)
check(try encode(Mode.firstLineSecondLine) == #""first line\nsecond line""#)
check(try decode(Mode.self, #""tab\there""#) == .tabHere)
check(try decode(Mode.self, #""normal""#) == .normal)
finish()
