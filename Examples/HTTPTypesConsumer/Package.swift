// swift-tools-version:6.0
import PackageDescription

// A consumer that imports Foundation, apple/swift-http-types and CambAI in one file and names every type
// unqualified (`HTTPRequest` is swift-http-types'; CambAI's runtime types start with `CambAI`). A separate package,
// so that users of the main package never fetch swift-http-types; `.ci/run` builds and runs it.
let package = Package(
    name: "HTTPTypesConsumer",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9)],
    dependencies: [
        .package(name: "openapi-codegen", path: "../.."),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
    ],
    targets: [
        .executableTarget(
            name: "HTTPTypesConsumer",
            dependencies: [
                .product(name: "CambAI", package: "openapi-codegen"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HTTPTypesFoundation", package: "swift-http-types"),
            ]
        )
    ]
)
