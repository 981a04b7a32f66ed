import Foundation

/// The response style: each operation returns an enum of its documented outcomes (`ResponseOperation.swift`).
extension Presenter {
    /// Case names for the statuses of RFC 9110 and its registry that documents use, by code.
    static let statusCaseNames: [Int: String] = [
        100: "continue", 101: "switchingProtocols", 200: "ok", 201: "created", 202: "accepted",
        203: "nonAuthoritativeInformation", 204: "noContent", 205: "resetContent", 206: "partialContent",
        207: "multiStatus", 300: "multipleChoices", 301: "movedPermanently", 302: "found", 303: "seeOther",
        304: "notModified", 307: "temporaryRedirect", 308: "permanentRedirect", 400: "badRequest",
        401: "unauthorized", 402: "paymentRequired", 403: "forbidden", 404: "notFound", 405: "methodNotAllowed",
        406: "notAcceptable", 407: "proxyAuthenticationRequired", 408: "requestTimeout", 409: "conflict",
        410: "gone", 411: "lengthRequired", 412: "preconditionFailed", 413: "contentTooLarge", 414: "uriTooLong",
        415: "unsupportedMediaType", 416: "rangeNotSatisfiable", 417: "expectationFailed", 421: "misdirectedRequest",
        422: "unprocessableContent", 423: "locked", 424: "failedDependency", 425: "tooEarly", 426: "upgradeRequired",
        428: "preconditionRequired", 429: "tooManyRequests", 431: "requestHeaderFieldsTooLarge",
        451: "unavailableForLegalReasons", 500: "internalServerError", 501: "notImplemented", 502: "badGateway",
        503: "serviceUnavailable", 504: "gatewayTimeout", 505: "httpVersionNotSupported",
        507: "insufficientStorage", 511: "networkAuthenticationRequired",
    ]

    /// Case names for status ranges (`4XX`), by their first digit.
    static let rangeCaseNames: [Character: String] = [
        "1": "informational", "2": "success", "3": "redirection", "4": "clientError", "5": "serverError",
    ]

    /// The case of the `default` response, and of statuses the document does not list.
    static let otherOutcomeCaseName = "other"
    static let undocumentedOutcomeCaseName = "undocumented"

    /// The case name of a status: `200` → `ok`, `418` → `status418`, `4XX` → `clientError`, `default` → `other`.
    static func outcomeCaseName(for status: String) -> String {
        if status == "default" { return otherOutcomeCaseName }
        if let code = Int(status) { return statusCaseNames[code] ?? "status\(code)" }
        return status.first.flatMap { rangeCaseNames[$0] } ?? "status" + SwiftNamer().typeName(for: status)
    }

    /// The outcome enum of each operation, by function name: `<FunctionName>Outcome`, with a numeric suffix when
    /// a declared type, a runtime type or an earlier operation's enum has that name.
    static func outcomeTypeNames(for module: IR.Module) -> [String: String] {
        var scope = NameScope(
            reserved: Set(module.types.map(\.name)).union(Constants.runtimeTypeNames).union(
                Constants.standardTypeNames
            ).union([module.clientName, module.errorName]))
        var names: [String: String] = [:]
        for operation in module.operations {
            names[operation.functionName] = scope.claim(
                SwiftNamer().typeName(for: operation.functionName) + "Outcome")
        }
        return names
    }

