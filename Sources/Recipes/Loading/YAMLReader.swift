internal import Yams

/// Reads typed values out of a composed YAML node tree (`Yams.compose`), turning
/// every mismatch into a `RecipeError` at the offending node's `file:line:column`.
struct YAMLReader {
    let file: String

    /// One key-value pair of a mapping whose key is a string.
    struct Entry {
        let key: String
        let keyNode: Node
        let value: Node
    }

    func location(of node: Node) -> RecipeLocation {
        let mark = node.mark
        return RecipeLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func error(
        _ code: RecipeError.Code, _ message: String, at node: Node, key: String? = nil, hint: String? = nil
    ) -> RecipeError {
        RecipeError(code, message, at: location(of: node), key: key, hint: hint)
    }

    /// The entries of `node`, which must be a mapping whose keys are strings from
    /// `valid` (any strings when `valid` is nil); an unknown key is reported with
    /// the nearest valid key.
    func entries(of node: Node, in context: String, valid: [String]?, expected: String) throws(RecipeError) -> [Entry] {
        guard case .mapping(let mapping) = node else {
            throw error(.wrongType, "\(context) must be \(expected), not \(Self.describe(node))", at: node)
        }
        var entries: [Entry] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                throw error(.wrongType, "keys in \(context) must be strings, not \(Self.describe(keyNode))", at: keyNode)
            }
            let key = scalar.string
            if let valid, !valid.contains(key) {
                throw error(
                    .unknownKey, "unknown key '\(key)' in \(context)" + Suggestions.didYouMean(key, in: valid),
                    at: keyNode, key: key,
                    hint: valid.isEmpty ? nil : "valid keys in \(context): \(valid.joined(separator: ", "))")
            }
            entries.append(Entry(key: key, keyNode: keyNode, value: value))
        }
        return entries
    }

    /// A scalar's text; `null` and collections are type errors.
    func string(_ node: Node, key: String, in context: String) throws(RecipeError) -> String {
        guard case .scalar(let scalar) = node, node.null == nil else {
            throw error(
                .wrongType, "'\(key)' in \(context) must be a string, not \(Self.describe(node))", at: node, key: key,
                hint: node.null != nil ? "give '\(key)' a value, or quote it (\"\") if it is meant to be empty" : nil)
        }
        return scalar.string
    }

    /// A scalar's text that is not empty.
    func nonEmptyString(_ node: Node, key: String, in context: String) throws(RecipeError) -> String {
        let value = try string(node, key: key, in: context)
        guard !value.isEmpty else {
            throw error(.invalidValue, "'\(key)' in \(context) must not be empty", at: node, key: key)
        }
        return value
    }

    /// The items of a sequence.
    func sequence(_ node: Node, key: String, in context: String, example: String) throws(RecipeError) -> [Node] {
        guard case .sequence(let sequence) = node else {
            throw error(
                .wrongType, "'\(key)' in \(context) must be a list, not \(Self.describe(node))", at: node, key: key,
                hint: "write it as a list, e.g. \(example)")
        }
        return Array(sequence)
    }

    /// A list of strings; a lone scalar counts as a one-item list when `allowScalar`.
    func strings(
        _ node: Node, key: String, in context: String, allowScalar: Bool = false, example: String
    ) throws(RecipeError) -> [(value: String, node: Node)] {
        if allowScalar, case .scalar = node, node.null == nil {
            return [(try string(node, key: key, in: context), node)]
        }
        var values: [(value: String, node: Node)] = []
        for item in try sequence(node, key: key, in: context, example: example) {
            guard case .scalar(let scalar) = item, item.null == nil else {
                throw error(
                    .wrongType, "items of '\(key)' in \(context) must be strings, not \(Self.describe(item))",
                    at: item, key: key, hint: "write it as a list of strings, e.g. \(example)")
            }
            values.append((scalar.string, item))
        }
        return values
    }

    /// "a mapping", "a list", "null", "a string" — for messages.
    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case .scalar: node.null != nil ? "null (an empty value)" : "a string"
        }
    }
}
