import Foundation
import UndeclaredNames

// Keys of the declared names' lengths that are not declared names are kept, the declared ones are not (short
// names, and a long one that Swift stores out of line).
let mixed = try decode(
    Record.self,
    #"{"a":1,"b":2,"id":"x","ix":"y","name":"n","nome":"o","statement_descriptor_suffix":"s","#
        + #""statement_descriptor_suffiy":"t","c":null}"#)
check(mixed.a == 1 && mixed.id == "x" && mixed.name == "n" && mixed.statementDescriptorSuffix == "s", "\(mixed)")
check(
    mixed.additionalProperties == ["b": 2, "ix": "y", "nome": "o", "statement_descriptor_suffiy": "t", "c": .null],
    "\(mixed.additionalProperties)")

// A key canonically equivalent to a declared name of another byte length is that name, as the decoder finds it:
// the Kelvin sign followed by `ind` is `Kind`, so it is not also kept as undeclared.
let kelvinSign = try decode(Record.self, #"{"\u212Aind":"kelvin sign"}"#)
check(kelvinSign.kind == "kelvin sign" && kelvinSign.additionalProperties.isEmpty, "\(kelvinSign)")

// The same for declared names that are not ASCII: a decomposed `ö` is `größe`'s, and the ASCII `Kelvin` is the
// declared name spelled with the Kelvin sign. ASCII keys beside them are told apart as for `Record`.
let measure = try decode(
    Measure.self, #"{"gro\u0308\u00DFe":"decomposed","Kelvin":273.15,"id":"m","ix":2,"i":3}"#)
check(measure.größe == "decomposed" && measure.kelvin == 273.15 && measure.id == "m", "\(measure)")
check(measure.additionalProperties == ["ix": 2, "i": 3], "\(measure.additionalProperties)")

// A key that is not ASCII and equals no declared name is kept.
let other = try decode(Measure.self, #"{"gr\u00F6sse":"x","\u212A":1}"#)
check(other.größe == nil && other.additionalProperties == ["gr\u{F6}sse": "x", "\u{212A}": 1], "\(other)")

// Many keys, made at random from pieces of the declared names, their letters in other cases and other Unicode
// spellings (the Kelvin sign, `ö` composed and decomposed, `ß`): each key is declared exactly when it equals one of the
// declared names as Swift strings compare, which is how JSONDecoder finds a declared property (the rule above). Objects
// of one to four such keys (no two of them equal), each with a value of its property's type when it is declared.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        // SplitMix64 from a fixed seed: the same keys on every run.
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
let pieces = [
    "a", "i", "d", "id", "K", "k", "ind", "Kind", "name", "nam", "e", "E", "x", "_", "statement_descriptor_suffix",
    "statement", "_descriptor", "_suffix", "\u{212A}", "elvin", "Kelvin", "gr", "\u{F6}", "o\u{308}", "\u{DF}", "e",
    "größe", "gro\u{308}\u{DF}e", "\u{E9}", "e\u{301}", "1", "-",
]
var generator = SeededGenerator(state: 20_261_203)
/// Whole names, declared or not, in several spellings: a third of the keys are one of these.
let wholeNames = [
    "a", "id", "Kind", "\u{212A}ind", "kind", "name", "Name", "statement_descriptor_suffix",
    "größe", "gro\u{308}\u{DF}e", "gr\u{F6}sse", "Kelvin", "\u{212A}elvin", "kelvin",
]
func randomKey() -> String {
    if Int.random(in: 0..<3, using: &generator) == 0 { return wholeNames.randomElement(using: &generator)! }
    return (0..<Int.random(in: 1...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
}
/// The JSON name of each declared property, with a JSON value of its type.
let recordNames: [(name: String, value: Any)] = [
    ("a", 1), ("id", "v"), ("Kind", "v"), ("name", "v"), ("statement_descriptor_suffix", "v"),
]
let measureNames: [(name: String, value: Any)] = [("id", "v"), ("größe", "v"), ("\u{212A}elvin", 2.5)]
var declaredSeen = 0
var undeclaredSeen = 0
for round in 0..<600 {
    let declared = round.isMultiple(of: 2) ? recordNames : measureNames
    var keys: [String] = []
    for _ in 0..<Int.random(in: 1...4, using: &generator) {
        let key = randomKey()
        if !keys.contains(key) { keys.append(key) }
    }
    var object: [String: Any] = [:]
    var expectedUndeclared: [String: UndeclaredNamesJSONValue] = [:]
    var expectedDeclared: [String] = []
    for key in keys {
        if let match = declared.first(where: { $0.name == key }) {
            object[key] = match.value
            expectedDeclared.append(match.name)
            declaredSeen += 1
        } else {
            object[key] = 7
            expectedUndeclared[key] = 7
            undeclaredSeen += 1
        }
    }
    let json = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    if round.isMultiple(of: 2) {
        let record = try decode(Record.self, json)
        let set = [
            "a": record.a != nil, "id": record.id != nil, "Kind": record.kind != nil, "name": record.name != nil,
            "statement_descriptor_suffix": record.statementDescriptorSuffix != nil,
        ]
        check(record.additionalProperties == expectedUndeclared, "\(json): \(record.additionalProperties)")
        check(set.filter(\.value).keys.sorted() == expectedDeclared.sorted(), "\(json): \(record)")
    } else {
        let measure = try decode(Measure.self, json)
        let set = ["id": measure.id != nil, "größe": measure.größe != nil, "\u{212A}elvin": measure.kelvin != nil]
        check(measure.additionalProperties == expectedUndeclared, "\(json): \(measure.additionalProperties)")
        check(set.filter(\.value).keys.sorted() == expectedDeclared.sorted(), "\(json): \(measure)")
    }
}
// Both kinds of key came up often enough for the comparison to mean something.
check(declaredSeen > 100 && undeclaredSeen > 500, "declared \(declaredSeen), undeclared \(undeclaredSeen)")

// Encoding writes the declared properties under their names and the kept ones as received.
check(try encode(Record(id: "x", additionalProperties: ["ix": "y"])) == #"{"id":"x","ix":"y"}"#)

finish()
