/// An OpenAPI Overlay 1.0 document: an ordered list of actions that change a document's YAML tree before it
/// is decoded, so that fixes to an upstream document live beside it instead of in it.
///
/// Each action selects nodes with a JSONPath `target` (RFC 9535, see `JSONPath`) and either removes them
/// (`remove: true`) or updates them (`update`): a mapping target gets the update's keys merged in (mappings
/// merge key by key, recursively; any other value replaces the one it meets), and a sequence target gets the
/// update appended as one more item. Source: the Overlay Specification 1.0.0, Action Object.
struct Overlay {
    struct Action {
        var target: JSONPath
        /// The text of `target`, for messages.
        var targetText: String
        var targetMark: SourceMark
        var update: YAMLNode?
        var remove: Bool
    }

    var actions: [Action]

    /// Decodes an overlay's root node.
    /// - Returns: `nil` after reporting errors when the overlay cannot be used.
    static func decode(_ root: YAMLNode, context: DecodingContext) -> Overlay? {
        let pointer = JSONPointer()
        guard let reader = MappingReader(root, at: pointer, context: context, what: "the overlay") else { return nil }
        reader.warnAboutUnknownKeys(["overlay", "info", "extends", "actions"], vocabulary: "an Overlay Object field")
        let errorsBefore = context.diagnostics.diagnostics.count { $0.severity == .error }
        if let version = reader.requiredString("overlay"), !version.hasPrefix("1.0") {
            context.error(
                "Overlay version '\(version)' is not supported; expected 1.0.x", at: root["overlay"]!,
                pointer: pointer.appending("overlay"))
        }
        if let info = root["info"],
            let infoReader = MappingReader(info, at: pointer.appending("info"), context: context, what: "'info'")
        {
            infoReader.warnAboutUnknownKeys(["title", "version"], vocabulary: "an Info Object field of an overlay")
        } else if root["info"] == nil {
            context.warning("missing field 'info' (an overlay's title and version)", at: root, pointer: pointer)
        }
        if let extends = root["extends"] {
            context.warning(
                "'extends' is ignored: the overlay applies to the document it is given with", at: extends,
                pointer: pointer.appending("extends"))
        }
        var actions: [Action] = []
        guard let items = reader.sequence("actions") else {
            if root["actions"] == nil { context.error("missing required field 'actions'", at: root, pointer: pointer) }
            return nil
        }
        for (index, item) in items.enumerated() {
            let actionPointer = pointer.appending("actions").appending(index)
            guard
                let action = MappingReader(item, at: actionPointer, context: context, what: "an Action Object")
            else { continue }
            action.warnAboutUnknownKeys(
                ["target", "description", "update", "remove"], vocabulary: "an Action Object field")
            guard let targetText = action.requiredString("target"), let targetNode = action["target"] else { continue }
            let target: JSONPath
            do {
                target = try JSONPath(parsing: targetText)
            } catch {
                var mark = targetNode.mark
                // Quoted targets start one column after the quote; escapes inside are rare enough to ignore.
                mark.column += error.offset + (targetNode.scalar?.isPlain == false ? 1 : 0)
                context.diagnostics.error(
                    "invalid JSONPath '\(targetText)': \(error.message)",
                    at: SourceLocation(file: context.file, mark: mark),
                    pointer: actionPointer.appending("target").description)
                continue
            }
            let remove = action.bool("remove") ?? false
            let update = action["update"]
            if update == nil && !remove {
                context.warning(
                    "the action has neither 'update' nor 'remove: true'; it does nothing", at: item,
                    pointer: actionPointer)
            }
            actions.append(
                Action(
                    target: target, targetText: targetText, targetMark: targetNode.mark, update: update,
                    remove: remove))
        }
        let errorsAfter = context.diagnostics.diagnostics.count { $0.severity == .error }
        return errorsAfter == errorsBefore ? Overlay(actions: actions) : nil
    }

