// swift-tools-version:6.0
import Foundation
import PackageDescription

// A `CambAITransport` for the CambAI client on swift-server/async-http-client, the usual HTTP client of Swift on
// Linux servers. The CambAI library itself stays Foundation-only; only this package depends on AsyncHTTPClient.
//
// The repository two folders up is a path dependency, whose package identity is its folder's name (the name of
// the clone: `openapi-codegen`, or whatever the clone was called).
let repository = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent()
    .deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "AsyncHTTPClientTransport",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9)],
    products: [
        .library(name: "AsyncHTTPClientTransport", targets: ["AsyncHTTPClientTransport"])
    ],
    dependencies: [
        .package(path: "../.."),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.20.0"),
    ],
    targets: [
        .target(
            name: "AsyncHTTPClientTransport",
            dependencies: [
                .product(name: "CambAI", package: repository),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(
            name: "AsyncHTTPClientTransportTests",
            dependencies: [
                "AsyncHTTPClientTransport",
                .product(name: "CambAI", package: repository),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
    ]
)
