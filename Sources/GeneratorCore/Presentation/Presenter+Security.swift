import Foundation

/// How `Presenter` lays out credentials, an operation's security alternatives and server, and the document's
/// servers.
extension Presenter {
    func present(_ credential: IR.Credential) -> Context.Credential {
        var context = Context.Credential(
            swiftName: credential.swiftName, docLines: [], nameLiteral: SwiftText.stringLiteral("Authorization"),
            isHeader: false, isQuery: false, isBearer: false)
        context.typeName = moduleName + "Credential"
        let placement: String
        switch credential.placement {
        case .header(let name):
            context.nameLiteral = SwiftText.stringLiteral(name)
            context.isHeader = true
            context.isNamed = true
            placement = "Sent in the `\(name)` header."
        case .query(let name):
            context.nameLiteral = SwiftText.stringLiteral(name)
            context.isQuery = true
            context.isNamed = true
            placement = "Sent as the `\(name)` query parameter."
        case .cookie(let name):
            context.nameLiteral = SwiftText.stringLiteral(name)
            context.isCookie = true
            context.isNamed = true
            placement = "Sent as the `\(name)` cookie, in the `Cookie` header."
        case .bearer:
            context.isBearer = true
            placement = "Sent as `Authorization: Bearer <token>`."
        case .basic:
            context.isBasic = true
            context.isText = false
            context.typeName = moduleName + "BasicCredential"
            placement = "Sent as `Authorization: Basic <base64 of user:password>`."
        case .authorization(let scheme):
            context.isAuthorization = true
            placement = "HTTP `\(scheme)` authentication: the whole `Authorization` value, sent as it is."
        case .tokenProvider:
            context.isTokenProvider = true
            context.isText = false
            context.typeName = moduleName + "TokenProvider"
            placement =
                "OAuth 2.0 or OpenID Connect: the provider is asked for a token before each request that needs "
                + "it, sent as `Authorization: Bearer <token>`."
        }
        context.docLines = docLinesMaker.docLines(
            summary: credential.documentation.description, description: nil,
            pointer: credential.documentation.pointer, extra: [placement])
        return context
    }

    func presentSecurityAndServer(of operation: IR.Operation, module: IR.Module, into context: inout Context.Operation)
    {
        if operation.security.contains(where: { !$0.isEmpty }) {
            context.hasSecurity = true
            context.securityLiteral =
                "["
                + operation.security.map { alternative in
                    "[" + alternative.map { "." + $0 }.joined(separator: ", ") + "]"
                }.joined(separator: ", ") + "]"
            context.hasQueryCredentials = module.credentials.contains { credential in
                if case .query = credential.placement { return operation.credentials.contains(credential.swiftName) }
                return false
            }
        }
        if operation.serverListTypeName != nil {
            context.hasOwnServer = true
            context.serverChoiceProperty = operation.serverChoiceName ?? operation.functionName
        }
        if let server = operation.server {
            context.hasOwnDefaultServer = true
            context.serverURLLiteral = SwiftText.stringLiteral(server.defaultURL)
        }
    }

    /// The namespaces of path items' and operations' servers, and the properties of `<Module>OperationServers`.
    func presentOperationServers(of module: IR.Module, into context: inout Context.Module) {
        context.operationServerLists = module.operationServerLists.enumerated().map { index, list in
            let users = list.operations.map { "`\($0.method) \($0.path)`" }
            let properties = list.operations.map { "`operationServers.\(Self.label($0.functionName))`" }
            let aliases = list.operations.dropFirst().map { operation in
                Context.OperationServerAlias(
                    typeName: operation.typeName, targetTypeName: list.typeName,
                    docLines: docLinesMaker.docLines(
                        summary: "The servers of `\(operation.method) \(operation.path)`: those of `\(list.typeName)`.",
                        description: nil, source: nil))
            }
            let hasDefault = list.servers.contains { $0.position == 1 && $0.isDefaultUsable }
            return Context.OperationServerList(
                typeName: list.typeName,
                docLines: docLinesMaker.docLines(
                    summary: "The servers of " + Self.sentenceList(users) + " (" + Self.sentenceList(properties)
                        + (properties.count == 1 ? " chooses" : " choose") + " among them; `nil` is "
                        + (hasDefault
                            ? "the first)."
                            : "`serverURL`, as the first makes no URL with its defaults)."),
                    description: nil, pointer: list.pointer),
                servers: presentServers(list.servers, module: module, namedByPosition: true),
                aliases: Array(aliases), hasBlankLineBefore: index > 0 || !module.servers.isEmpty,
                hasServers: !list.servers.isEmpty)
        }
        var choices: [Context.OperationServerChoice] = []
        for list in module.operationServerLists {
            let first = list.servers.first { $0.position == 1 && $0.isDefaultUsable }
            for operation in list.operations {
                let namespace = "\(module.name)Servers.\(operation.typeName)"
                let defaultText =
                    first.map { server in
                        "`nil` (the default) for its first server, `\(server.defaultURL)`"
                            + (server.isRelative ? " against `serverURL`" : "")
                    } ?? "`nil` (the default) for `serverURL`, as its first server makes no URL with its defaults"
                var extra = [
                    "A relative URL is resolved against `serverURL`; `usesServerURLForEveryOperation` sends the "
                        + "operation to `serverURL` whatever this says. "
                        + (list.servers.isEmpty
                            ? "None of the document's servers for it makes a URL (see the generator's warning)."
                            : "The document's servers for it:")
                ]
                for server in list.servers {
                    let isRelative = server.isRelative
                    let labels =
                        (isRelative ? ["relativeTo:"] : [])
                        + server.variables.map { Self.label($0.swiftName) + ":" }
                    extra.append(
                        "- `\(namespace).Server\(server.position).url(\(labels.joined()))`: `\(server.url)`")
                }
                choices.append(
                    Context.OperationServerChoice(
                        propertyName: operation.functionName,
                        docLines: docLinesMaker.docLines(
                            summary: "The server `\(operation.functionName.filter { $0 != "`" })` "
                                + "(`\(operation.method) \(operation.path)`) goes to: \(defaultText).",
                            description: nil, pointer: list.pointer, extra: extra),
                        isLast: false))
            }
        }
        if !choices.isEmpty { choices[choices.count - 1].isLast = true }
        context.operationServerChoices = choices
        context.hasOperationServers = !choices.isEmpty
    }

