import BR15
import Foundation

// BR-15: oneOf of primitives and arrays, JSON types respected.
check(try decode(LookupResult.self, #""abc""#) == .string("abc"))
check(try decode(LookupResult.self, "42") == .integer(42))
check(try decode(LookupResult.self, #"["a","b"]"#) == .strings(["a", "b"]))
check(try decode(LookupResult.self, #"[{"id":1}]"#) == .items([Item(id: 1)]))
checkThrows { _ = try decode(LookupResult.self, "4.5") }
checkThrows { _ = try decode(LookupResult.self, "true") }
// [] fits both array members: the documented tie-break picks the first listed.
check(try decode(LookupResult.self, "[]") == .strings([]))
// Encoding writes the bare value.
check(try encode(LookupResult.integer(42)) == "42")
check(try encode(LookupResult.strings(["a"])) == #"["a"]"#)
finish()
