import Foundation

/// Brings every file a document refers to into its tree, so that the stages after it see one document whose
/// references are all local (`#/components/…`).
///
/// One index over all loaded files (`index`, keyed by file and JSON pointer) decides where each referenced
/// value lives in the bundled document:
///
/// - a value another file holds (`other.yaml#/components/schemas/Pet`, `./schemas/pet.yaml`, or a local
///   `#/…` reference written inside another file) becomes a component of the root document, named after its
///   component name (`Pet`), or after its file for a whole-file value (`pet`), or after the last token of
///   its pointer; names are chosen after every file is loaded, the root document's own components first, then
///   the others sorted by name, file and pointer, so that they never depend on the order files were read in.
///   A name already taken gets the usual numeric suffix (`Pet2`, `Pet3`).
/// - a Path Item Object or an Operation Object that is a `$ref` (the second is not OpenAPI, but multi-file
///   documents such as DigitalOcean's use it) is replaced by the value it names, with one note for operations.
/// - `$recursiveRef: '#'` (JSON Schema 2019-09) and `$dynamicRef: '#name'` (2020-12), in the simple
///   self-recursive form, become a `$ref` to the component schema that declares the anchor.
///
/// Every node keeps its file in its mark, so diagnostics about values of other files name the right file,
/// line and column. Remote references (`https://…`) are an error: the generator reads no network.
struct ReferenceBundler {
    /// What a node is in the OpenAPI grammar, for the nodes that can be (or hold) a `$ref`.
    enum Kind: Hashable, Comparable {
        case document, components, paths, pathItem, operation, parameter, requestBody, response, header, mediaType
        case encoding, schema, example, link, callback, securityScheme

        /// The `components` section a value of this kind moves to, or `nil` when it is put in place instead.
        var section: String? {
            switch self {
            case .schema: "schemas"
            case .parameter: "parameters"
            case .requestBody: "requestBodies"
            case .response: "responses"
            case .header: "headers"
            case .example: "examples"
            case .link: "links"
            case .callback: "callbacks"
            case .securityScheme: "securitySchemes"
            default: nil
            }
        }

        static let sections: [String: Kind] = [
            "schemas": .schema, "parameters": .parameter, "requestBodies": .requestBody, "responses": .response,
            "headers": .header, "examples": .example, "links": .link, "callbacks": .callback,
            "securitySchemes": .securityScheme, "pathItems": .pathItem,
        ]

        static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
    }

    /// Where a node sits: one value of a kind, or a mapping or sequence of them.
    enum Position {
        case one(Kind)
        case map(Kind)
        case list(Kind)
    }

    /// A value of another file (or a non-component value of the root) that becomes a component of the root.
    struct Target: Hashable, Comparable {
        var section: String
        /// The standardized path of the file.
        var file: String
        var pointer: [String]

        static func < (lhs: Target, rhs: Target) -> Bool {
            (lhs.section, lhs.file) < (rhs.section, rhs.file)
                || (lhs.section, lhs.file) == (rhs.section, rhs.file)
                    && lhs.pointer.lexicographicallyPrecedes(rhs.pointer)
        }
    }

    /// A file read for the bundle.
    struct LoadedFile {
        var url: URL
        var display: String
        var root: YAMLNode?
    }

    let rootURL: URL
    let diagnostics: DiagnosticCollector
    /// The path printed for a file in diagnostics.
    let display: (URL) -> String

    /// Every file read, by standardized path; the root document is there under its own path.
    private(set) var files: [String: LoadedFile] = [:]
    /// The index: each value moved into the root's components, with its name there (after `assignNames`).
    private var index: [Target: String] = [:]
    /// The kind each target was first referenced as, and the mark of that reference.
    private var pending: [Target] = []
    private var isReporting = true
    /// Whether discovering found a value to put in place or a recursive reference to rewrite.
    private var rewrites = false
    /// Operations that were `$ref`s: the first one's mark and how many.
    private var operationReferences: (mark: SourceMark, count: Int)?
    /// Whether the last `bundle(_:)` returned the tree it was given, as it is: a document in one file without
    /// recursive references or `$ref`s to put in place (what was decoded from that tree meanwhile stands).
    private(set) var leftTreeUnchanged = false