    /// Applies every action in order to `document`. A target that selects nothing is reported as a warning:
    /// the document may have changed upstream, and the fix no longer applies.
    func apply(to document: inout YAMLNode, documentName: String, context: DecodingContext) {
        for action in actions {
            let paths = action.target.select(in: document)
            let location = SourceLocation(file: context.file, mark: action.targetMark)
            if paths.isEmpty {
                context.diagnostics.warning(
                    "overlay target '\(action.targetText)' matches nothing in '\(documentName)'; the action is skipped",
                    at: location)
                continue
            }
            if action.remove {
                // Last paths first, so that removing an item does not move the ones still to remove.
                for path in Set(paths.map(PathKey.init)).sorted(by: >) {
                    guard !path.steps.isEmpty else {
                        context.diagnostics.error("an overlay cannot remove the whole document", at: location)
                        continue
                    }
                    Self.modify(&document, at: path.steps.dropLast()[...]) { parent in
                        Self.remove(path.steps.last!, from: &parent)
                    }
                }
                continue
            }
            guard let update = action.update else { continue }
            for path in paths {
                Self.modify(&document, at: path[...]) { node in
                    switch node.kind {
                    case .mapping:
                        guard update.pairs != nil else {
                            context.diagnostics.error(
                                "overlay target '\(action.targetText)' selects a mapping, so 'update' must be a mapping, "
                                    + "not \(update.kindDescription)", at: location)
                            return
                        }
                        Self.merge(update, into: &node)
                    case .sequence(var items):
                        items.append(update)
                        node.kind = .sequence(items)
                    case .scalar:
                        context.diagnostics.error(
                            "overlay target '\(action.targetText)' selects \(node.kindDescription); Overlay 1.0 updates "
                                + "only mappings and sequences (target the mapping that holds it)", at: location)
                    }
                }
            }
        }
    }

    /// A path with an order: deeper and later paths sort after their ancestors and earlier siblings.
    private struct PathKey: Hashable, Comparable {
        var steps: [JSONPath.Step]
        static func < (lhs: PathKey, rhs: PathKey) -> Bool { lhs.steps.lexicographicallyPrecedes(rhs.steps) }
    }

    /// Calls `body` on the node at `path`; does nothing when the path no longer exists.
    private static func modify(
        _ node: inout YAMLNode, at path: ArraySlice<JSONPath.Step>, _ body: (inout YAMLNode) -> Void
    ) {
        guard let step = path.first else {
            body(&node)
            return
        }
        switch (node.kind, step) {
        case (.mapping(var pairs), .key(let key)):
            guard let index = pairs.firstIndex(where: { $0.key.scalar?.text == key }) else { return }
            modify(&pairs[index].value, at: path.dropFirst(), body)
            node.kind = .mapping(pairs)
        case (.sequence(var items), .index(let index)) where items.indices.contains(index):
            modify(&items[index], at: path.dropFirst(), body)
            node.kind = .sequence(items)
        default:
            return
        }
    }

    private static func remove(_ step: JSONPath.Step, from parent: inout YAMLNode) {
        switch (parent.kind, step) {
        case (.mapping(var pairs), .key(let key)):
            pairs.removeAll { $0.key.scalar?.text == key }
            parent.kind = .mapping(pairs)
        case (.sequence(var items), .index(let index)) where items.indices.contains(index):
            items.remove(at: index)
            parent.kind = .sequence(items)
        default:
            return
        }
    }

    /// Merges an update mapping into a mapping node: keys it lacks are added at the end, mapping values merge
    /// recursively, and any other value replaces the existing one (keeping the existing key's position).
    private static func merge(_ update: YAMLNode, into node: inout YAMLNode) {
        guard case .mapping(var pairs) = node.kind, let updatePairs = update.pairs else {
            node = update
            return
        }
        for pair in updatePairs {
            guard let key = pair.key.scalar?.text,
                let index = pairs.firstIndex(where: { $0.key.scalar?.text == key })
            else {
                pairs.append(pair)
                continue
            }
            if pairs[index].value.pairs != nil, pair.value.pairs != nil {
                merge(pair.value, into: &pairs[index].value)
            } else {
                pairs[index].value = pair.value
            }
        }
        node.kind = .mapping(pairs)
    }
}
