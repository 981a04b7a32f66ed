import BR05
import Foundation

// BR-05: the empty string is a value of its own, distinct from null. `backupTier` is optional and nullable, so
// `BR05Nullable<BackupTier>?` (BR-44): the header's nil for null is `.null`, whose `optionalValue` is nil.
let empty = try decode(Plan.self, #"{"tier":"","backupTier":""}"#)
check(empty.tier == .empty)
check(empty.backupTier == .value(.empty))
let basic = try decode(Plan.self, #"{"tier":"basic","backupTier":null}"#)
check(basic.tier == .basic)
check(basic.backupTier == .null && basic.backupTier?.optionalValue == nil)
// Open enums: an unknown value is kept, never silently "".
let gold = try decode(Plan.self, #"{"tier":"gold"}"#)
check(gold.tier == .undocumented("gold"))
check(!gold.tier.isDocumented)
check(try encode(gold) == #"{"tier":"gold"}"#)
finish()
