import BR05
import Foundation

// BR-05: the empty string is a value of its own, distinct from null.
let empty = try decode(Plan.self, #"{"tier":"","backupTier":""}"#)
check(empty.tier == .empty)
check(empty.backupTier == .empty)
let basic = try decode(Plan.self, #"{"tier":"basic","backupTier":null}"#)
check(basic.tier == .basic)
check(basic.backupTier == nil)
// Open enums: an unknown value is kept, never silently "".
let gold = try decode(Plan.self, #"{"tier":"gold"}"#)
check(gold.tier == .undocumented("gold"))
check(!gold.tier.isDocumented)
check(try encode(gold) == #"{"tier":"gold"}"#)
finish()
