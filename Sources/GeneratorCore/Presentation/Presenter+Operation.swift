import Foundation

/// How `Presenter` lays out an operation: arguments, path, query, headers, body, status cases, docs.
extension Presenter {
    /// Percent-encodes the literal parts of a path template (everything but RFC 3986 `pchar` and `/`).
    static func encodePathLiteral(_ text: String) -> String {
        // Byte by byte: every allowed character is ASCII, so each other scalar's UTF-8 bytes are all escaped.
        let hex = Array("0123456789ABCDEF".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte < 0x80, pathLiteralAllowed[Int(byte)] {
                result.append(byte)
            } else {
                result += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether each ASCII byte stays as it is in a path literal.
    static let pathLiteralAllowed: [Bool] = {
        var allowed = [Bool](repeating: false, count: 128)
        for byte in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/%".utf8 {
            allowed[Int(byte)] = true
        }
        return allowed
    }()

    func present(_ operation: IR.Operation, module: IR.Module) -> Context.Operation {
        // Arguments: required before optional, path parameters first, in document order otherwise.
        var arguments: [Context.Argument] = []
        func argument(_ name: String, _ type: String, optional: Bool) {
            arguments.append(
                Context.Argument(
                    swiftName: name, typeName: optional ? type + "?" : type, hasDefaultValue: optional, isLast: false))
        }
        let ordered = operation.parameters.filter(\.isRequired) + operation.parameters.filter { !$0.isRequired }
        for parameter in ordered where parameter.isRequired {
            argument(parameter.swiftName, typeName(parameter.type), optional: false)
        }
        var bodyProperties: [Context.BodyProperty] = []
        var parameterDocs: [String] = []
        if let body = operation.requestBody {
            if body.encoding == .multipart {
                for part in body.multipartParts where part.property.constant == nil {
                    let presented = present(part.property)
                    var type = presented.baseTypeName
                    if part.kind == .file { type = part.isArray ? "[\(moduleName)FilePart]" : moduleName + "FilePart" }
                    argument(part.property.swiftName, type, optional: presented.isArgumentOptional)
                }
                for part in body.multipartParts {
                    for header in part.headers where header.value == nil {
                        argument(header.swiftName, typeName(header.type), optional: !header.isRequired)
                    }
                }
            } else if let properties = body.flattenedProperties {
                for property in properties {
                    let presented = present(property)
                    // An optional and nullable property takes `Nullable<T>?`: nil (left out), .null, or .value.
                    let type = presented.isTriState ? String(presented.typeName.dropLast()) : presented.baseTypeName
                    argument(property.swiftName, type, optional: presented.isArgumentOptional)
                }
                bodyProperties = properties.map {
                    Context.BodyProperty(label: Self.label($0.swiftName), swiftName: $0.swiftName)
                }
            } else if body.isNullable {
                // Required: `T?`, nil sends `null`. Optional: `Nullable<T>?`, nil sends no body, .null sends `null`.
                let type = typeName(body.type)
                argument(
                    "body", body.isRequired ? type + "?" : moduleName + "Nullable<" + type + ">",
                    optional: !body.isRequired)
            } else {
                argument("body", typeName(body.type), optional: !body.isRequired)
            }
        }
        for parameter in ordered where !parameter.isRequired {
            argument(parameter.swiftName, typeName(parameter.type), optional: true)
        }
        if !arguments.isEmpty { arguments[arguments.count - 1].isLast = true }

        for parameter in ordered {
            let constraints = Self.constraintLines(parameter.documentation).joined()
            let text = SwiftText.lines(
                [parameter.documentation.description, constraints.isEmpty ? nil : constraints].compactMap { $0 }
                    .joined(separator: " ")
            ).joined(separator: " ")
            parameterDocs.append(
                "  - \(Self.label(parameter.swiftName)): \(text.isEmpty ? "" : text + " ")(\(parameter.location.rawValue) parameter `\(parameter.name)`)"
            )
        }
        if let parts = operation.requestBody?.multipartParts, operation.requestBody?.encoding == .multipart {
            for part in parts where part.property.constant == nil {
                let property = part.property
                let text = SwiftText.lines(property.documentation.description ?? property.title ?? "").joined(
                    separator: " ")
                parameterDocs.append(
                    "  - \(Self.label(property.swiftName)): \(text.isEmpty ? "" : text + " ")(multipart part `\(property.jsonName)`\(part.isArray ? ", one part per item" : ""))"
                )
            }
            for part in parts {
                for header in part.headers where header.value == nil {
                    let text = SwiftText.lines(header.description ?? "").joined(separator: " ")
                    parameterDocs.append(
                        "  - \(Self.label(header.swiftName)): \(text.isEmpty ? "" : text + " ")(header `\(header.name)` of multipart part `\(part.property.jsonName)`)"
                    )
                }
            }
        } else if let properties = operation.requestBody?.flattenedProperties {
            for property in properties {
                let text = SwiftText.lines(property.documentation.description ?? property.title ?? "").joined(
                    separator: " ")
                parameterDocs.append(
                    "  - \(Self.label(property.swiftName)): \(text.isEmpty ? "" : text + " ")(body property `\(property.jsonName)`)"
                )
            }
        } else if operation.requestBody != nil {
            parameterDocs.append("  - body: The request body.")
        }

        func requestParameter(_ parameter: IR.Parameter) -> Context.RequestParameter {
            var isArray = false
            if case .array = parameter.type { isArray = true }
            return Context.RequestParameter(
                swiftName: parameter.swiftName, nameLiteral: SwiftText.stringLiteral(parameter.name), isArray: isArray,
                explode: parameter.explode,
                delimiterLiteral: SwiftText.stringLiteral(
                    parameter.style == "spaceDelimited" ? "%20" : parameter.style == "pipeDelimited" ? "%7C" : ","),
                isOptional: !parameter.isRequired, isEncoded: !parameter.isPlain, styleCase: "." + parameter.style,
                allowReserved: parameter.allowReserved, isJSON: parameter.isJSONContent)
        }

        var pathParts: [Context.PathPart] = []
        func literal(_ text: Substring) {
            guard !text.isEmpty else { return }
            let encoded = SwiftText.literalContent(Self.encodePathLiteral(String(text)))
            pathParts.append(Context.PathPart(text: encoded, isParameter: false, swiftName: ""))
        }
        var rest = operation.path[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            literal(rest[..<open])
            let name = String(rest[rest.index(after: open)..<close])
            if let parameter = operation.parameters.first(where: { $0.location == .path && $0.name == name }) {
                pathParts.append(
                    Context.PathPart(
                        text: "", isParameter: true, swiftName: parameter.swiftName,
                        parameter: parameter.isPlain ? nil : requestParameter(parameter)))
            }
            rest = rest[rest.index(after: close)...]
        }
        literal(rest)

        /// A `case` for a status code (`200`) or range (`4XX` → `400...499`).
        func statusCase(
            _ status: String, hasBody: Bool, typeName: String, encoding: IR.BodyEncoding = .json
        ) -> Context.StatusCase {
            let isRange = Int(status) == nil
            let first = status.prefix(1)
            return Context.StatusCase(
                isJSON: encoding == .json, isText: encoding == .text, isBinary: encoding == .binary,
                code: isRange ? "" : status, isRange: isRange, lowerBound: isRange ? "\(first)00" : "",
                upperBound: isRange ? "\(first)99" : "", hasBody: hasBody, typeName: typeName, status: status)
        }
        // Exact codes before ranges, so that `case 200` wins over `case 200...299`.
        let success =
            operation.success.filter { Int($0.status) != nil }
            + operation.success.filter { Int($0.status) == nil && $0.status != "default" }
        let successEnum = presentSuccessEnum(of: operation, module: module)
        let successCases =
            successEnum != nil
            ? []
            : success.map { response in
                statusCase(
                    response.status, hasBody: response.type != nil && operation.returnType != nil,
                    typeName: operation.returnType.map(typeName) ?? "", encoding: response.encoding)
            }
        let failureEnum = presentFailureEnum(of: operation, module: module)

        var throwsDocs = ["- Throws: `\(module.errorName)`:"]
        if let failureEnum {
            throwsDocs.append("  `.documented` with a `\(failureEnum.typeName)` for a documented error body:")
            for status in failureEnum.statuses {
                let text =
                    status.isDefault
                    ? "any other status" : status.isRange ? "\(status.lowerBound.prefix(1))XX" : status.code
                for variant in status.variants {
                    throwsDocs.append("  `.\(variant.caseName)(…)` on \(text) (a `\(variant.typeName)`);")
                }
            }
        }
        if failureEnum?.hasDefaultStatus != true {
            throwsDocs.append("  `.unexpectedStatus` on any status the document does not list;")
        }
        throwsDocs.append("  `.decoding` or `.unexpectedContentType` when a body does not match its documented type;")
        throwsDocs.append("  `.incompleteBody`, `.responseTooLarge`, `.timedOut`, `.cancelled` (with what had arrived)")
        throwsDocs.append("  or `.transport` (when nothing arrived) when the response does not arrive whole.")
        var summaryLine = operation.documentation.summary
        var extra = ["`\(operation.method) \(operation.path)`"]
        if operation.isDeprecated { extra.append("- Warning: Deprecated by the document.") }
        if let serverList = operation.serverListTypeName {
            extra.append(
                "Goes to " + (operation.server.map { "`\($0.defaultURL)`" } ?? "`serverURL`")
                    + " unless `operationServers.\(Self.label(operation.serverChoiceName ?? operation.functionName))` "
                    + "says otherwise (the document's servers for it: `\(moduleName)Servers.\(serverList)`).")
        }
        if !parameterDocs.isEmpty { extra.append("- Parameters:"); extra += parameterDocs }
        let commonDocs = extra
        if let successEnum {
            extra.append(
                "- Returns: A `\(successEnum.typeName)`: one case per documented success status and media type, "
                    + "with its decoded body.")
        } else if let returnType = operation.returnType {
            let statuses = operation.success.filter { $0.type != nil }.map(\.status).joined(separator: " or ")
            extra.append("- Returns: The `\(typeName(returnType))` body of the \(statuses) response.")
        }
        extra += throwsDocs
        if summaryLine == nil, operation.documentation.description == nil {
            summaryLine = "Calls `\(operation.method) \(operation.path)`."
        }

        let body = operation.requestBody
        var presented = Context.Operation(
            functionName: operation.functionName,
            resultFunctionName: operation.functionName.filter { $0 != "`" } + "Result",
            docLines: docLinesMaker.docLines(
                summary: summaryLine, description: operation.documentation.description,
                pointer: operation.documentation.pointer, extra: extra),
            methodLiteral: SwiftText.stringLiteral(operation.method),
            operationIDLiteral: operation.operationID.map(SwiftText.stringLiteral) ?? "nil",
            pathLiteral: SwiftText.stringLiteral(operation.path), arguments: arguments, pathParts: pathParts,
            queryParameters: ordered.filter { $0.location == .query }.map(requestParameter),
            hasQueryParameters: ordered.contains { $0.location == .query },
            headerParameters: ordered.filter { $0.location == .header }.map(requestParameter),
            cookieParameters: ordered.filter { $0.location == .cookie }.map(requestParameter),
            hasCookieParameters: ordered.contains { $0.location == .cookie },
            credentials: module.credentials.filter { operation.credentials.contains($0.swiftName) }.map(present),
            hasBody: body != nil, isBodyFlattened: body?.flattenedProperties != nil,
            isBodyOptional: body.map { !$0.isRequired } ?? false,
            bodyTypeName: body.map { $0.structureName ?? typeName($0.type) } ?? "",
            bodyProperties: bodyProperties,
            // A wildcard such as `*/*` is no content type: raw bytes go as application/octet-stream.
            bodyContentTypeLiteral: body.map {
                SwiftText.stringLiteral($0.mediaType.contains("*") ? "application/octet-stream" : $0.mediaType)
            } ?? "",
            isBodyJSON: body?.encoding == .json, isBodyText: body?.encoding == .text,
            isBodyBinary: body?.encoding == .binary, isBodyForm: body?.encoding == .form,
            formFieldsLiteral: Self.formFieldsLiteral(body?.formFields ?? []),
            isBodyMultipart: body?.encoding == .multipart, multipartParts: body.map(presentMultipartParts) ?? [],
            acceptLiteral: SwiftText.stringLiteral(
                operation.responseMediaTypes.joined(separator: ", ").nonEmpty ?? "application/json"),
            hasReturnValue: operation.returnType != nil,
            returnTypeName: successEnum?.typeName
                ?? operation.returnType.map { typeName($0) + (operation.returnsOptional ? "?" : "") } ?? "Void",
            successCases: successCases, successEnum: successEnum, failureEnum: failureEnum,
            headersTypes: presentHeadersTypes(of: operation),
            isDeprecated: operation.isDeprecated)
        presentSecurityAndServer(of: operation, module: module, into: &presented)
        addOutcomes(
            to: &presented, of: operation, module: module, summary: summaryLine, commonDocs: commonDocs)
        presented.stream = presentStream(
            of: operation, module: module, arguments: arguments, parameterDocs: parameterDocs, throwsDocs: throwsDocs)
        return presented
    }

    /// The calls that append each part of a `multipart/form-data` body, in the schema's order.
    func presentMultipartParts(of body: IR.RequestBody) -> [Context.MultipartPart] {
        body.multipartParts.map { part in
            let kind: String =
                switch part.kind {
                case .text: part.isArray ? "texts" : "text"
                case .json: part.isArray ? "jsons" : "json"
                case .file: part.isArray ? "files" : "file"
                }
            var value = part.property.swiftName
            if let constant = part.property.constant {
                let (caseName, literal) = defaultValue(constant, for: part.property.type)
                value =
                    caseName.map { typeName(part.property.type) + "." + $0 } ?? literal
                    ?? SwiftText.stringLiteral(constant.text)
            }
            let headers = part.headers.map { header in
                let value =
                    header.value.map(SwiftText.stringLiteral)
                    ?? (header.isRequired ? header.swiftName + ".parameterText" : header.swiftName + "?.parameterText")
                return "(\(SwiftText.stringLiteral(header.name)), \(value))"
            }
            return Context.MultipartPart(
                nameLiteral: SwiftText.stringLiteral(part.property.jsonName), kindLabel: kind,
                isJSON: part.kind == .json,
                valueExpression: value, contentTypeLiteral: part.contentType.map(SwiftText.stringLiteral) ?? "nil",
                isBase64: part.isBase64, headersLiteral: "[" + headers.joined(separator: ", ") + "]")
        }
    }

    /// A Swift dictionary literal of the form fields that an Encoding Object describes:
    /// `["metadata": FormField(style: .deepObject, explode: true, allowReserved: false, isJSON: false)]`.
    static func formFieldsLiteral(_ fields: [IR.FormField]) -> String {
        guard !fields.isEmpty else { return "[:]" }
        let entries = fields.map {
            "\(SwiftText.stringLiteral($0.jsonName)): FormField(style: .\($0.style), explode: \($0.explode), "
                + "allowReserved: \($0.allowReserved), isJSON: \($0.isJSON))"
        }
        return "[" + entries.joined(separator: ", ") + "]"
    }

    /// An argument label: a member name without backticks (labels may be keywords, except `inout`, `var`, `let`).
    static func label(_ swiftName: String) -> String {
        guard swiftName.hasPrefix("`") else { return swiftName }
        let bare = String(swiftName.dropFirst().dropLast())
        return ["inout", "var", "let"].contains(bare) ? swiftName : bare
    }
}

extension String {
    /// The string, or `nil` when it is empty.
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
