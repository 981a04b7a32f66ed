/// How `Presenter` lays out the streaming method of an operation whose success body is server-sent events or
/// JSON Lines.
extension Presenter {
    func presentStream(
        of operation: IR.Operation, module: IR.Module, arguments: [Context.Argument], parameterDocs: [String],
        throwsDocs: [String]
    ) -> Context.Stream? {
        guard let stream = operation.stream else { return nil }
        let elementTypeName = typeName(stream.type)
        let isEvents = stream.kind == .serverSentEvents
        var parameterLines = arguments.map { argument in
            argument.swiftName + ": " + argument.typeName + (argument.hasDefaultValue ? " = nil" : "") + ","
        }
        var docs = parameterDocs
        if isEvents {
            parameterLines.append("sentinels: Set<String> = []")
            docs.append(
                "  - sentinels: Event data that marks something other than a value, such as OpenAI's `[DONE]`: such"
                    + " an event is delivered with a `nil` value instead of being decoded.")
        } else if !parameterLines.isEmpty {
            parameterLines[parameterLines.count - 1].removeLast()
        }
        let statuses = stream.statuses.joined(separator: " or ")
        let mediaTypes = stream.mediaTypes.map { "`\($0)`" }.joined(separator: " or ")
        let elementName = isEvents ? "\(module.name)DecodedServerSentEvent<\(elementTypeName)>" : elementTypeName
        var extra = ["`\(operation.method) \(operation.path)`, its \(statuses) body (\(mediaTypes)) streamed."]
        extra.append(
            "The streaming counterpart of `\(operation.functionName)`: it returns once the status and headers have"
                + " arrived, and the stream delivers "
                + (isEvents
                    ? "each server-sent event, its data decoded as `\(elementTypeName)`, as soon as the event is complete."
                    : "each line, decoded as `\(elementTypeName)`, as soon as the line is complete.")
                + " The client's `timeout` bounds the wait for the status and headers; cancelling the task that"
                + " iterates, or dropping the stream, cancels the request.")
        if operation.isDeprecated { extra.append("- Warning: Deprecated by the document.") }
        if !docs.isEmpty { extra.append("- Parameters:"); extra += docs }
        extra.append(
            "- Returns: The \(isEvents ? "events" : "values") as they arrive. The stream throws `\(module.errorName)`:"
                + " `.decoding` for \(isEvents ? "an event whose data" : "a line that") is not a `\(elementTypeName)`"
                + " (its response's body is that text), `.responseTooLarge` when \(isEvents ? "an event" : "a line")"
                + " grows past `maximumResponseSize`, and `.cancelled`, `.timedOut` or `.incompleteBody` when the"
                + " exchange stops early.")
        let throwsErrorBodies = operationStyle == .throwing
        if throwsErrorBodies {
            extra += throwsDocs
        } else {
            // The response style's error has no cases for documented bodies.
            extra +=
                [
                    "- Throws: `\(module.errorName)`:",
                    "  `.unexpectedStatus` on any status that is not streamed, with its whole body;",
                ] + throwsDocs.suffix(3)
        }
        extra.append(
            "  `.unexpectedContentType` when the \(statuses) response's `Content-Type` is not \(mediaTypes) (JSON, when"
                + " the request did not ask for a stream).")
        let patterns = stream.statuses.map { status -> (pattern: String, condition: String) in
            guard Int(status) == nil else { return (status, "$0 == \(status)") }
            let first = status.prefix(1)
            return ("\(first)00...\(first)99", "(\(first)00...\(first)99).contains($0)")
        }
        return Context.Stream(
            functionName: stream.functionName,
            docLines: docLinesMaker.docLines(
                summary: operation.documentation.summary ?? "Calls `\(operation.method) \(operation.path)`.",
                description: nil, pointer: operation.documentation.pointer, extra: extra),
            parameterLines: parameterLines,
            returnTypeName: "AsyncThrowingStream<\(elementName), any Error>",
            elementTypeName: elementTypeName, isServerSentEvents: isEvents, isJSONLines: !isEvents,
            acceptLiteral: SwiftText.stringLiteral(stream.mediaTypes.joined(separator: ", ")),
            mediaTypesLiteral: "[" + stream.mediaTypes.map(SwiftText.stringLiteral).joined(separator: ", ") + "]",
            streamedCases: patterns.map(\.pattern).joined(separator: ", "),
            isStreamedCondition: patterns.map(\.condition).joined(separator: " || "),
            throwsErrorBodies: throwsErrorBodies)
    }
}
