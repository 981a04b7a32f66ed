import Foundation

/// How `ModuleResolver` turns security schemes into the client's credentials, an operation's security
/// requirements into alternatives of credentials, and Server Objects into `IR.Server`s.
extension ModuleResolver {
    // MARK: - Credentials

    /// One credential per usable security scheme, sorted by scheme name (so that the client's properties keep
    /// their order when the document's changes). A scheme the client cannot send is an error naming it;
    /// `mutualTLS` sends nothing (the transport presents the certificate), with a warning.
    func resolveCredentials(_ index: ComponentIndex) -> [IR.Credential] {
        var schemes: [(String, OpenAPI.SecurityScheme)] = []
        let sorted = index.securitySchemes.names.sorted {
            $0.unicodeScalars.map(\.value).lexicographicallyPrecedes($1.unicodeScalars.map(\.value))
        }
        for name in sorted {
            // A scheme that is another component's (`#/components/securitySchemes/<name>`) is that one.
            guard let scheme = index.follow(index.securitySchemes[name]!, in: index.securitySchemes)?.value else {
                continue
            }
            schemes.append((name, scheme))
        }
        func count(_ kind: (OpenAPI.SecurityScheme) -> Bool) -> Int { schemes.filter { kind($0.1) }.count }
        let httpScheme = { (scheme: OpenAPI.SecurityScheme) in scheme.type == "http" ? scheme.scheme?.lowercased() : nil
        }
        let apiKeyCount = count { $0.type == "apiKey" }
        let bearerCount = count { httpScheme($0) == "bearer" }
        let basicCount = count { httpScheme($0) == "basic" }
        let tokenCount = count { $0.type == "oauth2" || $0.type == "openIdConnect" }
        var scope = NameScope(reserved: Constants.reservedClientMemberNames)
        var credentials: [IR.Credential] = []
        for (name, scheme) in schemes {
            let placement: IR.Credential.Placement
            var proposed = namer.memberName(for: name)
            switch scheme.type {
            case "apiKey":
                let parameterName = scheme.name ?? name
                switch scheme.location {
                case "header": placement = .header(parameterName)
                case "query": placement = .query(parameterName)
                case "cookie": placement = .cookie(parameterName)
                case let other?:
                    diagnostics.error(
                        "security scheme '\(name)' puts its API key in '\(other)'; expected 'header', 'query' or 'cookie'",
                        at: location(scheme.mark), pointer: scheme.pointer.appending("in").description)
                    continue
                case nil: continue  // the decoder reported the missing 'in'
                }
                if apiKeyCount == 1 { proposed = "apiKey" }
            case "http":
                switch httpScheme(scheme) {
                case "bearer"?:
                    placement = .bearer
                    if bearerCount == 1 { proposed = "bearerToken" }
                case "basic"?:
                    placement = .basic
                    if basicCount == 1 { proposed = "basicCredential" }
                case let other? where !other.isEmpty:
                    placement = .authorization(scheme: scheme.scheme ?? other)
                default:
                    diagnostics.error(
                        "security scheme '\(name)' of type 'http' has no 'scheme'; give one such as 'bearer' or 'basic'",
                        at: location(scheme.mark), pointer: scheme.pointer.description)
                    continue
                }
            case "oauth2", "openIdConnect":
                placement = .tokenProvider
                if tokenCount == 1 { proposed = "accessToken" }
            case "mutualTLS":
                diagnostics.warning(
                    "security scheme '\(name)' is 'mutualTLS': requests carry nothing for it; give the transport the "
                        + "client certificate (a URLSessionConfiguration or a transport of your own)",
                    at: location(scheme.mark), pointer: scheme.pointer.description)
                continue
            default:
                diagnostics.error(
                    "security scheme '\(name)' has type '\(scheme.type)'; expected 'apiKey', 'http', 'oauth2', "
                        + "'openIdConnect' or 'mutualTLS'"
                        + Suggestion.clause(
                            for: scheme.type, among: ["apiKey", "http", "oauth2", "openIdConnect", "mutualTLS"]),
                    at: location(scheme.mark), pointer: scheme.pointer.appending("type").description)
                continue
            }
            credentials.append(
                IR.Credential(
                    schemeName: name, swiftName: scope.claim(proposed), placement: placement,
                    documentation: IR.Documentation(
                        description: scheme.description, pointer: JSONPointer(["components", "securitySchemes", name])))
            )
        }
        return credentials
    }

    /// The operation's requirements (its own, else the document's) as alternatives of credential names: each
    /// alternative's credentials are sent together, and the client sends the first alternative whose credentials
    /// are all set. Empty alternatives (`{}`, and those of `mutualTLS` only) come last, so that a configured
    /// credential is sent when security is optional.
    func resolveSecurity(
        _ operation: OpenAPI.Operation, document: OpenAPI.Document, index: ComponentIndex, credentials: [IR.Credential]
    ) -> [[String]] {
        let requirements = operation.security ?? document.security ?? []
        var alternatives: [[String]] = []
        for requirement in requirements {
            var alternative: [String] = []
            var authorizationSchemes: [String] = []
            for scheme in requirement.schemes {
                if let credential = credentials.first(where: { $0.schemeName == scheme.name }) {
                    if !alternative.contains(credential.swiftName) { alternative.append(credential.swiftName) }
                    switch credential.placement {
                    case .bearer, .basic, .authorization, .tokenProvider: authorizationSchemes.append(scheme.name)
                    case .header(let header) where header.lowercased() == "authorization":
                        authorizationSchemes.append(scheme.name)
                    default: break
                    }
                } else if index.securitySchemes[scheme.name] == nil {
                    diagnostics.error(
                        "security requirement names '\(scheme.name)', which is not in 'components/securitySchemes'"
                            + Suggestion.clause(for: scheme.name, among: index.securitySchemes.names),
                        at: location(scheme.mark), pointer: operation.pointer.description)
                }
            }
            if authorizationSchemes.count > 1 {
                diagnostics.error(
                    "security requirement combines "
                        + authorizationSchemes.map { "'\($0)'" }.joined(separator: " and ")
                        + ", which each need the 'Authorization' header; a request carries one, so the "
                        + "requirement cannot be met",
                    at: location(requirement.schemes[0].mark), pointer: operation.pointer.description)
            }
            if !alternatives.contains(alternative) { alternatives.append(alternative) }
        }
        // Nothing to send at all: no security.
        if alternatives.allSatisfy(\.isEmpty) { return [] }
        return alternatives.filter { !$0.isEmpty } + alternatives.filter(\.isEmpty)
    }