    init(rootURL: URL, diagnostics: DiagnosticCollector, display: @escaping (URL) -> String) {
        self.rootURL = rootURL.standardizedFileURL
        self.diagnostics = diagnostics
        self.display = display
    }

    /// The paths of every file the bundle read (the root document first, then the others sorted).
    var loadedFiles: [URL] {
        let others = files.values.filter { $0.url != rootURL }.map(\.url).sorted { $0.path < $1.path }
        return [rootURL] + others
    }

    /// Bundles the document whose tree is `root`.
    /// - Returns: the tree with every reference local; unchanged when it refers to no other file and uses no
    ///   operation reference or recursive reference.
    mutating func bundle(_ root: YAMLNode) -> YAMLNode {
        files[rootURL.path] = LoadedFile(url: rootURL, display: display(rootURL), root: root)
        // The trees read are let go once the bundle is made: only the bundled tree lives on.
        defer { for path in files.keys { files[path]?.root = nil } }
        // Discover every target (reading files as needed), then name them, then rewrite with the names.
        isReporting = true
        _ = rewrite(root, at: .one(.document), file: rootURL, pointer: Trail(), recursion: nil)
        var done: Set<Target> = []
        while let target = pending.popLast() {
            guard done.insert(target).inserted, let (node, url) = node(at: target) else { continue }
            _ = rewrite(
                node, at: .one(Kind.sections[target.section] ?? .schema), file: url, pointer: Trail(target.pointer),
                recursion: target.section == "schemas" ? Recursion(ref: "", component: node) : nil)
        }
        if let operationReferences {
            let count = operationReferences.count
            diagnostics.note(
                (count == 1 ? "a '$ref' stands" : "\(count) '$ref's stand")
                    + " where OpenAPI allows none (in place of an Operation Object or of a map of properties); "
                    + (count == 1 ? "it was" : "they were") + " followed",
                at: SourceLocation(file: display(rootURL), mark: operationReferences.mark))
        }
        // A document in one file without recursive references or `$ref`s to put in place is read as it is.
        leftTreeUnchanged = files.count == 1 && !rewrites
        guard !leftTreeUnchanged else { return root }
        assignNames(root)
        isReporting = false
        var result = rewrite(root, at: .one(.document), file: rootURL, pointer: Trail(), recursion: nil) ?? root
        guard !index.isEmpty else { return result }
        // Append the moved values to the root's components, sorted by section then name.
        var additions: [String: [(String, YAMLNode)]] = [:]
        for (target, name) in index {
            guard let (node, url) = node(at: target) else { continue }
            let moved =
                rewrite(
                    node, at: .one(Kind.sections[target.section] ?? .schema), file: url, pointer: Trail(target.pointer),
                    recursion: target.section == "schemas"
                        ? Recursion(ref: "#/components/schemas/" + Self.escape(name), component: node) : nil) ?? node
            additions[target.section, default: []].append((name, moved))
        }
        var rootPairs = result.pairs ?? []
        let componentsIndex =
            rootPairs.firstIndex { $0.key.scalar?.text == "components" }
            ?? {
                rootPairs.append(
                    YAMLPair(
                        key: Self.scalar("components", mark: result.mark),
                        value: YAMLNode(.mapping([]), mark: result.mark)))
                return rootPairs.count - 1
            }()
        var componentPairs = rootPairs[componentsIndex].value.pairs ?? []
        for section in additions.keys.sorted() {
            let added = additions[section]!.sorted { $0.0 < $1.0 }.map {
                YAMLPair(key: Self.scalar($0.0, mark: $0.1.mark), value: $0.1)
            }
            if let sectionIndex = componentPairs.firstIndex(where: { $0.key.scalar?.text == section }) {
                let existing = componentPairs[sectionIndex].value
                componentPairs[sectionIndex].value = YAMLNode(
                    .mapping((existing.pairs ?? []) + added), mark: existing.mark)
            } else {
                componentPairs.append(
                    YAMLPair(
                        key: Self.scalar(section, mark: result.mark),
                        value: YAMLNode(.mapping(added), mark: result.mark)))
            }
        }
        rootPairs[componentsIndex].value = YAMLNode(
            .mapping(componentPairs), mark: rootPairs[componentsIndex].value.mark)
        result.kind = .mapping(rootPairs)
        return result
    }

