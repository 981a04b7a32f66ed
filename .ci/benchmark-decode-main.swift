// The decoding benchmark's program (built by .ci/benchmark-decode in a scratch package): for each case, the
// generated type and a hand-written Codable type of the same shape decode the same JSON array, taking turns run by
// run; the median of each is printed side by side with the median of the runs' ratios.
import Foundation
import Seed

let runs = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 5 : 5

/// The CPU time this thread has used, in milliseconds: a decode runs on one thread, and on a machine that other
/// builds share, wall time also counts the time they take the core away (ratios then vary by ±20%).
func threadMilliseconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) * 1000 + Double(now.tv_nsec) / 1e6
}

/// Milliseconds (CPU time of the decoding thread) of one decode of `data` as `T`.
func decodeMilliseconds<T: Decodable>(_ type: T.Type, _ data: Data) -> Double {
    let start = threadMilliseconds()
    do {
        // Dates as RFC 3339 text, as the documents have them: the hand-written types read them with the
        // decoder's strategy; the generated ones parse them themselves whatever the strategy.
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode(T.self, from: data)
        withExtendedLifetime(decoded) {}
    } catch {
        fatalError("\(T.self): \(error)")
    }
    return threadMilliseconds() - start
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

/// A JSON array of `element(i)` until it is about 10 MB.
func payload(_ element: (Int) -> String) -> Data {
    var parts: [String] = []
    var size = 0
    var index = 0
    while size < 10_000_000 {
        let text = element(index)
        parts.append(text)
        size += text.utf8.count + 1
        index += 1
    }
    return Data(("[" + parts.joined(separator: ",") + "]").utf8)
}

/// Decodes `data` `runs` times as each of the two types, in pairs taking turns (the generated type first in every
/// other pair), so that both meet the machine in the same state: on shared cores a burst of other work lands on
/// both sides of a pair. Prints the median of each and the median of the pairs' ratios.
func compare<Generated: Decodable, HandWritten: Decodable>(
    _ name: String, _ data: Data, target: Double, generated: Generated.Type, handWritten: HandWritten.Type
) {
    var generatedTimes: [Double] = []
    var handWrittenTimes: [Double] = []
    var ratios: [Double] = []
    for run in 0..<runs {
        let generatedTime: Double
        let handWrittenTime: Double
        if run % 2 == 0 {
            generatedTime = decodeMilliseconds(generated, data)
            handWrittenTime = decodeMilliseconds(handWritten, data)
        } else {
            handWrittenTime = decodeMilliseconds(handWritten, data)
            generatedTime = decodeMilliseconds(generated, data)
        }
        generatedTimes.append(generatedTime)
        handWrittenTimes.append(handWrittenTime)
        ratios.append(generatedTime / handWrittenTime)
    }
    let ratio = median(ratios)
    print(
        name.padding(toLength: 34, withPad: " ", startingAt: 0)
            + String(
                format: "%7.1f MB %12.1f %14.1f %7.2fx %7.1fx  %@", Double(data.count) / 1e6, median(generatedTimes),
                median(handWrittenTimes), ratio, target, ratio <= target ? "ok" : "over"))
}

// The seed's 200 response: a oneOf of two objects, told apart by their keys.
struct HandOutput: Decodable {
    var outputURL: URL?
    enum CodingKeys: String, CodingKey { case outputURL = "output_url" }
}
struct HandTask: Decodable {
    var taskID: String?
    enum CodingKeys: String, CodingKey { case taskID = "task_id" }
}
enum HandResponse: Decodable {
    case output(HandOutput)
    case task(HandTask)
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
    init(from decoder: any Decoder) throws {
        let keys = try decoder.container(keyedBy: Key.self)
        if keys.contains(Key(stringValue: "task_id")!) {
            self = .task(try HandTask(from: decoder))
        } else {
            self = .output(try HandOutput(from: decoder))
        }
    }
}

// The seed's output format: an anyOf of two string enums.
enum HandAudio: String, Decodable { case flac, wav, mp3, aac }
enum HandVideo: String, Decodable { case mkv, mp4, mov }
enum HandFormat: Decodable {
    case audio(HandAudio)
    case video(HandVideo)
    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        if let audio = HandAudio(rawValue: text) {
            self = .audio(audio)
        } else if let video = HandVideo(rawValue: text) {
            self = .video(video)
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: text))
        }
    }
}

print(
    "case".padding(toLength: 34, withPad: " ", startingAt: 0)
        + "   payload  generated (ms)  hand-written (ms)  ratio  target")
#if canImport(Twilio)
    twilioCase()
#endif
#if canImport(Github)
    if let path = ProcessInfo.processInfo.environment["GITHUB_REPOSITORY_EXAMPLE"],
        let example = try? String(contentsOfFile: path, encoding: .utf8)
    {
        githubCase(example: example.trimmingCharacters(in: .whitespacesAndNewlines))
    }
#endif
#if canImport(Stripe)
    if let path = ProcessInfo.processInfo.environment["STRIPE_CHARGE_EXAMPLE"],
        let example = try? String(contentsOfFile: path, encoding: .utf8)
    {
        stripeCase(example: example.trimmingCharacters(in: .whitespacesAndNewlines))
    }
#endif
let responses = payload { index in
    index % 2 == 0
        ? #"{"output_url":"https://example.com/exports/\#(index).mp4"}"#
        : #"{"task_id":"task-\#(index)"}"#
}
compare(
    "seed 200 (oneOf of two objects)", responses, target: 1.5,
    generated: [GetDubbedOutputInAltFormatResponse].self,
    handWritten: [HandResponse].self)
let formats = payload { index in ["\"mp3\"", "\"mkv\"", "\"wav\"", "\"mp4\"", "\"flac\"", "\"mov\"", "\"aac\""][index % 7] }
compare(
    "seed output_format (anyOf of enums)", formats, target: 1.5,
    generated: [DubbedOutputInAltFormatRequestPayloadOutputFormat].self,
    handWritten: [HandFormat].self)
#if canImport(UnionShapes)
    unionShapeCases()
#endif