    // MARK: - Servers

    /// Server Objects with their variables named and checked: every `{name}` in a URL must be a variable of the
    /// server, and the URL must parse with each variable at its default and at each of its `enum` values.
    /// Each keeps its 1-based position in `servers`; one that fails a check is left out with its diagnostic.
    func resolveServers(_ servers: [OpenAPI.Server]) -> [IR.Server] {
        servers.enumerated().compactMap { index, server in
            let placeholders = Self.placeholders(in: server.url)
            let declared = server.variables.map(\.name)
            var isValid = true
            for placeholder in placeholders where !declared.contains(placeholder) {
                diagnostics.error(
                    "server URL '\(server.url)' uses '{\(placeholder)}', which is not one of its 'variables'"
                        + Suggestion.clause(for: placeholder, among: declared),
                    at: location(server.mark), pointer: server.pointer.appending("url").description)
                isValid = false
            }
            guard isValid else { return nil }
            // Arguments of `url(…)`: `relativeTo`/`base` for relative servers, `text` and `url` are its locals.
            var argumentScope = NameScope(reserved: ["base", "relativeTo", "text", "url"])
            var typeScope = NameScope(reserved: Constants.standardTypeNames)
            let variables = server.variables.map { name, defaultValue -> IR.ServerVariable in
                let details = server.variableDetails[name]
                let cases = details?.values.map { values -> [(value: String, caseName: String)] in
                    var caseScope = NameScope(reserved: ["rawValue", "init", "allCases", "hashValue"])
                    return values.map { ($0, caseScope.claim(namer.memberName(for: $0))) }
                }
                return IR.ServerVariable(
                    name: name, swiftName: argumentScope.claim(namer.memberName(for: name)),
                    defaultValue: defaultValue, cases: cases,
                    typeName: cases == nil ? "String" : typeScope.claim(namer.typeName(for: name)),
                    description: details?.description)
            }
            func substituted(_ values: [String: String]) -> String {
                var text = server.url
                for variable in variables {
                    text = text.replacingOccurrences(
                        of: "{\(variable.name)}", with: values[variable.name] ?? variable.defaultValue)
                }
                return text
            }
            var trials: [(String, String?)] = [(substituted([:]), nil)]
            for variable in variables {
                for (value, _) in variable.cases ?? [] {
                    trials.append((substituted([variable.name: value]), "'\(variable.name)' = '\(value)'"))
                }
            }
            for (text, assignment) in trials where !Self.isUsableServerURL(text) {
                // A placeholder default (DigitalOcean's `https://{your-agent-url}`) is the caller's to fill in:
                // the operations go to the client's `serverURL`, which loses nothing the document knows.
                diagnostics.warning(
                    "server URL '\(server.url)' gives '\(text)'"
                        + (assignment.map { " with \($0)" } ?? " with its defaults")
                        + ", which is not a URL (an absolute one with a host, or a relative reference); requests use the client's serverURL instead",
                    at: location(server.mark), pointer: server.pointer.appending("url").description)
                isValid = false
            }
            var resolved = IR.Server(
                url: server.url, description: server.description, variables: variables, pointer: server.pointer,
                defaultURL: substituted([:]), position: index + 1)
            resolved.isRelative = URL(string: resolved.defaultURL)?.scheme == nil
            guard !isValid else { return resolved }
            // The server stays for the caller to choose when the defaults that make no URL are free-text ones that
            // a value would fix: `url(…)` takes those without a default, and nothing goes there unless asked.
            let probe = "example"
            let free = variables.filter { $0.cases == nil }.map(\.name)
            let required = free.filter { name in
                var values = Dictionary(uniqueKeysWithValues: free.map { ($0, probe) })
                values[name] = nil
                return !Self.isUsableServerURL(substituted(values))
            }
            let fixed = Dictionary(uniqueKeysWithValues: required.map { ($0, probe) })
            let usable = trials.indices.allSatisfy { trial in
                var values = fixed
                if trial > 0 {
                    let (name, value) = variables.flatMap { variable in
                        (variable.cases ?? []).map { (variable.name, $0.value) }
                    }[trial - 1]
                    values[name] = value
                }
                return Self.isUsableServerURL(substituted(values))
            }
            guard !required.isEmpty, usable else { return nil }
            resolved.isRelative = URL(string: substituted(fixed))?.scheme == nil
            for position in resolved.variables.indices where required.contains(resolved.variables[position].name) {
                resolved.variables[position].isRequired = true
            }
            resolved.isDefaultUsable = false
            return resolved
        }
    }

    /// A URL Foundation parses that is absolute with a host, or relative (no scheme).
    static func isUsableServerURL(_ text: String) -> Bool {
        guard !text.isEmpty, let url = URL(string: text) else { return false }
        return url.scheme == nil || url.host?.isEmpty == false
    }
}
