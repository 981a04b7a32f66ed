import Foundation
import Testing

/// The documents of `Tests/Fixtures/compile/` and `Tests/Fixtures/cases/`, and the check programs beside them.
enum FixtureDocuments {
    /// Every OpenAPI document in the repository's compile fixtures and field cases, sorted by folder then name.
    static func inRepository() -> [URL] {
        documents(in: TestPaths.fixtures.appendingPathComponent("compile"))
            + documents(in: TestPaths.cases)
    }

    /// The `.yaml` and `.json` files of a folder, sorted by name; none when the folder does not exist.
    static func documents(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter {
            ($0.hasSuffix(".yaml") && !$0.hasSuffix(".config.yaml")) || $0.hasSuffix(".json")
        }.map {
            folder.appendingPathComponent($0)
        }
    }

    /// `<name>.config.yaml` beside `<name>.yaml`: the document's configuration file, when there is one.
    static func configuration(for document: URL) -> URL? {
        let url = document.deletingLastPathComponent().appendingPathComponent(
            document.deletingPathExtension().lastPathComponent + ".config.yaml")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// `<name>.checks.swift` beside `<name>.yaml` (or `.json`).
    static func checks(for document: URL) -> URL {
        document.deletingLastPathComponent().appendingPathComponent(
            document.deletingPathExtension().lastPathComponent + ".checks.swift")
    }
}

/// A clone of the repository tests on its own: every input a test needs is in `Tests/Fixtures/`.
@Suite struct FixtureDocumentsTests {
    /// A check program whose document is missing would never run; that is a failure, not a skip.
    @Test func everyCheckProgramHasItsDocument() throws {
        var checks = 0
        for folder in ["compile", "cases"] {
            let url = TestPaths.fixtures.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path)
            where name.hasSuffix(".checks.swift") {
                checks += 1
                let stem = String(name.dropLast(".checks.swift".count))
                let found = ["yaml", "json"].contains {
                    FileManager.default.fileExists(atPath: url.appendingPathComponent("\(stem).\($0)").path)
                }
                #expect(found, "Tests/Fixtures/\(folder)/\(name) has no \(stem).yaml or \(stem).json beside it")
            }
        }
        // 31 of the field cases (BR-01 … BR-48) and 27 fixtures of our own have checks.
        #expect(checks == 58)
    }

    /// Each copied field case names its source on its first line (`BR-35.json`, which cannot hold a comment, in
    /// `BR-35.md`), and every field case the tests use is there.
    @Test func fieldCasesAreCopiedWithTheirSource() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: TestPaths.cases.path).sorted()
        let yaml = names.filter { $0.hasSuffix(".yaml") }
        #expect(yaml.count == 33)  // BR-01 … BR-48 with gaps, and BR-35 in JSON
        #expect(names.contains("BR-35.json"))
        for name in yaml + ["BR-35.md"] {
            let text = try String(contentsOf: TestPaths.cases.appendingPathComponent(name), encoding: .utf8)
            let first = text.prefix { $0 != "\n" }
            #expect(first.contains("Copied unchanged from shared/cases/\(name)"), "\(name): \(first)")
        }
    }

    /// When the shared folder is beside the checkout, each copy still equals its source below the added line;
    /// without it (a plain clone) there is nothing to compare, and the copies are what the tests use.
    @Test func copiesMatchTheSharedCasesWhenPresent() throws {
        let shared = TestPaths.shared.appendingPathComponent("cases")
        guard FileManager.default.fileExists(atPath: shared.path) else { return }
        for name in try FileManager.default.contentsOfDirectory(atPath: TestPaths.cases.path)
        where name.hasPrefix("BR-") && !name.hasSuffix(".checks.swift") {
            let source = shared.appendingPathComponent(name)
            guard let original = FileManager.default.contents(atPath: source.path) else { continue }
            let copy = try Data(contentsOf: TestPaths.cases.appendingPathComponent(name))
            let body = name.hasSuffix(".json") ? copy : Data(copy.drop { $0 != UInt8(ascii: "\n") }.dropFirst())
            #expect(body == original ? true : false, "Tests/Fixtures/cases/\(name) differs from shared/cases/\(name)")
        }
    }
}
