import Foundation
import Numbers

// Negative integers.
check(Offset.documentedCases == [.valueMinus2, .valueMinus1, .value0, .value1])
check(try decode(Offset.self, "-2") == .valueMinus2)
check(try decode(Offset.self, "7") == .undocumented(7))
check(Offset.undocumented(-2) == .valueMinus2 && Offset.undocumented(7) != .valueMinus2)
// Fractions: a Double enum.
check(Ratio.documentedCases.map(\.rawValue) == [0.5, 1.5, -2.25])
check(try decode(Ratio.self, "-2.25") == .valueMinus2_25)
check(try decode(Ratio.self, "0.75") == .undocumented(0.75))
check(try encode(Ratio.value1_5) == "1.5")
// Integers under `type: number` also read as 2.0.
check(try decode(Level.self, "2") == .value2)
check(try decode(Level.self, "2.0") == .value2)
// Booleans.
check(try decode(Flag.self, "true") == .trueValue)
check(try decode(Flag.self, "false") == .undocumented(false))
// Several kinds: JSONValue raw values, each kind its own value.
check(try decode(Mode.self, "1") == .value1)
check(try decode(Mode.self, #""auto""#) == .auto)
check(try decode(Mode.self, "true") == .trueValue)
check(try decode(Mode.self, "2.5") == .value2_5)
check(try decode(Mode.self, #""1""#) == .undocumented(.string("1")))
check(try encode(Mode.auto) == #""auto""#)
// In a struct, through a client.
let settings = try decode(
    Settings.self, #"{"offset":-1,"ratio":0.5,"level":3,"flag":true,"mode":"auto"}"#)
check(settings.offset == .valueMinus1 && settings.ratio == .value0_5 && settings.level == .value3)
check(settings.flag == .trueValue && settings.mode == .auto)
finish()
