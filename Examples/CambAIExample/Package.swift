// swift-tools-version:6.0
import Foundation
import PackageDescription

// A package that uses the CambAI client the way an app would, through a path dependency on this repository.
//
// The repository two folders up is a path dependency, whose package identity is its folder's name (the name of
// the clone: `openapi-codegen`, or whatever the clone was called).
let repository = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent()
    .deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "CambAIExample",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9)],
    dependencies: [
        .package(path: "../..")
    ],
    targets: [
        .executableTarget(
            name: "CambAIExample",
            dependencies: [.product(name: "CambAI", package: repository)]
        )
    ]
)
