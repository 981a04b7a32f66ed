// Twilio's message (api.v2010.account.message), generated and hand-written, for .ci/benchmark-decode.
import Foundation
import Twilio

struct HandMessage: Decodable {
    enum Direction: String, Decodable { case inbound, outboundAPI = "outbound-api", outboundCall = "outbound-call", outboundReply = "outbound-reply" }
    enum Status: String, Decodable {
        case queued, sending, sent, failed, delivered, undelivered, receiving, received, accepted, scheduled, read
        case partiallyDelivered = "partially_delivered", canceled
    }
    var body: String?
    var numSegments: String?
    var direction: Direction?
    var from: String?
    var to: String?
    var dateUpdated: String?
    var price: String?
    var errorMessage: String?
    var uri: String?
    var accountSid: String?
    var numMedia: String?
    var status: Status?
    var messagingServiceSid: String?
    var sid: String?
    var dateSent: String?
    var dateCreated: String?
    var errorCode: Int?
    var priceUnit: String?
    var apiVersion: String?
    var subresourceURIs: [String: String]?
    enum CodingKeys: String, CodingKey {
        case body, numSegments = "num_segments", direction, from, to, dateUpdated = "date_updated", price
        case errorMessage = "error_message", uri, accountSid = "account_sid", numMedia = "num_media", status
        case messagingServiceSid = "messaging_service_sid", sid, dateSent = "date_sent", dateCreated = "date_created"
        case errorCode = "error_code", priceUnit = "price_unit", apiVersion = "api_version"
        case subresourceURIs = "subresource_uris"
    }
}

func twilioCase() {
    let messages = payload { index in
        """
        {"body":"Hello number \(index), your code is \(100_000 + index)","num_segments":"1","direction":"outbound-api",\
        "from":"+14155552671","to":"+1415555\(1000 + index % 9000)","date_updated":"Thu, 24 Aug 2023 05:01:45 +0000",\
        "price":\(index % 3 == 0 ? "null" : "\"-0.00750\""),"error_message":null,\
        "uri":"/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/SM\(index).json",\
        "account_sid":"AC0123456789abcdef0123456789abcdef","num_media":"0","status":"delivered",\
        "messaging_service_sid":"MG0123456789abcdef0123456789abcdef","sid":"SM\(index)",\
        "date_sent":"Thu, 24 Aug 2023 05:01:45 +0000","date_created":"Thu, 24 Aug 2023 05:01:44 +0000",\
        "error_code":null,"price_unit":"USD","api_version":"2010-04-01",\
        "subresource_uris":{"media":"/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/SM\(index)/Media.json"}}
        """
    }
    compare(
        "twilio message (struct, 20 props)", messages, target: 1.2,
        generated: [APIV2010AccountMessage].self,
        handWritten: [HandMessage].self)
}
