// swift-tools-version:6.0
import PackageDescription

// The fuzz target, kept out of the main package so that users never build it: `.ci/fuzz` builds it with
// `--sanitize=fuzzer` (libFuzzer ships with the Swift toolchain on Linux).
let package = Package(
    name: "openapi-codegen-fuzz",
    dependencies: [
        // The generator, by path; named so that the product reference below holds in a clone of any name.
        .package(name: "openapi-codegen", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "PipelineFuzzer",
            dependencies: [.product(name: "GeneratorCore", package: "openapi-codegen")]
        )
    ]
)
