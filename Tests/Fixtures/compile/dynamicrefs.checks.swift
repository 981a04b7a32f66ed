import Dynamicrefs
import Foundation

// `$recursiveRef: '#'` is CompoundFilter itself: a filter nested two levels deep decodes as CompoundFilter, not as
// an untyped JSON value.
let filterJSON =
    #"{"filters":[{"key":"a","value":1},{"filters":[{"key":"b","value":2},{"filters":[],"type":"and"}],"type":"or"}],"type":"and"}"#
let filter = try decode(CompoundFilter.self, filterJSON)
check(filter.type == .and)
check(filter.filters.count == 2)
check(filter.filters.first == .comparisonFilter(ComparisonFilter(key: "a", value: 1)))
guard case .compoundFilter(let inner)? = filter.filters.last else {
    check(false, "the second filter is a CompoundFilter")
    finish()
}
check(inner.type == .or)
check(inner.filters.first == .comparisonFilter(ComparisonFilter(key: "b", value: 2)))
check(inner.filters.last == .compoundFilter(CompoundFilter(type: .and, filters: [])))
check(try encode(filter) == filterJSON)

// `$dynamicRef: '#node'` is Tree, whose `$dynamicAnchor` is `node`.
let tree = try decode(Tree.self, #"{"value":1,"children":[{"value":2,"children":[{"value":3}]}]}"#)
check(tree.value == 1)
check(tree.children?.first?.value == 2)
check(tree.children?.first?.children?.first?.value == 3)
check(tree.children?.first?.children?.first?.children == nil)

// The operation sends the nested filter and decodes the tree.
let recorder = answering(200, #"{"value":5,"children":[]}"#)
let client = DynamicrefsClient(serverURL: URL(string: "https://example.com")!, transport: recorder)
let answer = try await client.search(type: .or, filters: [.compoundFilter(CompoundFilter(type: .and, filters: []))])
check(answer == Tree(value: 5, children: []))
let sent = try JSONSerialization.jsonObject(with: recorder.requests.first?.body ?? Data()) as? [String: Any]
check(sent?["type"] as? String == "or")
let sentFilters = sent?["filters"] as? [[String: Any]]
check(sentFilters?.count == 1)
check(sentFilters?.first?["type"] as? String == "and")
check((sentFilters?.first?["filters"] as? [Any])?.isEmpty == true)

finish()
