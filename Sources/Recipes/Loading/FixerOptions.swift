internal import Yams

/// The `with` mapping of a `fix` step, checked against the fixer's option keys.
struct FixerOptions {
    let reader: YAMLReader
    let fixer: FixerName
    let context: String
    private let entries: [YAMLReader.Entry]

    init(reader: YAMLReader, fixer: FixerName, node: Node?, context: String) throws(RecipeError) {
        self.reader = reader
        self.fixer = fixer
        self.context = context
        guard let node else {
            entries = []
            return
        }
        entries = try reader.entries(
            of: node, in: "'with' of \(context)", valid: nil,
            expected: "a mapping of options, e.g. 'with: { fix: lf }'")
        let valid = fixer.optionKeys
        for entry in entries where !valid.contains(entry.key) {
            guard !valid.isEmpty else {
                throw reader.error(
                    .unknownKey, "fixer '\(fixer.rawValue)' takes no options, but \(context) sets '\(entry.key)'",
                    at: entry.keyNode, key: entry.key, hint: "remove 'with' from \(context)")
            }
            throw reader.error(
                .unknownKey,
                "unknown option '\(entry.key)' for fixer '\(fixer.rawValue)'"
                    + Suggestions.didYouMean(entry.key, in: valid),
                at: entry.keyNode, key: entry.key,
                hint: "options of '\(fixer.rawValue)': \(valid.joined(separator: ", "))")
        }
    }

    /// The value node of option `key`, if set.
    subscript(key: String) -> Node? {
        entries.first { $0.key == key }?.value
    }

    /// A string option, or `nil` if absent.
    func string(_ key: String) throws(RecipeError) -> String? {
        guard let node = self[key] else { return nil }
        return try reader.string(node, key: key, in: "'with' of \(context)")
    }

    /// An option whose value is one of `Choice`'s raw values, or `nil` if absent.
    func choice<Choice: RawRepresentable & CaseIterable>(
        _ key: String, _: Choice.Type
    ) throws(RecipeError) -> Choice? where Choice.RawValue == String {
        guard let node = self[key], let value = try string(key) else { return nil }
        guard let choice = Choice(rawValue: value) else {
            let valid = Choice.allCases.map(\.rawValue)
            throw reader.error(
                .invalidValue,
                "invalid value '\(value)' for option '\(key)' of fixer '\(fixer.rawValue)' "
                    + "(valid values: \(valid.joined(separator: ", ")))" + Suggestions.didYouMean(value, in: valid),
                at: node, key: key, hint: "e.g. 'with: { \(key): \(valid[0]) }'")
        }
        return choice
    }
}
