import Foundation
import Parameters

// The OpenAPI 3.1 style table ("Style Examples"): color = "blue", ["blue", "black", "brown"] and
// {R: 100, G: 200, B: 150}, each style and explode in the location it belongs to. Every expected value below is
// the table's, typed from the specification; path values follow the base URL's path, query values its `?`.
let recorder = RecordingTransport { _ in CheckedResponse(statusCode: 204) }
let client = ParametersClient(serverURL: URL(string: "https://h.example")!, transport: recorder)
let colors: Colors = ["blue", "black", "brown"]
let rgb = RGB(r: 100, g: 200, b: 150)

/// The URL of the last request, without `https://h.example`.
func sent() -> String {
    String((recorder.requests.last?.url.absoluteString ?? "").dropFirst("https://h.example".count))
}

// Path: simple, label, matrix.
try await client.pathSimplePrimitive(color: "blue")
check(sent() == "/path/simple-false-primitive/blue", sent())
try await client.pathSimpleArray(color: colors)
check(sent() == "/path/simple-false-array/blue,black,brown", sent())
try await client.pathSimpleObject(color: rgb)
check(sent() == "/path/simple-false-object/R,100,G,200,B,150", sent())
try await client.pathSimpleExplodePrimitive(color: "blue")
check(sent() == "/path/simple-true-primitive/blue", sent())
try await client.pathSimpleExplodeArray(color: colors)
check(sent() == "/path/simple-true-array/blue,black,brown", sent())
try await client.pathSimpleExplodeObject(color: rgb)
check(sent() == "/path/simple-true-object/R=100,G=200,B=150", sent())
try await client.pathLabelPrimitive(color: "blue")
check(sent() == "/path/label-false-primitive/.blue", sent())
try await client.pathLabelArray(color: colors)
check(sent() == "/path/label-false-array/.blue,black,brown", sent())
try await client.pathLabelObject(color: rgb)
check(sent() == "/path/label-false-object/.R,100,G,200,B,150", sent())
try await client.pathLabelExplodePrimitive(color: "blue")
check(sent() == "/path/label-true-primitive/.blue", sent())
try await client.pathLabelExplodeArray(color: colors)
check(sent() == "/path/label-true-array/.blue.black.brown", sent())
try await client.pathLabelExplodeObject(color: rgb)
check(sent() == "/path/label-true-object/.R=100.G=200.B=150", sent())
try await client.pathMatrixPrimitive(color: "blue")
check(sent() == "/path/matrix-false-primitive/;color=blue", sent())
try await client.pathMatrixArray(color: colors)
check(sent() == "/path/matrix-false-array/;color=blue,black,brown", sent())
try await client.pathMatrixObject(color: rgb)
check(sent() == "/path/matrix-false-object/;color=R,100,G,200,B,150", sent())
try await client.pathMatrixExplodePrimitive(color: "blue")
check(sent() == "/path/matrix-true-primitive/;color=blue", sent())
try await client.pathMatrixExplodeArray(color: colors)
check(sent() == "/path/matrix-true-array/;color=blue;color=black;color=brown", sent())
try await client.pathMatrixExplodeObject(color: rgb)
check(sent() == "/path/matrix-true-object/;R=100;G=200;B=150", sent())
// A value cannot change the path: `/` and `?` are percent-encoded in every style.
try await client.pathLabelExplodeArray(color: ["a/b", "c?d"])
check(sent() == "/path/label-true-array/.a%2Fb.c%3Fd", sent())

// Query: form, spaceDelimited, pipeDelimited, deepObject.
try await client.queryFormPrimitive(color: "blue")
check(sent() == "/query/form-false-primitive?color=blue", sent())
try await client.queryFormArray(color: colors)
check(sent() == "/query/form-false-array?color=blue,black,brown", sent())
try await client.queryFormObject(color: rgb)
check(sent() == "/query/form-false-object?color=R,100,G,200,B,150", sent())
try await client.queryFormExplodePrimitive(color: "blue")
check(sent() == "/query/form-true-primitive?color=blue", sent())
try await client.queryFormExplodeArray(color: colors)
check(sent() == "/query/form-true-array?color=blue&color=black&color=brown", sent())
try await client.queryFormExplodeObject(color: rgb)
check(sent() == "/query/form-true-object?R=100&G=200&B=150", sent())
try await client.querySpaceDelimitedArray(color: colors)
check(sent() == "/query/spaceDelimited-false-array?color=blue%20black%20brown", sent())
try await client.querySpaceDelimitedObject(color: rgb)
check(sent() == "/query/spaceDelimited-false-object?color=R%20100%20G%20200%20B%20150", sent())
try await client.queryPipeDelimitedArray(color: colors)
check(sent() == "/query/pipeDelimited-false-array?color=blue%7Cblack%7Cbrown", sent())
try await client.queryPipeDelimitedObject(color: rgb)
check(sent() == "/query/pipeDelimited-false-object?color=R%7C100%7CG%7C200%7CB%7C150", sent())
try await client.queryDeepObjectExplodeObject(color: rgb)
check(sent() == "/query/deepObject-true-object?color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150", sent())

// Header: simple, the value as it is (no percent-encoding).
try await client.headerPrimitive(color: "blue")
check(recorder.requests.last?.headerFields["color"] == "blue")
try await client.headerArray(color: colors)
check(recorder.requests.last?.headerFields["color"] == "blue,black,brown")
try await client.headerObject(color: rgb)
check(recorder.requests.last?.headerFields["color"] == "R,100,G,200,B,150")
try await client.headerExplodePrimitive(color: "blue")
check(recorder.requests.last?.headerFields["color"] == "blue")
try await client.headerExplodeArray(color: colors)
check(recorder.requests.last?.headerFields["color"] == "blue,black,brown")
try await client.headerExplodeObject(color: rgb)
check(recorder.requests.last?.headerFields["color"] == "R=100,G=200,B=150")

// `content: application/json`: the value's JSON text (sorted keys), percent-encoded; `allowReserved` keeps
// `/` and `?`; a query parameter typed as a named array component (`Colors`, `[String]` behind a type alias) is
// sent like any array; an object header with `explode`; integer arrays; cookies in one `Cookie` header.
try await client.extras(
    filter: ExtrasFilter(a: 1, b: "x y"), next: "/page?2", plain: "/page?2", tags: ["a", "b c"],
    xRange: RGB(r: 1, g: 2, b: 3), xTags: [7, 8], session: "s 1", prefs: ["dark", "wide"])
check(
    sent()
        == "/extras?filter=%7B%22a%22%3A1%2C%22b%22%3A%22x%20y%22%7D&next=/page?2&plain=%2Fpage%3F2&tags=a&tags=b%20c",
    sent())
check(recorder.requests.last?.headerFields["X-Range"] == "R=1,G=2,B=3")
check(recorder.requests.last?.headerFields["X-Tags"] == "7,8")
check(recorder.requests.last?.headerFields["Cookie"] == "session=s%201; prefs=dark,wide")
// Nothing given: no query, no header, no cookie.
try await client.extras()
check(sent() == "/extras", sent())
check(recorder.requests.last?.headerFields["Cookie"] == nil && recorder.requests.last?.headerFields["X-Range"] == nil)
// Empty arrays send nothing.
try await client.extras(tags: [], xTags: [])
check(sent() == "/extras", sent())
check(recorder.requests.last?.headerFields["X-Tags"] == nil)
finish()