    // MARK: - Names

    /// Names every target: the root's own component names are taken first, then targets sorted by preferred
    /// name, file and pointer claim theirs, so that names do not depend on the order files were read.
    private mutating func assignNames(_ root: YAMLNode) {
        var taken: [String: Set<String>] = [:]
        for pair in root["components"]?.pairs ?? [] {
            guard let section = pair.key.scalar?.text else { continue }
            taken[section] = Set((pair.value.pairs ?? []).compactMap { $0.key.scalar?.text })
        }
        let targets = index.keys.map { ($0, preferredName(of: $0)) }.sorted {
            ($0.1, $0.0) < ($1.1, $1.0)
        }
        for (target, preferred) in targets {
            var name = preferred
            var suffix = 2
            while taken[target.section, default: []].contains(name) {
                name = preferred + String(suffix)
                suffix += 1
            }
            taken[target.section, default: []].insert(name)
            index[target] = name
        }
    }

    /// The component name (`#/components/schemas/Pet` → `Pet`), the file's name for a whole file
    /// (`schemas/pet.yaml` → `pet`), or the pointer's last token.
    private func preferredName(of target: Target) -> String {
        let stem = URL(fileURLWithPath: target.file).deletingPathExtension().lastPathComponent
        guard let last = target.pointer.last, !last.isEmpty else { return stem }
        if last.allSatisfy(\.isNumber) { return stem + "_" + last }
        return last
    }

    // MARK: - Files and pointers

    /// The node a target names, and its file's URL.
    private func node(at target: Target) -> (YAMLNode, URL)? {
        guard let file = files[target.file], let root = file.root else { return nil }
        var node = root
        for token in target.pointer {
            guard let next = Self.child(of: node, token) else { return nil }
            node = next
        }
        return (node, file.url)
    }

    private static func child(of node: YAMLNode, _ token: String) -> YAMLNode? {
        if let pairs = node.pairs { return pairs.first { $0.key.scalar?.text == token }?.value }
        if let items = node.items, let index = Int(token), items.indices.contains(index) { return items[index] }
        return nil
    }

