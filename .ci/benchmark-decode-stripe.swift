// Stripe's charge (components/schemas/charge and the schemas it references), generated and hand-written, for
// .ci/benchmark-decode. The payload is synthesised from the schema by .ci/benchmark-decode (every property of the
// charge and of the objects it holds, to three levels; an expandable field as an ID, as Stripe sends it unless
// asked to expand it; one payment method's details, the card's), with the `id` of each element changed. The
// hand-written types have the same properties, optionality and types, with a nullable property an optional as a
// hand-written type would have it; where the payload never holds a value of a type (an expanded object, another
// payment method's details, an installment plan below the third level), the hand-written type is an empty struct:
// the decoder only looks its key up.
import Foundation
import Stripe

/// A type the payload never holds a value of.
struct HandNotInPayload: Decodable {}

/// An expandable field: an ID, or the object when the request expanded it.
enum HandExpandable: Decodable {
    case id(String)
    case object(HandNotInPayload)
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let id = try? container.decode(String.self) {
            self = .id(id)
        } else {
            self = .object(try container.decode(HandNotInPayload.self))
        }
    }
}

struct HandAddress: Decodable {
    var city: String?
    var country: String?
    var line1: String?
    var line2: String?
    var postalCode: String?
    var state: String?
    enum CodingKeys: String, CodingKey {
        case city, country, line1, line2, state
        case postalCode = "postal_code"
    }
}

struct HandBillingDetails: Decodable {
    var address: HandAddress?
    var email: String?
    var name: String?
    var phone: String?
}

struct HandFraudDetails: Decodable {
    var stripeReport: String?
    var userReport: String?
    enum CodingKeys: String, CodingKey {
        case stripeReport = "stripe_report"
        case userReport = "user_report"
    }
}

struct HandOutcome: Decodable {
    var networkStatus: String?
    var reason: String?
    var riskLevel: String?
    var riskScore: Int?
    var rule: HandExpandable?
    var sellerMessage: String?
    var type: String
    enum CodingKeys: String, CodingKey {
        case reason, rule, type
        case networkStatus = "network_status"
        case riskLevel = "risk_level"
        case riskScore = "risk_score"
        case sellerMessage = "seller_message"
    }
}

struct HandCardChecks: Decodable {
    var addressLine1Check: String?
    var addressPostalCodeCheck: String?
    var cvcCheck: String?
    enum CodingKeys: String, CodingKey {
        case addressLine1Check = "address_line1_check"
        case addressPostalCodeCheck = "address_postal_code_check"
        case cvcCheck = "cvc_check"
    }
}

struct HandCardInstallments: Decodable {
    var plan: HandNotInPayload?
}

struct HandCardNetworkToken: Decodable {
    var used: Bool
}

struct HandThreeDSecure: Decodable {
    enum AuthenticationFlow: String, Decodable { case challenge, frictionless }
    enum Result: String, Decodable {
        case attemptAcknowledged = "attempt_acknowledged", authenticated, exempted, failed
        case notSupported = "not_supported", processingError = "processing_error"
    }
    enum ResultReason: String, Decodable {
        case abandoned, bypassed, canceled, cardNotEnrolled = "card_not_enrolled"
        case networkNotSupported = "network_not_supported", protocolError = "protocol_error", rejected
    }
    enum Version: String, Decodable { case v1_0_2 = "1.0.2", v2_1_0 = "2.1.0", v2_2_0 = "2.2.0" }
    var authenticationFlow: AuthenticationFlow?
    var result: Result?
    var resultReason: ResultReason?
    var version: Version?
    enum CodingKeys: String, CodingKey {
        case result, version
        case authenticationFlow = "authentication_flow"
        case resultReason = "result_reason"
    }
}

struct HandCardWallet: Decodable {
    enum Kind: String, Decodable {
        case amexExpressCheckout = "amex_express_checkout", applePay = "apple_pay", googlePay = "google_pay", link
        case masterpass, samsungPay = "samsung_pay", visaCheckout = "visa_checkout"
    }
    var amexExpressCheckout: HandNotInPayload?
    var applePay: HandNotInPayload?
    var dynamicLast4: String?
    var googlePay: HandNotInPayload?
    var link: HandNotInPayload?
    var masterpass: HandNotInPayload?
    var samsungPay: HandNotInPayload?
    var type: Kind
    var visaCheckout: HandNotInPayload?
    enum CodingKeys: String, CodingKey {
        case link, masterpass, type
        case amexExpressCheckout = "amex_express_checkout"
        case applePay = "apple_pay"
        case dynamicLast4 = "dynamic_last4"
        case googlePay = "google_pay"
        case samsungPay = "samsung_pay"
        case visaCheckout = "visa_checkout"
    }
}

