import BR27
import Foundation

// BR-27: YAML 1.1 boolean words stay strings under the YAML 1.2 core schema.
let text = #"{"answer":"y","country":"NO","state":"OFF"}"#
let value = try decode(Switch.self, text)
check(value.state == .off)
check(value.country == .no)
check(value.answer == .y)
check(try encode(value) == text)
check(SwitchState.documentedCases.map(\.rawValue) == ["ON", "OFF", "AUTO"])
check(SwitchCountry.documentedCases.map(\.rawValue) == ["SE", "NO", "DK"])
check(SwitchAnswer.documentedCases.map(\.rawValue) == ["y", "n", "Yes", "No"])
finish()
