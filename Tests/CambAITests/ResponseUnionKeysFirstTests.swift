import CambAI
import Foundation
import Testing

/// The 200 response's union chooses by keys first (the member with more declared keys present is decoded at once
/// when decoding checks every present value), and gives the same member as scoring every value: these payloads have
/// a favourite by keys that does not fit, so the other member must take them.
@Suite struct ResponseUnionKeysFirstTests {
    typealias Response = GetDubbedOutputInAltFormatResponse

    /// `null` is no URL: the file member does not fit, though its decoding would take `null` as an absent URL.
    @Test func nullOutputURLIsNotTheFile() throws {
        let value = try decode(Response.self, #"{"output_url":null}"#)
        #expect(value == .taskID(TaskID(additionalProperties: ["output_url": .null])))
    }

    /// `null` is no task id either: the file member (no declared key present, score 1) takes the object.
    @Test func nullTaskIDIsNotTheTask() throws {
        let value = try decode(Response.self, #"{"task_id":null}"#)
        #expect(value == .dubAltFormatResponseBody(DubAltFormatResponseBody(additionalProperties: ["task_id": .null])))
    }

    /// Both keys present: the file member is listed first, but a number is no URL, so the task takes the object.
    @Test func numberOutputURLIsNotTheFile() throws {
        let value = try decode(Response.self, #"{"task_id":"t-4","output_url":5}"#)
        #expect(value == .taskID(TaskID(taskID: "t-4", additionalProperties: ["output_url": 5])))
    }

    /// An empty string is no URL (`URL(string: "")` is `nil`).
    @Test func emptyOutputURLIsNotTheFile() throws {
        let value = try decode(Response.self, #"{"output_url":""}"#)
        #expect(value == .taskID(TaskID(additionalProperties: ["output_url": ""])))
    }
}
