extension Context.ResponseEnum: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "typeName": \.typeName,
        "docLines": \.docLines,
        "cases": \.cases,
        "statuses": \.statuses,
        "hasDefaultStatus": \.hasDefaultStatus,
        "isFailure": \.isFailure,
        "sharedDescriptionLiteral": \.sharedDescriptionLiteral,
        "hasSharedDescription": \.hasSharedDescription,
    ]
}

extension Context.ResponseStatus: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "code": \.code,
        "isRange": \.isRange,
        "lowerBound": \.lowerBound,
        "upperBound": \.upperBound,
        "isDefault": \.isDefault,
        "variants": \.variants,
    ]
}

extension Context.ResponseCase: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "caseName": \.caseName,
        "enumTypeName": \.enumTypeName,
        "docLines": \.docLines,
        "parameterList": \.parameterList,
        "argumentList": \.argumentList,
        "hasBody": \.hasBody,
        "typeName": \.typeName,
        "isJSON": \.isJSON,
        "isText": \.isText,
        "isBinary": \.isBinary,
        "hasHeaders": \.hasHeaders,
        "headersTypeName": \.headersTypeName,
        "hasCondition": \.hasCondition,
        "mediaTypeLiteral": \.mediaTypeLiteral,
        "indent": \.indent,
        "isFailure": \.isFailure,
        "descriptionLiteral": \.descriptionLiteral,
    ]
}

extension Context.HeadersType: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "typeName": \.typeName,
        "docLines": \.docLines,
        "fields": \.fields,
    ]
}

extension Context.HeaderField: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "swiftName": \.swiftName,
        "docLines": \.docLines,
        "typeName": \.typeName,
        "defaultValue": \.defaultValue,
        "nameLiteral": \.nameLiteral,
        "readMethod": \.readMethod,
        "parser": \.parser,
    ]
}
