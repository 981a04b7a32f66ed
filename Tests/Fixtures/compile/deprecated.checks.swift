import Deprecated
import Foundation

// Deprecated properties still decode, encode and read: the deprecation is the caller's warning, not a loss. Values
// from the document above, written out by hand.
@available(*, deprecated)
func checkDeprecatedProperties() throws {
    let route = try decode(
        Route.self,
        #"{"path":"/a","prefix":"/old","weight":3,"note":null,"previous":{"path":"/b","weight":1}}"#)
    check(route.path == "/a" && route.prefix == "/old" && route.weight == 3 && route.note == .null)
    check(route.previous?.path == "/b" && route.previous?.weight == 1 && route.previous?.previous == nil)
    check(route.fallback == nil && route.since == nil)
    let encoded = try encode(route)
    check(
        encoded == #"{"note":null,"path":"/a","prefix":"/old","previous":{"path":"/b","weight":1},"weight":3}"#,
        encoded)
    var changed = route
    changed.prefix = "/new"
    changed.weight = 5
    check(changed.prefix == "/new" && changed.weight == 5 && changed != route)
    let made = Route(path: "/c", prefix: "/p", weight: 2)
    check(made.prefix == "/p" && made.weight == 2 && made.path == "/c")
}

try checkDeprecatedProperties()
finish()
