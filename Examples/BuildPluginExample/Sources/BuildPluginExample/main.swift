import Bookshelf
import Foundation

/// Answers every request from memory with one book, and remembers the URL it was asked for.
final class InMemoryTransport: BookshelfTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var _urls: [URL] = []
    var urls: [URL] { lock.withLock { _urls } }

    func send(_ request: BookshelfRequest) async throws -> BookshelfResponse {
        lock.withLock { _urls.append(request.url) }
        let body = #"{"id": 7, "title": "The Left Hand of Darkness", "page_count": 304, "status": 2}"#
        return BookshelfResponse(
            statusCode: 200, headerFields: ["Content-Type": "application/json"], body: Data(body.utf8))
    }
}

var failures: [String] = []
@MainActor func check(_ condition: Bool, _ what: String) {
    if !condition { failures.append(what) }
}

let transport = InMemoryTransport()
let client = BookshelfClient(transport: transport)
do {
    let book = try await client.getBook(bookID: 7)
    check(book.id == 7, "id is \(book.id), expected 7")
    check(book.title == "The Left Hand of Darkness", "title is '\(book.title)'")
    check(book.pageCount == 304, "pageCount is \(String(describing: book.pageCount)), expected 304")
    check(book.status == .lent, "status is \(book.status), expected .lent (2, named by the overlay)")
    check(!book.isAvailable, "isAvailable is true for a lent book")
    check(
        transport.urls.map(\.absoluteString) == ["https://bookshelf.example.com/v1/books/7"],
        "requested \(transport.urls)")
} catch {
    failures.append("getBook threw \(error)")
}
if failures.isEmpty {
    print("BuildPluginExample: the generated Bookshelf client read book 7 as expected")
} else {
    for failure in failures { FileHandle.standardError.write(Data("error: \(failure)\n".utf8)) }
    exit(1)
}
