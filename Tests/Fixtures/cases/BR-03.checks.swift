import BR03
import Foundation

// BR-03: JSON names with dashes, dots, leading digits, symbols, non-ASCII and emoji.
let text =
    #"{"2fa-enabled":true,"@odata.etag":"W/\"1\"","Association-Link":"https://h/x","größe":"L","x.rate.limit":10,"🙂":1}"#
let value = try decode(Link.self, text)
check(value.associationLink == "https://h/x")
check(value.xRateLimit == 10)
check(value._2faEnabled == true)
check(value.odataEtag == #"W/"1""#)
check(value.größe == "L")
check(value.slightlySmilingFace == 1)
check(value.additionalProperties.isEmpty)
check(try encode(value) == text)
finish()
