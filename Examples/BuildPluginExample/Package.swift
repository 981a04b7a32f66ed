// swift-tools-version:6.0
import PackageDescription

// A package that uses openapi-codegen's build tool plugin, as a package of yours would: the `Bookshelf` target
// holds its OpenAPI document, configuration and overlay (and one Swift file of its own), and gets its client
// generated on every build. `.ci/run` builds and runs it.
//
// In your package, depend on the repository by URL and name it by its identity, the last component of the URL:
//     dependencies: [.package(url: "https://github.com/<owner>/openapi-codegen", branch: "main")],
//     plugins: [.plugin(name: "OpenAPICodegenBuild", package: "openapi-codegen")]
// Here it is the checkout two folders up, whose identity is that folder's name (`openapi-codegen` in a clone).
let checkout = "../.."
let identity = Context.packageDirectory.split(separator: "/").dropLast(2).last.map { $0.lowercased() } ?? ""

let package = Package(
    name: "BuildPluginExample",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9)],
    dependencies: [.package(path: checkout)],
    targets: [
        .target(
            name: "Bookshelf",
            plugins: [.plugin(name: "OpenAPICodegenBuild", package: identity)]
        ),
        .executableTarget(name: "BuildPluginExample", dependencies: ["Bookshelf"]),
    ]
)