    /// `a`, `a and b`, `a, b and c`.
    static func sentenceList(_ items: [String]) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// - Parameters:
    ///   - namedByPosition: whether each server is named after its position in its list (`Server2` even when the
    ///     first was left out), rather than after its index among those that resolved (the document's servers).
    func presentServers(_ servers: [IR.Server], module: IR.Module, namedByPosition: Bool = false) -> [Context.Server] {
        servers.enumerated().map { index, server in
            let isRelative = server.isRelative
            var expression = ""
            var rest = server.url[...]
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                expression += SwiftText.literalContent(String(rest[..<open]))
                let name = String(rest[rest.index(after: open)..<close])
                if let variable = server.variables.first(where: { $0.name == name }) {
                    expression += "\\(" + variable.swiftName + (variable.cases == nil ? "" : ".rawValue") + ")"
                }
                rest = rest[rest.index(after: close)...]
            }
            expression += SwiftText.literalContent(String(rest))
            var parameterDocs: [String] = []
            if isRelative {
                parameterDocs.append(
                    "  - base: The URL the relative one is resolved against (RFC 3986): the address of the "
                        + "document, or of the API.")
            }
            let variables = server.variables.enumerated().map { position, variable in
                let cases = (variable.cases ?? []).map {
                    Context.ServerVariableCase(
                        caseName: $0.caseName, rawValueLiteral: SwiftText.stringLiteral($0.value))
                }
                let defaultCase = variable.cases?.first { $0.value == variable.defaultValue }?.caseName
                let defaultExpression =
                    defaultCase.map { "." + $0 } ?? SwiftText.stringLiteral(variable.defaultValue)
                let values =
                    variable.cases.map { "one of " + $0.map { "`\($0.value)`" }.joined(separator: ", ") }
                    ?? "any text, substituted as it is"
                let defaultText =
                    variable.isRequired
                    ? "no default (the document's `\(variable.defaultValue)` makes no URL)"
                    : "default `\(variable.defaultValue)`"
                parameterDocs.append(
                    "  - \(Self.label(variable.swiftName)): `{\(variable.name)}`, \(values); \(defaultText)."
                        + (variable.description.map { " " + $0 } ?? ""))
                return Context.ServerVariable(
                    swiftName: variable.swiftName, typeName: variable.typeName, isEnum: variable.cases != nil,
                    cases: cases, hasDefault: !variable.isRequired, defaultExpression: defaultExpression,
                    docLines: docLinesMaker.docLines(
                        summary: "The values of `{\(variable.name)}`.", description: variable.description,
                        source: server.pointer.appending("variables").appending(variable.name).description),
                    isLast: position == server.variables.count - 1)
            }
            let isThrowing = server.variables.contains { $0.cases == nil }
            var urlDocs = ["- Parameters:"] + parameterDocs
            if isThrowing {
                urlDocs.append(
                    "- Throws: `\(module.errorName).invalidURL` with the text when a value makes it no URL.")
            }
            if parameterDocs.isEmpty { urlDocs = [] }
            return Context.Server(
                typeName: "Server\(namedByPosition ? server.position : index + 1)",
                docLines: docLinesMaker.docLines(
                    summary: "`\(server.url)`" + (isRelative ? ", relative to a base you give." : "."),
                    description: server.description, pointer: server.pointer),
                urlDocLines: docLinesMaker.docLines(
                    summary: server.isDefaultUsable
                        ? "The server's URL" + (server.variables.isEmpty ? ": " : ", with the defaults ")
                            + "`\(server.defaultURL)`" + (isRelative ? " resolved against `base`." : ".")
                        : "The server's URL with the values you give: its defaults make none.",
                    description: nil, source: nil, extra: urlDocs),
                urlExpression: "\"" + expression + "\"", variables: variables, isRelative: isRelative,
                isThrowing: isThrowing, hasVariables: !variables.isEmpty)
        }
    }
}
