// Code of your own lives beside the generated client, in the same module. SwiftPM needs at least one Swift
// file in a target's folder to build it at all; generated files alone do not count.

extension Book {
    /// Whether the book is on the shelf.
    public var isAvailable: Bool { status == .available }
}
