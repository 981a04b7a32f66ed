// Configures the CambAI client, calls "Get Dubbed Output in Alt Format" for each outcome an app must handle,
// and checks what it made of each; exits 1 when one differs. `swift run` in this folder.
import CambAI
import Foundation

let key = "sk-example"
let stub = CambAIClient(
    apiKey: key, serverURL: URL(string: "https://client.camb.ai/apis")!, transport: StubService(),
    timeout: .seconds(30), maximumResponseSize: 1_000_000)

// Connection refused, for real: the default CambAIURLSessionTransport, sent to a port of 127.0.0.1 that this process
// holds without listening.
let closed = try RefusingPort()
let unreachable = CambAIClient(
    apiKey: key, serverURL: URL(string: "http://127.0.0.1:\(closed.port)/apis")!, timeout: .seconds(30))

let checks: [(name: String, outcome: Outcome, expected: Outcome)] = [
    (
        "an exported run gives the file",
        await export(runID: 42, language: .enUS, format: .audioOutputType(.mp3), with: stub),
        .file(URL(string: "https://storage.camb.test/42/1.mp3")!)
    ),
    (
        "another run starts an export task",
        await export(runID: 4200, language: .frFR, format: .videoOutputTypeWithoutAVI(.mp4), with: stub),
        .task("export-4200-76-mp4")
    ),
    (
        "a language id the document does not list is a 422",
        await export(runID: 42, language: .undocumented(137), format: .audioOutputType(.wav), with: stub),
        .invalid(["path.language: Input should be 1, 2, 3, … or 150"])
    ),
    (
        "an unknown run is another status",
        await export(runID: 404, language: .enUS, format: .audioOutputType(.wav), with: stub),
        .status(404, detail: "Run 404 not found")
    ),
    (
        "no API key is another status",
        await export(
            runID: 42, language: .enUS, format: .audioOutputType(.wav),
            with: CambAIClient(serverURL: stub.serverURL, transport: StubService())),
        .status(401, detail: "Not authenticated")
    ),
    (
        "a server that cannot be reached is a transport error",
        await export(runID: 42, language: .enUS, format: .audioOutputType(.wav), with: unreachable),
        .unreachable
    ),
]

var failures = 0
for check in checks {
    if check.outcome == check.expected {
        print("ok    \(check.name): \(check.outcome)")
    } else {
        failures += 1
        print("FAIL  \(check.name): got \(check.outcome), expected \(check.expected)")
    }
}
print("\(checks.count - failures) passed, \(failures) failed")
exit(failures == 0 ? 0 : 1)