    /// Reads and parses a file once; problems are reported at `mark`, the reference that names it.
    private mutating func load(_ url: URL, ref: String, at location: SourceLocation) -> LoadedFile? {
        if let file = files[url.path] { return file.root == nil ? nil : file }
        let path = display(url)
        var file = LoadedFile(url: url, display: path, root: nil)
        defer { files[url.path] = file }
        // Regular files only: a device such as /dev/zero or a FIFO would never end.
        let type =
            (try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path))?[.type]
            as? FileAttributeType
        guard type == .typeRegular, let data = FileManager.default.contents(atPath: url.path) else {
            let exists = FileManager.default.fileExists(atPath: url.path)
            diagnostics.error(
                "reference '\(ref)' does not resolve; "
                    + (exists ? "'\(path)' is not a readable file" : "no such file: '\(path)'"),
                at: location)
            return nil
        }
        do {
            guard let root = try YAMLParser(bytes: Array(data), file: path).parse() else {
                diagnostics.error(
                    "reference '\(ref)' does not resolve; '\(path)' is empty", at: location)
                return nil
            }
            file.root = root
            return file
        } catch {
            diagnostics.error(error.message, at: SourceLocation(file: path, mark: error.mark))
            return nil
        }
    }

    // MARK: - Rewriting

    /// A reference split into its file (when it has one) and its pointer.
    private struct Reference {
        var file: URL
        var pointer: [String]
    }

    /// Resolves `ref`, written in `file`, to a file and pointer; reports remote and malformed references.
    private func parse(_ ref: String, in file: URL, at location: SourceLocation) -> Reference? {
        let parts = ref.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        let fragment = parts.count > 1 ? "#" + parts[1] : "#"
        if path.hasPrefix("//") || Self.startsWithScheme(path) {
            if isReporting {
                diagnostics.error(
                    "reference '\(ref)' is remote; openapi-codegen reads no network: download the file and refer "
                        + "to it by a relative path",
                    at: location)
            }
            return nil
        }
        guard let pointer = JSONPointer(fragment: fragment) else {
            if isReporting {
                diagnostics.error(
                    "reference '\(ref)' is not a JSON pointer; expected '#/…' after the file name", at: location)
            }
            return nil
        }
        let target =
            path.isEmpty
            ? file
            : URL(
                fileURLWithPath: path.removingPercentEncoding ?? path,
                relativeTo: file.deletingLastPathComponent()
            ).standardizedFileURL
        return Reference(file: URL(fileURLWithPath: target.path), pointer: pointer.tokens)
    }

    /// What the rewriting needs of a node's pointer in its file: its length and its last two tokens (the whole
    /// pointer, extended for every value walked, cost an array each).
    struct Trail: Equatable {
        var count = 0
        var last: String?
        var beforeLast: String?

        init() {}

        init(_ tokens: [String]) {
            count = tokens.count
            last = tokens.last
            beforeLast = tokens.count >= 2 ? tokens[tokens.count - 2] : nil
        }

        /// The trail of the pointer with `token` appended.
        func appending(_ token: String) -> Trail {
            var result = Trail()
            result.count = count + 1
            result.last = token
            result.beforeLast = last
            return result
        }

        /// Whether the pointer is `/components/schemas`.
        var isComponentSchemas: Bool { count == 2 && beforeLast == "components" && last == "schemas" }
    }

    /// Whether a reference's path starts with a URI scheme (`https:`, `file:`): an ASCII letter, then ASCII letters,
    /// digits, `+`, `-` or `.`, then `:` (RFC 3986; checked by hand, since a regular expression makes the first
    /// reference of a run pay for starting ICU's regular expression engine).
    static func startsWithScheme(_ path: String) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        }
        var bytes = path.utf8.makeIterator()
        guard let first = bytes.next(), isLetter(first) else { return false }
        while let byte = bytes.next() {
            if byte == UInt8(ascii: ":") { return true }
            guard
                isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "+")
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            else { return false }
        }
        return false
    }

    private func location(_ node: YAMLNode, file: URL) -> SourceLocation {
        SourceLocation(file: display(file), mark: node.mark)
    }

    /// The position of the value under `key` of a node of `kind`, or `nil` when references are not followed
    /// there (examples, extensions and other free-form values).
    private static func position(of key: String, in kind: Kind) -> Position? {
        if key.hasPrefix("x-") { return nil }
        switch kind {
        case .document:
            switch key {
            case "paths", "webhooks": return .one(.paths)
            case "components": return .one(.components)
            default: return nil
            }
        case .components:
            if key == "pathItems" { return .map(.pathItem) }
            return Kind.sections[key].map { .map($0) }
        case .paths, .callback: return .one(.pathItem)
        case .pathItem:
            if Kind.methods.contains(key) { return .one(.operation) }
            return key == "parameters" ? .list(.parameter) : nil
        case .operation:
            switch key {
            case "parameters": return .list(.parameter)
            case "requestBody": return .one(.requestBody)
            case "responses": return .map(.response)
            case "callbacks": return .map(.callback)
            default: return nil
            }
        case .parameter, .header:
            switch key {
            case "schema": return .one(.schema)
            case "content": return .map(.mediaType)
            case "examples": return .map(.example)
            default: return nil
            }
        case .requestBody: return key == "content" ? .map(.mediaType) : nil
        case .response:
            switch key {
            case "headers": return .map(.header)
            case "content": return .map(.mediaType)
            case "links": return .map(.link)
            default: return nil
            }
        case .mediaType:
            switch key {
            case "schema": return .one(.schema)
            case "examples": return .map(.example)
            case "encoding": return .map(.encoding)
            default: return nil
            }
        case .encoding: return key == "headers" ? .map(.header) : nil
        case .schema:
            switch key {
            case "properties", "patternProperties", "$defs", "definitions", "dependentSchemas": return .map(.schema)
            case "items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames",
                "unevaluatedItems", "unevaluatedProperties", "contentSchema", "additionalItems":
                return .one(.schema)
            case "allOf", "anyOf", "oneOf", "prefixItems": return .list(.schema)
            default: return nil
            }
        case .example, .link, .securityScheme: return nil
        }
    }

    /// Rewrites a node at a position, in `file`: its references become local, the values they name are indexed.
    /// - Parameters:
    ///   - pointer: the node's pointer in its file (for references written in the root document).
    ///   - recursion: inside a component schema, the local reference to it (`#/components/schemas/X`) that
    ///     `$recursiveRef: '#'` and `$dynamicRef` to its anchor stand for; `""` while only discovering.
    /// - Returns: the rewritten node, or `nil` when it is unchanged (always while discovering): walking a large
    ///   document then copies none of its nodes.
    private mutating func rewrite(
        _ node: YAMLNode, at position: Position, file: URL, pointer: Trail, recursion: Recursion?
    ) -> YAMLNode? {
        switch position {
        case .one(let kind):
            if kind == .schema, node.items != nil {
                // `items: [ … ]` of draft 4: a list of schemas.
                return rewrite(node, at: .list(.schema), file: file, pointer: pointer, recursion: recursion)
            }
            return rewriteOne(node, kind: kind, file: file, pointer: pointer, recursion: recursion)
        case .map(let kind):
            guard let pairs = node.pairs else { return nil }
            if let refIndex = pairs.firstIndex(where: { Self.hasKey($0, "$ref") }),
                let ref = pairs[refIndex].value.scalar?.text
            {
                // `properties: {$ref: …}`: not OpenAPI, but multi-file documents write it.
                let refLocation = location(pairs[refIndex].value, file: file)
                guard let reference = parse(ref, in: file, at: refLocation) else { return nil }
                if reference.file != rootURL, load(reference.file, ref: ref, at: refLocation) == nil { return nil }
                if isReporting { countMisplaced(pairs[refIndex].value) }
                return inline(
                    node, reference, ref: ref, pairs: pairs, refIndex: refIndex, at: position, recursion: recursion)
            }
            let isComponentSchemas = kind == .schema && pointer.isComponentSchemas && file == rootURL
            var rewritten = pairs
            var changed = false
            // Of these maps only an operation's Responses Object has extensions; elsewhere `x-request-id` is a
            // name (of a header, a property, a component), not an extension.
            let isResponsesObject = kind == .response && pointer.beforeLast != "components"
            for index in pairs.indices {
                guard let key = pairs[index].key.scalar?.text, !(isResponsesObject && key.hasPrefix("x-")) else {
                    continue
                }
                let recursionHere =
                    isComponentSchemas
                    ? Recursion(ref: "#/components/schemas/" + Self.escape(key), component: pairs[index].value)
                    : recursion
                let value = rewrite(
                    pairs[index].value, at: .one(kind), file: file, pointer: pointer.appending(key),
                    recursion: recursionHere)
                // While discovering, nothing is copied: a large document is walked, not duplicated.
                if !isReporting, let value {
                    rewritten[index].value = value
                    changed = true
                }
            }
            guard changed else { return nil }
            var result = node
            result.kind = .mapping(rewritten)
            return result
        case .list(let kind):
            guard let items = node.items else { return nil }
            var rewritten = items
            var changed = false
            for index in items.indices {
                let value = rewrite(
                    items[index], at: .one(kind), file: file, pointer: pointer.appending(String(index)),
                    recursion: recursion)
                if !isReporting, let value {
                    rewritten[index] = value
                    changed = true
                }
            }
            guard changed else { return nil }
            var result = node
            result.kind = .sequence(rewritten)
            return result
        }
    }

    private mutating func rewriteOne(
        _ node: YAMLNode, kind: Kind, file: URL, pointer: Trail, recursion: Recursion?
    ) -> YAMLNode? {
        guard let original = node.pairs else { return nil }
        if kind == .schema, let rewritten = rewriteRecursion(node, file: file, recursion: recursion) {
            return rewritten
        }
        if let refIndex = original.firstIndex(where: { Self.hasKey($0, "$ref") }),
            let ref = original[refIndex].value.scalar?.text, original[refIndex].value.scalar?.value != nil
        {
            return rewriteReference(
                node, ref: ref, refNode: original[refIndex].value, pairs: original, refIndex: refIndex, kind: kind,
                file: file, recursion: recursion)
        }
        // Read from the constant `original` (reading a variable array copies each pair out); the rewritten pairs are
        // made at the first change, which never comes while discovering.
        var rewritten: [YAMLPair]?
        for index in original.indices {
            guard case .scalar(let keyScalar) = original[index].key.kind else {
                if isReporting { checkUnfollowed(original[index].value, file: file) }
                continue
            }
            let key = keyScalar.text
            if kind == .schema, key == "discriminator" {
                let mapping = rewriteMapping(original[index].value, file: file)
                if !isReporting {
                    if rewritten == nil { rewritten = original }
                    rewritten![index].value = mapping
                }
                continue
            }
            guard let position = Self.position(of: key, in: kind) else {
                if isReporting { checkUnfollowed(original[index].value, file: file) }
                continue
            }
            let value = rewrite(
                original[index].value, at: position, file: file, pointer: pointer.appending(key),
                recursion: recursion)
            if !isReporting, let value {
                if rewritten == nil { rewritten = original }
                rewritten![index].value = value
            }
        }
        guard let pairs = rewritten else { return nil }
        var result = node
        result.kind = .mapping(pairs)
        return result
    }

    /// A schema whose `$recursiveRef` or `$dynamicRef` names its own component: the same schema with a `$ref`
    /// to that component instead; `nil` when the schema has neither.
    /// Whether a pair's key is a scalar with this text (matched in place: the bundler asks this of every key of
    /// every object it walks).
    private static func hasKey(_ pair: YAMLPair, _ text: String) -> Bool {
        if case .scalar(let key) = pair.key.kind { return key.text == text }
        return false
    }

    private mutating func rewriteRecursion(_ node: YAMLNode, file: URL, recursion: Recursion?) -> YAMLNode? {
        guard var pairs = node.pairs,
            let index = pairs.firstIndex(where: { Self.hasKey($0, "$recursiveRef") || Self.hasKey($0, "$dynamicRef") }),
            let keyword = pairs[index].key.scalar?.text, let value = pairs[index].value.scalar?.text
        else { return nil }
        let isSelf =
            keyword == "$recursiveRef"
            ? value == "#" : value.hasPrefix("#") && String(value.dropFirst()) == recursion?.dynamicAnchor
        guard let recursion, isSelf else {
            if isReporting {
                let expected = keyword == "$recursiveRef" ? "#" : "#" + (recursion?.dynamicAnchor ?? "<anchor>")
                diagnostics.warning(
                    recursion == nil
                        ? "'\(keyword)' is supported only inside a component schema, where it stands for that schema; "
                            + "it is ignored"
                        : "'\(keyword): \(value)' does not name the component schema that contains it (expected "
                            + "'\(expected)'); it is ignored",
                    at: location(pairs[index].value, file: file))
            }
            return nil
        }
        rewrites = true
        pairs[index] = YAMLPair(
            key: Self.scalar("$ref", mark: pairs[index].key.mark),
            value: Self.scalar(recursion.ref.isEmpty ? "#" : recursion.ref, mark: pairs[index].value.mark))
        var result = node
        result.kind = .mapping(pairs)
        return result
    }

    private mutating func rewriteReference(
        _ node: YAMLNode, ref: String, refNode: YAMLNode, pairs: [YAMLPair], refIndex: Int, kind: Kind, file: URL,
        recursion: Recursion?
    ) -> YAMLNode? {
        let inRoot = file == rootURL
        // A local reference in the root document to one of its own components stays as it is.
        if inRoot, ref.hasPrefix("#"), kind.section != nil { return nil }
        let refLocation = location(refNode, file: file)
        guard let reference = parse(ref, in: file, at: refLocation) else { return nil }
        if reference.file != rootURL, load(reference.file, ref: ref, at: refLocation) == nil { return nil }
        guard let section = kind.section else {
            if kind == .operation, isReporting { countMisplaced(refNode) }
            return inline(
                node, reference, ref: ref, pairs: pairs, refIndex: refIndex, at: .one(kind), recursion: recursion)
        }
        guard let local = localReference(reference, section: section, ref: ref, at: refLocation) else { return nil }
        return replacingRef(node, pairs: pairs, refIndex: refIndex, with: local)
    }

    /// The local reference (`#/components/<section>/<name>`) that stands for a value of another file, indexing
    /// the value; `nil` while discovering, and when the reference names nothing.
    private mutating func localReference(
        _ reference: Reference, section: String, ref: String, at refLocation: SourceLocation
    ) -> String? {
        // A reference from another file back to a component of the root document.
        if reference.file == rootURL, reference.pointer.count == 3, reference.pointer[0] == "components",
            reference.pointer[1] == section
        {
            return "#/components/\(section)/" + Self.escape(reference.pointer[2])
        }
        let target = Target(section: section, file: reference.file.path, pointer: reference.pointer)
        if isReporting {
            guard resolvedNode(reference, ref: ref, at: refLocation) != nil else { return nil }
            if index[target] == nil {
                index[target] = ""
                pending.append(target)
            }
            return nil
        }
        guard let name = index[target], !name.isEmpty else { return nil }
        return "#/components/\(section)/" + Self.escape(name)
    }

    /// A discriminator's `mapping` whose values are references written in another file (or to one): the same
    /// mapping with local references.
    private mutating func rewriteMapping(_ discriminator: YAMLNode, file: URL) -> YAMLNode {
        guard var pairs = discriminator.pairs,
            let mappingIndex = pairs.firstIndex(where: { $0.key.scalar?.text == "mapping" }),
            var entries = pairs[mappingIndex].value.pairs
        else { return discriminator }
        for index in entries.indices {
            guard let ref = entries[index].value.scalar?.text else { continue }
            // A bare schema name, or a local reference in the root document, stays.
            let isReference =
                ref.contains("#") || ref.contains("/") || ref.hasSuffix(".yaml") || ref.hasSuffix(".yml")
                || ref.hasSuffix(".json")
            guard isReference, file != rootURL || !ref.hasPrefix("#") else { continue }
            let refLocation = location(entries[index].value, file: file)
            guard let reference = parse(ref, in: file, at: refLocation) else { continue }
            if reference.file != rootURL, load(reference.file, ref: ref, at: refLocation) == nil { continue }
            if let local = localReference(reference, section: "schemas", ref: ref, at: refLocation) {
                entries[index].value = Self.scalar(local, mark: entries[index].value.mark)
            }
        }
        pairs[mappingIndex].value.kind = .mapping(entries)
        var result = discriminator
        result.kind = .mapping(pairs)
        return result
    }

    /// The component schema a schema is part of, for `$recursiveRef` and `$dynamicRef`.
    struct Recursion {
        /// The local reference to the component (`#/components/schemas/X`); empty while discovering.
        var ref: String
        /// The component's `$dynamicAnchor`, if any.
        var dynamicAnchor: String?

        init(ref: String, component: YAMLNode) {
            self.ref = ref
            self.dynamicAnchor = component["$dynamicAnchor"]?.scalar?.text
        }
    }

    /// Puts the value a reference names in place of the reference (rewritten in its own file), with the
    /// reference's sibling keys over the value's.
    private mutating func inline(
        _ node: YAMLNode, _ reference: Reference, ref: String, pairs: [YAMLPair], refIndex: Int, at position: Position,
        recursion: Recursion?
    ) -> YAMLNode {
        let refLocation = SourceLocation(file: display(rootURL), mark: pairs[refIndex].value.mark)
        guard let (target, targetFile) = resolvedNode(reference, ref: ref, at: refLocation) else { return node }
        let key = reference.file.path + "#" + reference.pointer.joined(separator: "/")
        guard inlineStack.insert(key).inserted else {
            if isReporting { diagnostics.error("reference cycle through '\(ref)'", at: refLocation) }
            return node
        }
        defer { inlineStack.remove(key) }
        rewrites = true
        var inlined =
            rewrite(target, at: position, file: targetFile, pointer: Trail(reference.pointer), recursion: recursion)
            ?? target
        let siblings = pairs.enumerated().filter { $0.offset != refIndex }.map(\.element)
        if !siblings.isEmpty, let targetPairs = inlined.pairs {
            let names = Set(siblings.compactMap { $0.key.scalar?.text })
            inlined.kind = .mapping(targetPairs.filter { !names.contains($0.key.scalar?.text ?? "") } + siblings)
        }
        return inlined
    }

    /// Warns about each `$ref` to a missing file in a value the generator does not read (an extension, an
    /// example), which is left as it is.
    private func checkUnfollowed(_ node: YAMLNode, file: URL) {
        // Through the arrays' storage: every example and extension of a document is walked, and iterating the arrays
        // would copy each node out.
        switch node.kind {
        case .scalar: return
        case .sequence(let items):
            items.withUnsafeBufferPointer { items in
                for index in items.indices { checkUnfollowed(items[index], file: file) }
            }
        case .mapping(let pairs):
            pairs.withUnsafeBufferPointer { pairs in
                for index in pairs.indices {
                    if case .scalar(let key) = pairs[index].key.kind, key.text == "$ref",
                        case .scalar(let refScalar) = pairs[index].value.kind
                    {
                        checkUnfollowedReference(refScalar.text, at: pairs[index].value, file: file)
                    } else {
                        checkUnfollowed(pairs[index].value, file: file)
                    }
                }
            }
        }
    }

    /// Warns about `ref`, the value of a `$ref` in a value the generator does not read, when it names a file that
    /// does not exist.
    private func checkUnfollowedReference(_ ref: String, at refNode: YAMLNode, file: URL) {
        let path = String(ref.prefix { $0 != "#" })
        guard !path.isEmpty, !path.hasPrefix("//"),
            !Self.startsWithScheme(path)
        else { return }
        let target = URL(
            fileURLWithPath: path.removingPercentEncoding ?? path, relativeTo: file.deletingLastPathComponent())
        guard !FileManager.default.fileExists(atPath: target.standardizedFileURL.path) else { return }
        diagnostics.warning(
            "reference '\(ref)' names a file that does not exist ('\(display(target.standardizedFileURL))'); "
                + "the generator does not use this value, so it is left as it is",
            at: location(refNode, file: file))
    }

    /// Counts a `$ref` where OpenAPI does not allow one (an Operation Object, a map of properties), followed.
    private mutating func countMisplaced(_ refNode: YAMLNode) {
        if let existing = operationReferences {
            operationReferences = (existing.mark, existing.count + 1)
        } else {
            operationReferences = (refNode.mark, 1)
        }
    }

    /// Paths of the values being put in place, to stop at a cycle.
    private var inlineStack: Set<String> = []

    /// The node a reference names; reports a pointer that names nothing.
    private mutating func resolvedNode(_ reference: Reference, ref: String, at location: SourceLocation) -> (
        YAMLNode, URL
    )? {
        guard let file = files[reference.file.path], let root = file.root else { return nil }
        var node = root
        var walked: [String] = []
        for token in reference.pointer {
            guard let next = Self.child(of: node, token) else {
                if isReporting {
                    let keys = (node.pairs ?? []).compactMap { $0.key.scalar?.text }
                    diagnostics.error(
                        "reference '\(ref)' does not resolve; '\(file.display)' has no '\(token)' at '"
                            + JSONPointer(walked).description + "'" + Suggestion.clause(for: token, among: keys),
                        at: location)
                }
                return nil
            }
            walked.append(token)
            node = next
        }
        return (node, file.url)
    }

    private func replacingRef(_ node: YAMLNode, pairs: [YAMLPair], refIndex: Int, with ref: String) -> YAMLNode {
        var pairs = pairs
        pairs[refIndex].value = Self.scalar(ref, mark: pairs[refIndex].value.mark)
        var result = node
        result.kind = .mapping(pairs)
        return result
    }

    private static func scalar(_ text: String, mark: SourceMark) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar(text: text, value: .string(text), isPlain: false)), mark: mark)
    }

    /// A component name as a JSON pointer token.
    static func escape(_ name: String) -> String {
        guard name.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return name }
        return name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