struct HandCard: Decodable {
    var brand: String?
    var checks: HandCardChecks?
    var country: String?
    var expMonth: Int
    var expYear: Int
    var fingerprint: String?
    var funding: String?
    var installments: HandCardInstallments?
    var last4: String?
    var mandate: String?
    var network: String?
    var networkToken: HandCardNetworkToken?
    var threeDSecure: HandThreeDSecure?
    var wallet: HandCardWallet?
    enum CodingKeys: String, CodingKey {
        case brand, checks, country, fingerprint, funding, installments, last4, mandate, network, wallet
        case expMonth = "exp_month"
        case expYear = "exp_year"
        case networkToken = "network_token"
        case threeDSecure = "three_d_secure"
    }
}

struct HandPaymentMethodDetails: Decodable {
    var achCreditTransfer: HandNotInPayload?
    var achDebit: HandNotInPayload?
    var acssDebit: HandNotInPayload?
    var affirm: HandNotInPayload?
    var afterpayClearpay: HandNotInPayload?
    var alipay: HandNotInPayload?
    var auBecsDebit: HandNotInPayload?
    var bacsDebit: HandNotInPayload?
    var bancontact: HandNotInPayload?
    var blik: HandNotInPayload?
    var boleto: HandNotInPayload?
    var card: HandCard?
    var cardPresent: HandNotInPayload?
    var cashapp: HandNotInPayload?
    var customerBalance: HandNotInPayload?
    var eps: HandNotInPayload?
    var fpx: HandNotInPayload?
    var giropay: HandNotInPayload?
    var grabpay: HandNotInPayload?
    var ideal: HandNotInPayload?
    var interacPresent: HandNotInPayload?
    var klarna: HandNotInPayload?
    var konbini: HandNotInPayload?
    var link: HandNotInPayload?
    var multibanco: HandNotInPayload?
    var oxxo: HandNotInPayload?
    var p24: HandNotInPayload?
    var paynow: HandNotInPayload?
    var paypal: HandNotInPayload?
    var pix: HandNotInPayload?
    var promptpay: HandNotInPayload?
    var sepaDebit: HandNotInPayload?
    var sofort: HandNotInPayload?
    var stripeAccount: HandNotInPayload?
    var type: String
    var usBankAccount: HandNotInPayload?
    var wechat: HandNotInPayload?
    var wechatPay: HandNotInPayload?
    var zip: HandNotInPayload?
    enum CodingKeys: String, CodingKey {
        case affirm, alipay, bancontact, blik, boleto, card, cashapp, eps, fpx, giropay, grabpay, ideal, klarna
        case konbini, link, multibanco, oxxo, p24, paynow, paypal, pix, promptpay, sofort, type, wechat, zip
        case achCreditTransfer = "ach_credit_transfer"
        case achDebit = "ach_debit"
        case acssDebit = "acss_debit"
        case afterpayClearpay = "afterpay_clearpay"
        case auBecsDebit = "au_becs_debit"
        case bacsDebit = "bacs_debit"
        case cardPresent = "card_present"
        case customerBalance = "customer_balance"
        case interacPresent = "interac_present"
        case sepaDebit = "sepa_debit"
        case stripeAccount = "stripe_account"
        case usBankAccount = "us_bank_account"
        case wechatPay = "wechat_pay"
    }
}

struct HandRadarOptions: Decodable {
    var session: String?
}

struct HandRefunds: Decodable {
    enum Object: String, Decodable { case list }
    var data: [HandNotInPayload]
    var hasMore: Bool
    var object: Object
    var url: String
    enum CodingKeys: String, CodingKey {
        case data, object, url
        case hasMore = "has_more"
    }
}

struct HandShipping: Decodable {
    var address: HandAddress?
    var carrier: String?
    var name: String?
    var phone: String?
    var trackingNumber: String?
    enum CodingKeys: String, CodingKey {
        case address, carrier, name, phone
        case trackingNumber = "tracking_number"
    }
}

