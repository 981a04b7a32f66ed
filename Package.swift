// swift-tools-version:6.0
import PackageDescription

// `.ci/run` sets OPENAPI_CODEGEN_STRICT=1 to build this package's own targets with warnings as errors;
// builds by users and by packages that depend on this one are unaffected.
let strict: [SwiftSetting] =
    Context.environment["OPENAPI_CODEGEN_STRICT"] == "1" ? [.unsafeFlags(["-warnings-as-errors"])] : []

let package = Package(
    name: "openapi-codegen",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9)],
    products: [
        .executable(name: "openapi-codegen", targets: ["openapi-codegen"]),
        .library(name: "GeneratorCore", targets: ["GeneratorCore"]),
        .library(name: "CambAI", targets: ["CambAI"]),
        .plugin(name: "OpenAPICodegenCommand", targets: ["OpenAPICodegenCommand"]),
        .plugin(name: "OpenAPICodegenBuild", targets: ["OpenAPICodegenBuild"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.20.0"),
    ],
    targets: [
        // The system libyaml (`libyaml-dev` on Debian and Ubuntu, `brew install libyaml` on macOS).
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // One C function: swaps two folders atomically (Linux renameat2, macOS renamex_np), for OutputWriter.
        .target(name: "CFolderExchange"),
        // One C function: the content hash of the generation manifest, as fast in a debug build as in release.
        .target(name: "CContentHash"),
        // glibc's allocator grows its heaps 64 MiB at a time in the command's process, set as it loads.
        .target(name: "CAllocatorTuning"),
        // parse → decode → resolve → present → render → write.
        .target(
            name: "GeneratorCore",
            dependencies: [
                "CLibYAML",
                "CFolderExchange",
                "CContentHash",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: strict
        ),
        // The command; the target is named like its product so that the plugin below can run it.
        .executableTarget(
            name: "openapi-codegen",
            dependencies: [
                "GeneratorCore",
                "CAllocatorTuning",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/GeneratorCLI",
            swiftSettings: strict
        ),
        // `swift package openapi-codegen`: runs the generator in a package's root folder.
        .plugin(
            name: "OpenAPICodegenCommand",
            capability: .command(
                intent: .custom(
                    verb: "openapi-codegen", description: "Regenerates the client from the OpenAPI document"),
                permissions: [.writeToPackageDirectory(reason: "Writes the generated client into the package")]
            ),
            dependencies: ["openapi-codegen"],
            path: "Plugins/OpenAPICodegenCommand"
        ),
        // A target that lists this plugin gets its client generated on every build from the openapi.yaml (or
        // .yml, .json) and openapi-codegen.yaml in its folder, in the few-files layout (three fixed files).
        .plugin(
            name: "OpenAPICodegenBuild",
            capability: .buildTool(),
            dependencies: ["openapi-codegen"],
            path: "Plugins/OpenAPICodegenBuild"
        ),
        // The client generated from openapi.yaml by `swift run openapi-codegen generate`. Foundation only.
        .target(name: "CambAI", path: "Generated", swiftSettings: strict),
        .testTarget(
            name: "GeneratorCoreTests", dependencies: ["GeneratorCore", "CAllocatorTuning"], swiftSettings: strict),
        .testTarget(
            name: "CambAITests",
            dependencies: ["CambAI", .product(name: "FlyingFox", package: "FlyingFox")],
            swiftSettings: strict
        ),
    ]
)
