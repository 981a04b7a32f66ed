import ExactNumbers
import Foundation

// The four numbers, each as the document's untyped `raw` and as an undeclared property.
let big = Decimal(string: "12345678901234567890")!
let precise = Decimal(string: "0.1000000000000000055511151231257827")!
check(try decode(ExactNumbersJSONValue.self, "12345678901234567890") == .decimal(big))
check(try decode(ExactNumbersJSONValue.self, "0.1000000000000000055511151231257827") == .decimal(precise))
let zero = try decode(ExactNumbersJSONValue.self, "-0.0")
check(zero == .number(0) && zero.doubleValue?.sign == .minus, "\(zero)")
checkThrows { _ = try decode(ExactNumbersJSONValue.self, "1e400") }
// Re-encoding gives the same number text (-0.0 and -0 are one value; a Double writes it `-0`).
check(try encode(ExactNumbersJSONValue.decimal(big)) == "12345678901234567890")
check(try encode(ExactNumbersJSONValue.decimal(precise)) == "0.1000000000000000055511151231257827")
check(try encode(zero) == "-0")
// Numbers a Double or an Int64 holds stay what they were.
check(
    try decode(ExactNumbersJSONValue.self, "[9223372036854775807, 1.5, 0.1, 3.0e-5, 1.0]")
        == [.integer(9_223_372_036_854_775_807), .number(1.5), .number(0.1), .number(0.00003), .integer(1)])
check(try encode(try decode(ExactNumbersJSONValue.self, "[0.1, 3.0e-5]")) == "[0.1,3e-05]")
check(ExactNumbersJSONValue.decimal(big).doubleValue == 12_345_678_901_234_567_890.0)
check(ExactNumbersJSONValue.integer(7).decimalValue == Decimal(7))

// Through the client: a response carrying them, sent back unchanged in value.
let payload =
    #"{"name":"r","raw":12345678901234567890,"precise":0.1000000000000000055511151231257827,"zero":-0.0,"#
    + #""list":[12345678901234567890,-0.0]}"#
let client = ExactNumbersClient(
    serverURL: URL(string: "https://example.com")!, transport: answering(200, payload))
let reading = try await client.getReading()
check(reading.raw == .decimal(big))
check(reading.additionalProperties["precise"] == .decimal(precise))
check(reading.additionalProperties["zero"]?.doubleValue?.sign == .minus)
check(reading.additionalProperties["list"] == [.decimal(big), .number(-0.0)])
check(
    try encode(reading)
        == #"{"list":[12345678901234567890,-0],"name":"r","precise":0.1000000000000000055511151231257827,"#
        + #""raw":12345678901234567890,"zero":-0}"#)
// 1e400 anywhere is a decoding error, not infinity or another number.
checkThrows { _ = try decode(Reading.self, #"{"raw":1e400}"#) }
checkThrows { _ = try decode(Reading.self, #"{"other":[1e400]}"#) }
do {
    _ = try await ExactNumbersClient(
        serverURL: URL(string: "https://example.com")!, transport: answering(200, #"{"raw":1e400}"#)
    ).getReading()
    check(false, "1e400 decoded")
} catch .decoding {
    check(true)
} catch {
    check(false, "\(error)")
}
finish()
