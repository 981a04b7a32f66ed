import Mustache

/// Template context values hand their fields to swift-mustache through key paths rather than `Mirror`, which
/// costs several times more on the hundreds of thousands of lookups a large document needs.
/// `TemplateContextTests` checks that every table lists exactly the stored properties of its type.
public protocol KeyPathContext: MustacheParent {
    /// Each template key with the property it reads.
    static var templateKeys: [String: PartialKeyPath<Self>] { get }
}

extension KeyPathContext {
    /// The value for a template key; `nil` for an unknown key or an absent optional, as with `Mirror`.
    public func child(named name: String) -> Any? {
        guard let keyPath = Self.templateKeys[name] else { return nil }
        let value = self[keyPath: keyPath]
        if let optional = value as? any OptionalContextValue { return optional.wrappedContextValue }
        return value
    }
}

/// Unwraps optionals read through a key path, so that an absent value renders as missing.
protocol OptionalContextValue {
    var wrappedContextValue: Any? { get }
}

extension Optional: OptionalContextValue {
    var wrappedContextValue: Any? { self.map { $0 as Any } }
}

extension Context.File: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "banner": \.banner,
        "module": \.module,
        "structure": \.structure,
        "enumeration": \.enumeration,
        "union": \.union,
        "alias": \.alias,
        "operation": \.operation,
    ]
}

extension Context.Module: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "access": \.access,
        "moduleName": \.moduleName,
        "clientName": \.clientName,
        "errorName": \.errorName,
        "docLines": \.docLines,
        "defaultServerURLLiteral": \.defaultServerURLLiteral,
        "hasDefaultServerURL": \.hasDefaultServerURL,
        "credentials": \.credentials,
        "hasCredentials": \.hasCredentials,
        "servers": \.servers,
        "operationServerLists": \.operationServerLists,
        "operationServerChoices": \.operationServerChoices,
        "hasOperationServers": \.hasOperationServers,
    ]
}

extension Context.OperationServerList: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "typeName": \.typeName,
        "docLines": \.docLines,
        "servers": \.servers,
        "aliases": \.aliases,
        "hasBlankLineBefore": \.hasBlankLineBefore,
        "hasServers": \.hasServers,
    ]
}

extension Context.OperationServerAlias: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "typeName": \.typeName,
        "targetTypeName": \.targetTypeName,
        "docLines": \.docLines,
    ]
}

extension Context.OperationServerChoice: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "propertyName": \.propertyName,
        "docLines": \.docLines,
        "isLast": \.isLast,
    ]
}

extension Context.Server: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "typeName": \.typeName,
        "docLines": \.docLines,
        "urlDocLines": \.urlDocLines,
        "urlExpression": \.urlExpression,
        "variables": \.variables,
        "isRelative": \.isRelative,
        "isThrowing": \.isThrowing,
        "hasVariables": \.hasVariables,
    ]
}

extension Context.ServerVariable: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "swiftName": \.swiftName,
        "typeName": \.typeName,
        "isEnum": \.isEnum,
        "cases": \.cases,
        "hasDefault": \.hasDefault,
        "defaultExpression": \.defaultExpression,
        "docLines": \.docLines,
        "isLast": \.isLast,
    ]
}

extension Context.ServerVariableCase: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "caseName": \.caseName,
        "rawValueLiteral": \.rawValueLiteral,
    ]
}

extension Context.Credential: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "swiftName": \.swiftName,
        "docLines": \.docLines,
        "nameLiteral": \.nameLiteral,
        "isHeader": \.isHeader,
        "isQuery": \.isQuery,
        "isBearer": \.isBearer,
        "isCookie": \.isCookie,
        "isBasic": \.isBasic,
        "isAuthorization": \.isAuthorization,
        "isTokenProvider": \.isTokenProvider,
        "isNamed": \.isNamed,
        "isText": \.isText,
        "typeName": \.typeName,
    ]
}

extension Context.Structure: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "name": \.name,
        "docLines": \.docLines,
        "properties": \.properties,
        "hasProperties": \.hasProperties,
        "hasEncodedProperties": \.hasEncodedProperties,
        "hasAdditionalProperties": \.hasAdditionalProperties,
        "isIdentifiable": \.isIdentifiable,
        "isMatchable": \.isMatchable,
        "isAnyOfMember": \.isAnyOfMember,
        "initProperties": \.initProperties,
        "constantProperties": \.constantProperties,
        "hasConstantProperties": \.hasConstantProperties,
        "additionalPropertiesTypeName": \.additionalPropertiesTypeName,
        "requiredKeys": \.requiredKeys,
    ]
}

