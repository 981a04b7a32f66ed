import Foundation

/// How `Presenter` lays out an operation's responses as types: the enum of its successes (when they differ in
/// body type or document headers), the enum of its documented error bodies, and the structs of their headers.
extension Presenter {
    /// The key of a per-operation type in `responseTypeNames`: `listThings success`, `listThings headers 200`.
    static func responseTypeKey(_ functionName: String, _ kind: String) -> String { functionName + " " + kind }

    /// The statuses whose documented headers get a struct, in the order the switch lists them.
    func headerStatuses(of operation: IR.Operation) -> [(status: String, headers: [IR.ResponseHeader])] {
        var all: [(String, [IR.ResponseHeader])] = operation.successVariants.map { ($0.status, $0.headers) }
        all += operation.errors.map { ($0.status, $0.headers) }
        all += operation.errorsWithoutBody.map { ($0.status, $0.headers) }
        var result: [(status: String, headers: [IR.ResponseHeader])] = []
        for (status, headers) in all where !headers.isEmpty && !result.contains(where: { $0.status == status }) {
            result.append((status, headers))
        }
        return result
    }

    /// The names of the types an operation declares beside its function: `<Function>Success`,
    /// `<Function>Failure` and `<Function><Status>Headers`, with a numeric suffix when a declared type, a runtime
    /// type, an outcome enum or an earlier operation's type has that name.
    func responseTypeNames(for module: IR.Module) -> [String: String] {
        var scope = NameScope(
            reserved: Set(module.types.map(\.name)).union(Constants.runtimeTypeNames).union(
                Constants.standardTypeNames
            ).union([module.clientName, module.errorName]).union(
                Constants.moduleTypeSuffixes.map { module.name + $0 }
            ).union(outcomeTypeNames.values))
        var names: [String: String] = [:]
        let namer = SwiftNamer()
        for operation in module.operations {
            let base = namer.typeName(for: operation.functionName)
            let function = operation.functionName
            if operation.returnsSuccessEnum, operationStyle == .throwing {
                names[Self.responseTypeKey(function, "success")] = scope.claim(base + "Success")
            }
            if !operation.errors.isEmpty || operation.errorsWithoutBody.contains(where: { !$0.headers.isEmpty }),
                operationStyle == .throwing
            {
                names[Self.responseTypeKey(function, "failure")] = scope.claim(base + "Failure")
            }
            for (status, _) in headerStatuses(of: operation) {
                names[Self.responseTypeKey(function, "headers " + status)] = scope.claim(
                    base + namer.typeName(for: Self.outcomeCaseName(for: status)) + "Headers")
            }
        }
        return names
    }

    func headersTypeName(_ operation: IR.Operation, status: String) -> String? {
        responseTypeNames[Self.responseTypeKey(operation.functionName, "headers " + status)]
    }

    func presentHeadersTypes(of operation: IR.Operation) -> [Context.HeadersType] {
        headerStatuses(of: operation).compactMap { status, headers in
            guard let typeName = headersTypeName(operation, status: status) else { return nil }
            let which = status == "default" ? "any other status" : "status `\(status)`"
            return Context.HeadersType(
                typeName: typeName,
                docLines: docLinesMaker.docLines(
                    summary: "The headers the document gives the \(which) response of `\(operation.functionName)`.",
                    description:
                        "Each documented header is read with the header parameter rules (the `simple` style: "
                        + "arrays are comma-separated); `fields` keeps every header field as received, documented "
                        + "or not.",
                    source: nil),
                fields: headers.map(presentHeader))
        }
    }

    func presentHeader(_ header: IR.ResponseHeader) -> Context.HeaderField {
        var isArray = false
        var element = header.type
        if case .array(let inner) = header.type {
            isArray = true
            element = inner
        }
        let readMethod =
            (header.isRequired
                ? (isArray ? "requiredHeaderList" : "requiredHeader") : (isArray ? "headerList" : "header"))
        let text = SwiftText.lines(header.documentation.description ?? "").joined(separator: " ")
        return Context.HeaderField(
            swiftName: header.swiftName,
            docLines: docLinesMaker.docLines(
                summary: (text.isEmpty ? "" : text + " ") + "(header `\(header.name)`)", description: nil,
                source: nil),
            typeName: typeName(header.type) + (header.isRequired ? "" : "?"),
            defaultValue: header.isRequired ? "" : " = nil", nameLiteral: SwiftText.stringLiteral(header.name),
            readMethod: readMethod, parser: headerParser(element))
    }