struct HandTransferData: Decodable {
    var amount: Int?
    var destination: HandExpandable
}

struct HandCharge: Decodable {
    enum Object: String, Decodable { case charge }
    enum Status: String, Decodable { case failed, pending, succeeded }
    var amount: Int
    var amountCaptured: Int
    var amountRefunded: Int
    var application: HandExpandable?
    var applicationFee: HandExpandable?
    var applicationFeeAmount: Int?
    var balanceTransaction: HandExpandable?
    var billingDetails: HandBillingDetails
    var calculatedStatementDescriptor: String?
    var captured: Bool
    var created: Int
    var currency: String
    var customer: HandExpandable?
    var description: String?
    var disputed: Bool
    var failureBalanceTransaction: HandExpandable?
    var failureCode: String?
    var failureMessage: String?
    var fraudDetails: HandFraudDetails?
    var id: String
    var invoice: HandExpandable?
    var livemode: Bool
    var metadata: [String: String]
    var object: Object
    var onBehalfOf: HandExpandable?
    var outcome: HandOutcome?
    var paid: Bool
    var paymentIntent: HandExpandable?
    var paymentMethod: String?
    var paymentMethodDetails: HandPaymentMethodDetails?
    var radarOptions: HandRadarOptions?
    var receiptEmail: String?
    var receiptNumber: String?
    var receiptURL: String?
    var refunded: Bool
    var refunds: HandRefunds?
    var review: HandExpandable?
    var shipping: HandShipping?
    var sourceTransfer: HandExpandable?
    var statementDescriptor: String?
    var statementDescriptorSuffix: String?
    var status: Status
    var transfer: HandExpandable?
    var transferData: HandTransferData?
    var transferGroup: String?
    enum CodingKeys: String, CodingKey {
        case amount, application, captured, created, currency, customer, description, disputed, id, invoice
        case livemode, metadata, object, outcome, paid, refunded, refunds, review, shipping, status, transfer
        case amountCaptured = "amount_captured"
        case amountRefunded = "amount_refunded"
        case applicationFee = "application_fee"
        case applicationFeeAmount = "application_fee_amount"
        case balanceTransaction = "balance_transaction"
        case billingDetails = "billing_details"
        case calculatedStatementDescriptor = "calculated_statement_descriptor"
        case failureBalanceTransaction = "failure_balance_transaction"
        case failureCode = "failure_code"
        case failureMessage = "failure_message"
        case fraudDetails = "fraud_details"
        case onBehalfOf = "on_behalf_of"
        case paymentIntent = "payment_intent"
        case paymentMethod = "payment_method"
        case paymentMethodDetails = "payment_method_details"
        case radarOptions = "radar_options"
        case receiptEmail = "receipt_email"
        case receiptNumber = "receipt_number"
        case receiptURL = "receipt_url"
        case sourceTransfer = "source_transfer"
        case statementDescriptor = "statement_descriptor"
        case statementDescriptorSuffix = "statement_descriptor_suffix"
        case transferData = "transfer_data"
        case transferGroup = "transfer_group"
    }
}

/// Stripe's charge: `example` is one charge as .ci/benchmark-decode synthesised it, whose `id` each element
/// replaces. Both decodes must give each element's `id` back, and the generated one its card's `last4`.
func stripeCase(example: String) {
    guard let idRange = example.range(of: #""id":"id text""#) else {
        fatalError("the synthesised charge has no \"id\":\"id text\"")
    }
    let charges = payload { index in example.replacingCharacters(in: idRange, with: #""id":"ch_\#(index)""#) }
    do {
        let decoder = JSONDecoder()
        let generated = try decoder.decode([Charge].self, from: charges)
        let handWritten = try decoder.decode([HandCharge].self, from: charges)
        guard generated.count == handWritten.count, generated.last?.id == "ch_\(generated.count - 1)",
            handWritten.last?.id == generated.last?.id,
            case .value(let details)? = generated.first?.paymentMethodDetails,
            case .value(let last4)? = details.card?.last4, last4 == "4242"
        else { fatalError("stripe charge: the two decodes differ") }
    } catch {
        fatalError("stripe charge: \(error)")
    }
    compare(
        "stripe charge (struct, 45 props)", charges, target: 1.2, generated: [Charge].self,
        handWritten: [HandCharge].self)
}
