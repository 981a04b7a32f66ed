import DecodedFit
import Foundation

// The expected members follow the scoring rule by hand: a member fits when its required keys are there and every
// present declared property fits; a property adds 1 when it fits fully and nothing when it fits only loosely (an
// enum value the document does not list); the highest score wins, the first member on a tie.

// Shipment: Parcel scores 1 + size + weight, Letter 1 + pages; each lacks the other's required key.
check(try decode(Shipment.self, #"{"size":"m","weight":3}"#) == .parcel(Parcel(size: .m, weight: 3)))
check(try decode(Shipment.self, #"{"pages":4}"#) == .letter(Letter(pages: 4)))
// An undocumented size fits Parcel loosely (score 1), and Parcel is still the only member that fits.
check(try decode(Shipment.self, #"{"size":"xl"}"#) == .parcel(Parcel(size: .undocumented("xl"))))
// Zero is an integer; `-0` is the Double -0.0, which fits no integer, so no member fits.
check(try decode(Shipment.self, #"{"pages":0}"#) == .letter(Letter(pages: 0)))
check(try decode(Shipment.self, #"{"size":"s","weight":0}"#) == .parcel(Parcel(size: .s, weight: 0)))
checkThrows { _ = try decode(Shipment.self, #"{"pages":-0}"#) }
checkThrows { _ = try decode(Shipment.self, #"{"size":"s","weight":-0}"#) }
// A wrong kind or `null` where an integer is declared: Parcel does not fit (an optional key holding `null` is not an
// absent one), nor does Letter, whose required integer cannot be `null`.
checkThrows { _ = try decode(Shipment.self, #"{"size":"s","weight":"3"}"#) }
checkThrows { _ = try decode(Shipment.self, #"{"size":"s","weight":null}"#) }
checkThrows { _ = try decode(Shipment.self, #"{"pages":null}"#) }
checkThrows { _ = try decode(Shipment.self, #"{"size":5}"#) }
// Both required keys: Parcel scores 1 + size = 2 and Letter 1 + pages = 2, a tie that Parcel (listed first) wins,
// keeping `pages` as undeclared; with an undocumented size, Parcel scores 1 and Letter wins with 2.
check(
    try decode(Shipment.self, #"{"size":"l","pages":2}"#)
        == .parcel(Parcel(size: .l, additionalProperties: ["pages": 2])))
check(
    try decode(Shipment.self, #"{"size":"xl","pages":2}"#)
        == .letter(Letter(pages: 2, additionalProperties: ["size": "xl"])))
// Undeclared keys are kept by the member chosen.
check(
    try decode(Shipment.self, #"{"pages":7,"note":"n"}"#)
        == .letter(Letter(pages: 7, additionalProperties: ["note": "n"])))

// Counter: an integer fits Box and Tally alike (2 each), and Box is listed first.
check(try decode(Counter.self, #"{"count":5}"#) == .box(Box(count: 5)))
check(try decode(Counter.self, #"{"count":0}"#) == .box(Box(count: 0)))
check(try decode(Counter.self, #"{"count":1e2}"#) == .box(Box(count: 100)))
let minusZero = try decode(Counter.self, #"{"count":-0}"#)
check(minusZero == .tally(Tally(count: 0)), "\(minusZero)")
if case .tally(let tally) = minusZero { check(tally.count?.sign == .minus, "\(tally)") }
check(try decode(Counter.self, #"{"count":2.5}"#) == .tally(Tally(count: 2.5)))
checkThrows { _ = try decode(Counter.self, #"{"count":null}"#) }
checkThrows { _ = try decode(Counter.self, #"{"count":"5"}"#) }
check(try decode(Counter.self, #"{}"#) == .box(Box()))
check(
    try decode(Counter.self, #"{"count":5,"extra":true}"#) == .box(Box(count: 5, additionalProperties: ["extra": true]))
)

// Meter: `null` and integers fit Gauge only, strings Dial only.
check(try decode(Meter.self, #"{"level":null}"#) == .gauge(Gauge(level: .null)))
check(try decode(Meter.self, #"{"level":7}"#) == .gauge(Gauge(level: .value(7))))
check(try decode(Meter.self, #"{"level":0}"#) == .gauge(Gauge(level: .value(0))))
check(try decode(Meter.self, #"{"level":"x"}"#) == .dial(Dial(level: "x")))
checkThrows { _ = try decode(Meter.self, #"{"level":-0}"#) }
checkThrows { _ = try decode(Meter.self, #"{"level":true}"#) }

// Pick (anyOf): every member that fits is kept, each with the other's key as undeclared.
check(
    try decode(Pick.self, #"{"n":3,"label":"a"}"#)
        == Pick(
            count: Count(n: 3, additionalProperties: ["label": "a"]),
            label: Label(label: .a, additionalProperties: ["n": 3])))
check(try decode(Pick.self, #"{"n":0}"#) == Pick(count: Count(n: 0)))
// An undocumented label fits loosely, and a loose fit is a fit.
check(try decode(Pick.self, #"{"label":"zz"}"#) == Pick(label: Label(label: .undocumented("zz"))))
// `-0` fits no integer: Count is left out, and Label keeps it as undeclared.
let pickMinusZero = try decode(Pick.self, #"{"n":-0,"label":"b"}"#)
check(pickMinusZero == Pick(label: Label(label: .b, additionalProperties: ["n": .number(-0.0)])), "\(pickMinusZero)")
checkThrows { _ = try decode(Pick.self, #"{"n":-0}"#) }
// 2^31 is no Int32: Count does not fit.
checkThrows { _ = try decode(Pick.self, #"{"n":2147483648}"#) }
check(
    try decode(Pick.self, #"{"n":2147483648,"label":"a"}"#)
        == Pick(label: Label(label: .a, additionalProperties: ["n": 2_147_483_648])))
checkThrows { _ = try decode(Pick.self, #"{"n":null,"label":null}"#) }
finish()