    /// A closure reading one header value (or one element of an array) as `type`; `nil` rejects the text.
    func headerParser(_ type: IR.TypeUsage) -> String {
        switch type {
        case .string: return "{ $0 }"
        case .integer, .int32, .int64, .double, .float, .boolean: return "{ \(typeName(type))($0) }"
        case .url: return "{ URL(string: $0) }"
        case .uuid: return "{ UUID(uuidString: $0) }"
        case .dateTime: return "{ RFC3339.date(from: $0) }"
        case .date: return "{ \(typeName(type))($0) }"
        case .array(let element): return headerParser(element)
        case .bytes, .jsonValue, .dictionary: return "{ $0 }"
        case .declared(let name):
            switch declarations[name] {
            case .enumeration(let enumeration)?:
                switch enumeration.rawType {
                case .string: return "{ \(name)(rawValue: $0) }"
                case .integer: return "{ Int($0).flatMap { \(name)(rawValue: $0) } }"
                case .double: return "{ Double($0).flatMap { \(name)(rawValue: $0) } }"
                case .boolean: return "{ Bool($0).flatMap { \(name)(rawValue: $0) } }"
                case .json: return "{ $0 }"
                }
            case .alias(let alias)?: return headerParser(alias.target)
            default: return "{ $0 }"
            }
        }
    }

    /// One response as an enum case: its status, body and headers.
    struct ResponseEntry {
        var status: String
        var type: IR.TypeUsage?
        var encoding: IR.BodyEncoding
        var mediaType: String?
        var description: String?
        var hasHeaders: Bool
    }

    func presentResponseEnum(
        typeName enumTypeName: String, of operation: IR.Operation, module: IR.Module, entries: [ResponseEntry],
        isFailure: Bool
    ) -> Context.ResponseEnum {
        var order: [String] = []
        for entry in entries where !order.contains(entry.status) { order.append(entry.status) }
        order =
            order.filter { Int($0) != nil } + order.filter { Int($0) == nil && $0 != "default" }
            + order.filter { $0 == "default" }
        var caseNames = NameScope(reserved: ["description"])
        var cases: [Context.ResponseCase] = []
        var statuses: [Context.ResponseStatus] = []
        for status in order {
            var group = entries.filter { $0.status == status }
            // The JSON body (or the first) is read whatever the `Content-Type`; the others only when it names them.
            if let json = group.firstIndex(where: { $0.encoding == .json }) { group.append(group.remove(at: json)) }
            let isDefault = status == "default"
            let isRange = !isDefault && Int(status) == nil
            let first = status.prefix(1)
            var variants: [Context.ResponseCase] = []
            for (index, entry) in group.enumerated() {
                var name = Self.outcomeCaseName(for: status)
                if group.count > 1, let mediaType = entry.mediaType {
                    name += Self.mediaTypeCaseSuffix(mediaType)
                }
                let caseName = caseNames.claim(name)
                let bodyTypeName = entry.type.map(typeName) ?? ""
                let headersTypeName = entry.hasHeaders ? headersTypeName(operation, status: status) ?? "" : ""
                var parameters: [String] = []
                var arguments: [String] = []
                if isRange || isDefault {
                    parameters.append("statusCode: Int")
                    arguments.append("statusCode: response.statusCode")
                }
                if entry.type != nil {
                    parameters.append(bodyTypeName)
                    arguments.append("body")
                }
                if !headersTypeName.isEmpty {
                    parameters.append("headers: " + headersTypeName)
                    arguments.append("headers: headers")
                }
                let statusText = isDefault ? "Any status the other cases do not list" : "Status `\(status)`"
                let mediaText = group.count > 1 ? entry.mediaType.map { " with `\($0)`" } ?? "" : ""
                let description = SwiftText.lines(entry.description ?? "").joined(separator: " ")
                var summary = statusText + mediaText + (description.isEmpty ? "" : ": " + description)
                if !summary.hasSuffix(".") { summary += "." }
                if entry.type != nil { summary += " The body is a `\(bodyTypeName)`." }
                if !headersTypeName.isEmpty { summary += " Its documented headers are a `\(headersTypeName)`." }
                let hasCondition = index < group.count - 1
                let presented = Context.ResponseCase(
                    caseName: caseName, enumTypeName: enumTypeName,
                    docLines: docLinesMaker.docLines(summary: summary, description: nil, source: nil),
                    parameterList: parameters.isEmpty ? "" : "(" + parameters.joined(separator: ", ") + ")",
                    argumentList: arguments.isEmpty ? "" : "(" + arguments.joined(separator: ", ") + ")",
                    hasBody: entry.type != nil, typeName: bodyTypeName, isJSON: entry.encoding == .json,
                    isText: entry.encoding == .text, isBinary: entry.encoding == .binary,
                    hasHeaders: !headersTypeName.isEmpty, headersTypeName: headersTypeName,
                    hasCondition: hasCondition,
                    mediaTypeLiteral: SwiftText.stringLiteral(entry.mediaType ?? ""),
                    indent: hasCondition ? "    " : "", isFailure: isFailure,
                    descriptionLiteral: SwiftText.stringLiteral("a " + (entry.type.map(typeName) ?? "response")))
                variants.append(presented)
            }
            cases += variants
            statuses.append(
                Context.ResponseStatus(
                    code: isRange || isDefault ? "" : status, isRange: isRange,
                    lowerBound: isRange ? "\(first)00" : "", upperBound: isRange ? "\(first)99" : "",
                    isDefault: isDefault, variants: variants))
        }
        let summary =
            isFailure
            ? "The error responses `\(module.clientName).\(operation.functionName)` documents, thrown as "
                + "`\(module.errorName).documented`: one case per status with its decoded body."
            : "What `\(module.clientName).\(operation.functionName)` returns: one case per documented success "
                + "status and media type, with its decoded body."
        let descriptions = Set(cases.map(\.descriptionLiteral))
        return Context.ResponseEnum(
            typeName: enumTypeName, docLines: docLinesMaker.docLines(summary: summary, description: nil, source: nil),
            cases: cases, statuses: statuses, hasDefaultStatus: order.contains("default"), isFailure: isFailure,
            sharedDescriptionLiteral: descriptions.count == 1 ? descriptions.first ?? "" : "",
            hasSharedDescription: descriptions.count == 1)
    }

