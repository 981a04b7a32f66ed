import BR46
import Foundation

// BR-46: an application/x-www-form-urlencoded body (an OAuth token request): the object's properties are the
// arguments; the body is form-encoded, not JSON; absent optional fields are left out; enums send their raw value.
let recorder = RecordingTransport { _ in
    CheckedResponse(statusCode: 200, body: Data(#"{"access_token":"t1","token_type":"bearer"}"#.utf8))
}
let client = BR46Client(serverURL: URL(string: "https://h.example")!, transport: recorder)
let token = try await client.requestToken(
    grantType: .password, username: "a+b@example.com", password: "p&ss=w rd%", scope: "read write")
check(token.accessToken == "t1")
check(recorder.urls.last == "https://h.example/oauth/token")
check(recorder.requests.last?.method == "POST")
check(recorder.requests.last?.headerFields["Content-Type"] == "application/x-www-form-urlencoded")
let body = String(decoding: recorder.requests.last?.body ?? Data(), as: UTF8.self)
check(body == "grant_type=password&username=a%2Bb%40example.com&password=p%26ss%3Dw+rd%25&scope=read+write", body)

/// The fields of a form body, decoded by the form rules: `+` is a space, then Foundation's `URLComponents`
/// splits on `&` and `=` and removes the percent-encoding.
func formFields(_ data: Data?) -> [String: String] {
    let text = String(decoding: data ?? Data(), as: UTF8.self).replacingOccurrences(of: "+", with: "%20")
    var components = URLComponents()
    components.percentEncodedQuery = text
    var fields: [String: String] = [:]
    for item in components.queryItems ?? [] { fields[item.name] = item.value ?? "" }
    return fields
}
check(
    formFields(recorder.requests.last?.body) == [
        "grant_type": "password", "username": "a+b@example.com", "password": "p&ss=w rd%", "scope": "read write",
    ])
_ = try await client.requestToken(grantType: .refreshToken, username: "u", password: "p")
check(formFields(recorder.requests.last?.body) == ["grant_type": "refresh_token", "username": "u", "password": "p"])
finish()