    /// Adds the response style's values to a presented operation: its outcome enum and the function's doc
    /// comment in that style.
    /// - Parameter commonDocs: the doc comment's lines up to the parameters, shared with the throwing style.
    func addOutcomes(
        to presented: inout Context.Operation, of operation: IR.Operation, module: IR.Module, summary: String?,
        commonDocs: [String]
    ) {
        let typeName =
            outcomeTypeNames[operation.functionName] ?? SwiftNamer().typeName(for: operation.functionName)
            + "Outcome"
        // Every documented response: successes, then errors with a body, then errors without; exact codes before
        // ranges, so that `case 404` wins over `case 400...499`, and `default` last.
        // Successes by status and media type (JSON and an image are two outcomes of one status).
        typealias Documented = (
            status: String, type: IR.TypeUsage?, encoding: IR.BodyEncoding, mediaType: String?, description: String?,
            hasHeaders: Bool
        )
        let documented: [Documented] =
            operation.successVariants.map {
                ($0.status, $0.type, $0.encoding, $0.mediaType, $0.documentation.description, !$0.headers.isEmpty)
            }
            + operation.errors.map {
                ($0.status, $0.type, $0.encoding, $0.mediaType, $0.documentation.description, !$0.headers.isEmpty)
            }
            + operation.errorsWithoutBody.map {
                ($0.status, nil, .json, nil, $0.documentation.description, !$0.headers.isEmpty)
            }
        var statusOrder: [String] = []
        for response in documented where !statusOrder.contains(response.status) { statusOrder.append(response.status) }
        statusOrder =
            statusOrder.filter { Int($0) != nil } + statusOrder.filter { Int($0) == nil && $0 != "default" }
            + statusOrder.filter { $0 == "default" }
        // Within a status of several media types, the others are tested by `Content-Type` first and the JSON
        // body (or the last) is read whatever it says, as in the throwing style's success enum.
        var ordered: [(response: Documented, isVariant: Bool, hasCondition: Bool)] = []
        for status in statusOrder {
            var group = documented.filter { $0.status == status }
            if let json = group.firstIndex(where: { $0.encoding == .json }) { group.append(group.remove(at: json)) }
            for (index, response) in group.enumerated() {
                ordered.append((response, group.count > 1, index < group.count - 1))
            }
        }
        var caseNames = NameScope(reserved: [Self.undocumentedOutcomeCaseName])
        let outcomes = ordered.map { entry in
            let response = entry.response
            let isDefault = response.status == "default"
            let isRange = !isDefault && Int(response.status) == nil
            let first = response.status.prefix(1)
            let description = SwiftText.lines(response.description ?? "").joined(separator: " ")
            let statusText = isDefault ? "Any status the other cases do not list" : "Status `\(response.status)`"
            let mediaText = entry.isVariant ? response.mediaType.map { " with `\($0)`" } ?? "" : ""
            var summary = statusText + mediaText + (description.isEmpty ? "" : ": " + description)
            if !summary.hasSuffix(".") { summary += "." }
            let bodyText = response.type.map { " The body is a `\(self.typeName($0))`." } ?? ""
            let headersTypeName =
                response.hasHeaders ? headersTypeName(operation, status: response.status) ?? "" : ""
            var caseName = Self.outcomeCaseName(for: response.status)
            if entry.isVariant, let mediaType = response.mediaType { caseName += Self.mediaTypeCaseSuffix(mediaType) }
            var outcome = Context.Outcome(
                caseName: caseNames.claim(caseName),
                docLines: docLinesMaker.docLines(
                    summary: summary + bodyText,
                    description: nil, source: nil),
                status: response.status, code: isRange || isDefault ? "" : response.status, isRange: isRange,
                lowerBound: isRange ? "\(first)00" : "", upperBound: isRange ? "\(first)99" : "",
                isDefault: isDefault, hasStatusCode: isRange || isDefault, hasBody: response.type != nil,
                typeName: response.type.map(self.typeName) ?? "", isJSON: response.encoding == .json,
                isText: response.encoding == .text, isBinary: response.encoding == .binary)
            outcome.headersTypeName = headersTypeName
            outcome.hasHeadersType = !headersTypeName.isEmpty
            outcome.hasCondition = entry.hasCondition
            outcome.mediaTypeLiteral = SwiftText.stringLiteral(response.mediaType ?? "")
            return outcome
        }
        let hasDefault = outcomes.contains(where: \.isDefault)
        presented.outcomeTypeName = typeName
        presented.headersTypes = presentHeadersTypes(of: operation)
        presented.outcomes = outcomes
        presented.hasDefaultOutcome = hasDefault
        let statuses = statusOrder.map { $0 == "default" ? "any other status" : $0 }.joined(separator: ", ")
        let returns = [
            "- Returns: The response as a `\(typeName)`: one case per documented status (\(statuses)) and media type with its "
                + "decoded body and its header fields"
                + (hasDefault ? "." : ", and `.undocumented` with the bytes of any other status.")
        ]
        let throwsDocs = [
            "- Throws: `\(module.errorName)` when the response cannot be read: `.decoding` or",
            "  `.unexpectedContentType` when a body does not match its documented type; `.incompleteBody`,",
            "  `.responseTooLarge`, `.timedOut`, `.cancelled` (with what had arrived) or `.transport` (when",
            "  nothing arrived). A documented status, error or not, is returned, never thrown.",
        ]
        presented.outcomeDocLines = docLinesMaker.docLines(
            summary: summary, description: operation.documentation.description,
            pointer: operation.documentation.pointer, extra: commonDocs + returns + throwsDocs)
    }
}
