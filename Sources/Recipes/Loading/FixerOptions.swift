internal import Yams

/// Reads the `with` mapping of a `fix` step into ``FixerArgument``s, checking keys
/// against the fixer's options and each value's shape (a string, or for list options
/// a string or a list of strings). Values are checked by ``FixerConfiguration/init(_:arguments:parameters:context:)``
/// once parameters are substituted.
struct FixerOptions {
    static func arguments(
        reader: YAMLReader, fixer: FixerName, node: Node?, context: String, step: Node,
        text makeText: (String, Node, String) throws(RecipeError) -> TemplateText
    ) throws(RecipeError) -> [FixerArgument] {
        var arguments: [FixerArgument] = []
        if let node {
            let entries = try reader.entries(
                of: node, in: "'with' of \(context)", valid: nil,
                expected: "a mapping of options, e.g. 'with: { fix: lf }'")
            let valid = fixer.optionKeys
            for entry in entries {
                guard valid.contains(entry.key) else {
                    guard !valid.isEmpty else {
                        throw reader.error(
                            .unknownKey,
                            "fixer '\(fixer.rawValue)' takes no options, but \(context) sets '\(entry.key)'",
                            at: entry.keyNode, key: entry.key, hint: "remove 'with' from \(context)")
                    }
                    throw reader.error(
                        .unknownKey,
                        "unknown option '\(entry.key)' for fixer '\(fixer.rawValue)'"
                            + Suggestions.didYouMean(entry.key, in: valid),
                        at: entry.keyNode, key: entry.key,
                        hint: "options of '\(fixer.rawValue)': \(valid.joined(separator: ", "))")
                }
                let where_ = "'with' of \(context)"
                let value: FixerArgument.Value
                if fixer.listOptionKeys.contains(entry.key) {
                    let items = try reader.strings(
                        entry.value, key: entry.key, in: where_, allowScalar: true, example: "[md, markdown]")
                    var texts: [TemplateText] = []
                    for item in items { texts.append(try makeText(item.value, item.node, entry.key)) }
                    value = items.count == 1 && entry.value.isScalar ? .text(texts[0]) : .list(texts)
                } else {
                    let text = try reader.string(entry.value, key: entry.key, in: where_)
                    value = .text(try makeText(text, entry.value, entry.key))
                }
                arguments.append(FixerArgument(key: entry.key, value: value, location: reader.location(of: entry.value)))
            }
        }
        for key in fixer.requiredOptionKeys where !arguments.contains(where: { $0.key == key }) {
            throw reader.error(
                .missingKey, "fixer '\(fixer.rawValue)' needs option '\(key)' in 'with' of \(context)", at: node ?? step,
                key: key, hint: fixer == .licenseHeader ? "e.g. 'with: { text: \"Copyright {{year}} The Authors\" }'" : nil)
        }
        return arguments
    }
}

extension Node {
    var isScalar: Bool {
        if case .scalar = self { return true }
        return false
    }
}
