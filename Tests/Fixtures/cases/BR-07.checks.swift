import BR07
import Foundation

// BR-07: an integer enum inlined in a property decodes and encodes as a number.
let setting = try decode(Setting.self, #"{"level":2}"#)
check(setting.level == .value2)
check(setting.level.rawValue == 2)
checkThrows { _ = try decode(Setting.self, #"{"level":"2"}"#) }
check(try encode(Setting(level: .value4)) == #"{"level":4}"#)
finish()