extension Context.Property: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "swiftName": \.swiftName,
        "isIndirect": \.isIndirect,
        "storageName": \.storageName,
        "boxedTypeName": \.boxedTypeName,
        "valueExpression": \.valueExpression,
        "decodedTypeName": \.decodedTypeName,
        "argumentTypeName": \.argumentTypeName,
        "isArgumentOptional": \.isArgumentOptional,
        "isReadOnly": \.isReadOnly,
        "isTriState": \.isTriState,
        "isRequired": \.isRequired,
        "isConstant": \.isConstant,
        "constantLiteral": \.constantLiteral,
        "constantJSONLiteral": \.constantJSONLiteral,
        "codingKeyName": \.codingKeyName,
        "jsonNameLiteral": \.jsonNameLiteral,
        "decodingKey": \.decodingKey,
        "typeName": \.typeName,
        "baseTypeName": \.baseTypeName,
        "isOptional": \.isOptional,
        "isDateTime": \.isDateTime,
        "hasDefaultValue": \.hasDefaultValue,
        "hasDefaultCase": \.hasDefaultCase,
        "defaultCaseName": \.defaultCaseName,
        "defaultValueLiteral": \.defaultValueLiteral,
        "isNullable": \.isNullable,
        "isDecodedIfPresent": \.isDecodedIfPresent,
        "isEncodedIfPresent": \.isEncodedIfPresent,
        "docLines": \.docLines,
        "isDeprecated": \.isDeprecated,
    ]
}

extension Context.Enumeration: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "name": \.name,
        "isMatchable": \.isMatchable,
        "docLines": \.docLines,
        "cases": \.cases,
        "rawTypeName": \.rawTypeName,
        "isString": \.isString,
        "undocumentedCaseName": \.undocumentedCaseName,
        "isCaseIterable": \.isCaseIterable,
        "rawValueFromJSON": \.rawValueFromJSON,
        "hasDefault": \.hasDefault,
        "defaultCaseName": \.defaultCaseName,
        "hasDocumentedNames": \.hasDocumentedNames,
        "hasDocumentedDescriptions": \.hasDocumentedDescriptions,
        "nameProperty": \.nameProperty,
        "hasNameProperty": \.hasNameProperty,
    ]
}

extension Context.EnumerationCase: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "swiftName": \.swiftName,
        "rawValueLiteral": \.rawValueLiteral,
        "docLines": \.docLines,
        "documentedNameLiteral": \.documentedNameLiteral,
        "hasDocumentedName": \.hasDocumentedName,
        "documentedDescriptionLiteral": \.documentedDescriptionLiteral,
        "hasDocumentedDescription": \.hasDocumentedDescription,
    ]
}

extension Context.Union: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "name": \.name,
        "isIndirect": \.isIndirect,
        "keepsEveryMember": \.keepsEveryMember,
        "docLines": \.docLines,
        "members": \.members,
        "hasDiscriminator": \.hasDiscriminator,
        "shortcuts": \.shortcuts,
        "hasShortcuts": \.hasShortcuts,
        "discriminatorLiteral": \.discriminatorLiteral,
        "decodesObject": \.decodesObject,
        "decodesString": \.decodesString,
        "hasLoneStringMember": \.hasLoneStringMember,
        "loneStringMemberCaseName": \.loneStringMemberCaseName,
        "memberPropertyNames": \.memberPropertyNames,
        "sharedProperties": \.sharedProperties,
    ]
}

extension Context.SharedProperty: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "swiftName": \.swiftName,
        "typeName": \.typeName,
        "docLines": \.docLines,
        "memberCaseNames": \.memberCaseNames,
    ]
}

extension Context.UnionShortcut: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "swiftName": \.swiftName,
        "memberCaseName": \.memberCaseName,
        "typeName": \.typeName,
    ]
}

extension Context.UnionMember: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "caseName": \.caseName,
        "typeName": \.typeName,
        "index": \.index,
        "docLines": \.docLines,
        "discriminatorValues": \.discriminatorValues,
        "hasDiscriminatorValues": \.hasDiscriminatorValues,
        "isIndirect": \.isIndirect,
    ]
}

extension Context.Alias: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "name": \.name,
        "targetTypeName": \.targetTypeName,
        "docLines": \.docLines,
    ]
}

