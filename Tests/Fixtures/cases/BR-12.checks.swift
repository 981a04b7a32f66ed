import BR12
import Foundation

// BR-12: allOf with a reference chain and sibling properties is one flat type.
let text = #"{"id":"1","modules":["m"],"moreModules":["x","y"],"slug":"s","title":"t"}"#
let page = try decode(Page.self, text)
check(page.id == "1" && page.title == "t" && page.modules == ["m"] && page.slug == "s")
check(page.moreModules == ["x", "y"])
checkThrows { _ = try decode(Page.self, #"{"id":"1","title":"t","modules":["m"],"slug":"s"}"#) }
check(try encode(page) == text, (try? encode(page)) ?? "")
finish()
