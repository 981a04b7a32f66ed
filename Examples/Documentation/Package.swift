// swift-tools-version:6.0
import PackageDescription

// Builds the DocC documentation of the generated `CambAI` library, from this folder:
//
//     swift package generate-documentation --product CambAI --warnings-as-errors
//
// A separate package, so that users of the main package never fetch swift-docc-plugin. `--warnings-as-errors`
// turns any problem DocC finds (a ``Symbol`` link that names nothing) into a failure; `.ci/run` runs it.
let package = Package(
    name: "CambAIDocumentation",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9)],
    dependencies: [
        .package(name: "openapi-codegen", path: "../.."),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ]
)
