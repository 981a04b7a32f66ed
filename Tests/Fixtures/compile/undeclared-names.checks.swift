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

// Encoding writes the declared properties under their names and the kept ones as received.
check(try encode(Record(id: "x", additionalProperties: ["ix": "y"])) == #"{"id":"x","ix":"y"}"#)

finish()
