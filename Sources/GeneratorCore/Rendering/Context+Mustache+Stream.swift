import Mustache

extension Context.Stream: KeyPathContext {
    nonisolated(unsafe) public static let templateKeys: [String: PartialKeyPath<Self>] = [
        "functionName": \.functionName,
        "docLines": \.docLines,
        "parameterLines": \.parameterLines,
        "returnTypeName": \.returnTypeName,
        "elementTypeName": \.elementTypeName,
        "isServerSentEvents": \.isServerSentEvents,
        "isJSONLines": \.isJSONLines,
        "acceptLiteral": \.acceptLiteral,
        "mediaTypesLiteral": \.mediaTypesLiteral,
        "streamedCases": \.streamedCases,
        "isStreamedCondition": \.isStreamedCondition,
        "throwsErrorBodies": \.throwsErrorBodies,
    ]
}