    /// The part of a case name that tells media types apart: its subtype, in capitals when it is a short
    /// abbreviation (`image/png` → `PNG`, `text/csv` → `CSV`, `application/json` → `JSON`, `text/plain` → `Plain`).
    static func mediaTypeCaseSuffix(_ mediaType: String) -> String {
        let base = mediaType.split(separator: ";").first.map(String.init) ?? mediaType
        let subtype = base.split(separator: "/").last.map(String.init) ?? base
        if subtype.count <= 4, subtype.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
            subtype.first?.isLetter == true
        {
            return subtype.uppercased()
        }
        let name = SwiftNamer().typeName(for: subtype == "*" ? "any" : subtype)
        return name.isEmpty || name.hasPrefix("_") ? "Body" : name
    }

    func presentSuccessEnum(of operation: IR.Operation, module: IR.Module) -> Context.ResponseEnum? {
        guard operation.returnsSuccessEnum,
            let name = responseTypeNames[Self.responseTypeKey(operation.functionName, "success")]
        else { return nil }
        let entries = operation.successVariants.map {
            ResponseEntry(
                status: $0.status, type: $0.type, encoding: $0.encoding, mediaType: $0.mediaType,
                description: $0.documentation.description, hasHeaders: !$0.headers.isEmpty)
        }
        return presentResponseEnum(typeName: name, of: operation, module: module, entries: entries, isFailure: false)
    }

    func presentFailureEnum(of operation: IR.Operation, module: IR.Module) -> Context.ResponseEnum? {
        guard let name = responseTypeNames[Self.responseTypeKey(operation.functionName, "failure")] else {
            return nil
        }
        var entries = operation.errors.map {
            ResponseEntry(
                status: $0.status, type: $0.type, encoding: $0.encoding, mediaType: $0.mediaType,
                description: $0.documentation.description, hasHeaders: !$0.headers.isEmpty)
        }
        // An error status without a body that documents headers is thrown with them (typed), not as an
        // unexpected status.
        entries += operation.errorsWithoutBody.filter { !$0.headers.isEmpty }.map {
            ResponseEntry(
                status: $0.status, type: nil, encoding: .json, mediaType: nil,
                description: $0.documentation.description, hasHeaders: true)
        }
        return presentResponseEnum(typeName: name, of: operation, module: module, entries: entries, isFailure: true)
    }
}