extension Context.Operation: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "functionName": \.functionName,
        "resultFunctionName": \.resultFunctionName,
        "docLines": \.docLines,
        "methodLiteral": \.methodLiteral,
        "operationIDLiteral": \.operationIDLiteral,
        "pathLiteral": \.pathLiteral,
        "arguments": \.arguments,
        "pathParts": \.pathParts,
        "queryParameters": \.queryParameters,
        "hasQueryParameters": \.hasQueryParameters,
        "headerParameters": \.headerParameters,
        "cookieParameters": \.cookieParameters,
        "hasCookieParameters": \.hasCookieParameters,
        "credentials": \.credentials,
        "hasSecurity": \.hasSecurity,
        "securityLiteral": \.securityLiteral,
        "hasQueryCredentials": \.hasQueryCredentials,
        "hasOwnServer": \.hasOwnServer,
        "serverChoiceProperty": \.serverChoiceProperty,
        "hasOwnDefaultServer": \.hasOwnDefaultServer,
        "serverURLLiteral": \.serverURLLiteral,
        "hasBody": \.hasBody,
        "isBodyFlattened": \.isBodyFlattened,
        "isBodyOptional": \.isBodyOptional,
        "bodyTypeName": \.bodyTypeName,
        "bodyProperties": \.bodyProperties,
        "bodyContentTypeLiteral": \.bodyContentTypeLiteral,
        "isBodyJSON": \.isBodyJSON,
        "isBodyText": \.isBodyText,
        "isBodyBinary": \.isBodyBinary,
        "isBodyForm": \.isBodyForm,
        "formFieldsLiteral": \.formFieldsLiteral,
        "isBodyMultipart": \.isBodyMultipart,
        "multipartParts": \.multipartParts,
        "acceptLiteral": \.acceptLiteral,
        "hasReturnValue": \.hasReturnValue,
        "returnTypeName": \.returnTypeName,
        "successCases": \.successCases,
        "successEnum": \.successEnum,
        "failureEnum": \.failureEnum,
        "headersTypes": \.headersTypes,
        "isDeprecated": \.isDeprecated,
        "outcomeTypeName": \.outcomeTypeName,
        "outcomeDocLines": \.outcomeDocLines,
        "outcomes": \.outcomes,
        "hasDefaultOutcome": \.hasDefaultOutcome,
        "stream": \.stream,
    ]
}

extension Context.Argument: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "swiftName": \.swiftName,
        "typeName": \.typeName,
        "hasDefaultValue": \.hasDefaultValue,
        "isLast": \.isLast,
    ]
}

extension Context.MultipartPart: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "nameLiteral": \.nameLiteral,
        "kindLabel": \.kindLabel,
        "isJSON": \.isJSON,
        "valueExpression": \.valueExpression,
        "contentTypeLiteral": \.contentTypeLiteral,
        "isBase64": \.isBase64,
        "headersLiteral": \.headersLiteral,
    ]
}

extension Context.RequestParameter: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "swiftName": \.swiftName,
        "nameLiteral": \.nameLiteral,
        "isArray": \.isArray,
        "explode": \.explode,
        "delimiterLiteral": \.delimiterLiteral,
        "isOptional": \.isOptional,
        "isEncoded": \.isEncoded,
        "styleCase": \.styleCase,
        "allowReserved": \.allowReserved,
        "isJSON": \.isJSON,
    ]
}

extension Context.PathPart: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "text": \.text,
        "isParameter": \.isParameter,
        "swiftName": \.swiftName,
        "parameter": \.parameter,
    ]
}

extension Context.BodyProperty: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "label": \.label,
        "swiftName": \.swiftName,
    ]
}

extension Context.StatusCase: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "isJSON": \.isJSON,
        "isText": \.isText,
        "isBinary": \.isBinary,
        "code": \.code,
        "isRange": \.isRange,
        "lowerBound": \.lowerBound,
        "upperBound": \.upperBound,
        "hasBody": \.hasBody,
        "typeName": \.typeName,
        "status": \.status,
    ]
}

extension Context.Outcome: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "caseName": \.caseName,
        "docLines": \.docLines,
        "status": \.status,
        "code": \.code,
        "isRange": \.isRange,
        "lowerBound": \.lowerBound,
        "upperBound": \.upperBound,
        "isDefault": \.isDefault,
        "hasStatusCode": \.hasStatusCode,
        "hasBody": \.hasBody,
        "typeName": \.typeName,
        "isJSON": \.isJSON,
        "isText": \.isText,
        "isBinary": \.isBinary,
        "headersTypeName": \.headersTypeName,
        "hasHeadersType": \.hasHeadersType,
        "hasCondition": \.hasCondition,
        "mediaTypeLiteral": \.mediaTypeLiteral,
    ]
}
