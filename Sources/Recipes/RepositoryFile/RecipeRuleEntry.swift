package import Yams

/// One entry of a `recipes:` list as written, in the daemon's configuration and in a repository's
/// `.sparkd.yml`: `- { id: fixup/trailing-whitespace, on: [push, nightly], with: { K: V }, shard: directory }`.
///
/// Trigger names are kept with their positions but not checked here: which names exist is the
/// daemon configuration's business (its schedules add names), and the hook only looks for
/// `pre-commit`. Everything else is checked the same way for both readers.
package struct RecipeRuleEntry: Sendable, Hashable {
    /// One name of `on:`, where it is written.
    package struct TriggerName: Sendable, Hashable {
        package var name: String
        package var location: RecipeLocation
    }

    package var id: String
    /// `on:`, in file order, each name once.
    package var triggers: [TriggerName]
    /// `with:`, the recipe's parameters as text.
    package var parameters: [String: String]
    /// `shard: directory`.
    package var shardByDirectory: Bool
    /// Where the id is written.
    package var location: RecipeLocation

    package static let keys = ["id", "on", "with", "shard"]
    package static let example = "{ id: fixup/trailing-whitespace, on: [push] }"

    /// Whether `on:` names `trigger`.
    package func runs(on trigger: String) -> Bool { triggers.contains { $0.name == trigger } }

    /// The entries of the `recipes:` list `node`; `context` names where it is (".sparkd.yml",
    /// "repository '/srv/git/app'") in messages.
    package static func list(_ node: Node, in context: String, reader: YAMLReader) throws(RecipeError) -> [RecipeRuleEntry] {
        var rules: [RecipeRuleEntry] = []
        for item in try reader.sequence(node, key: "recipes", in: context, example: "- \(example)") {
            rules.append(try entry(item, in: "a recipe of \(context)", reader: reader))
        }
        return rules
    }

    private static func entry(_ item: Node, in context: String, reader: YAMLReader) throws(RecipeError) -> RecipeRuleEntry {
        let entries = try reader.entries(of: item, in: context, valid: keys, expected: "a mapping")
        try reader.require(["id", "on"], in: entries, of: item, context: context, example: example)
        var rule = RecipeRuleEntry(id: "", triggers: [], parameters: [:], shardByDirectory: false, location: reader.location(of: item))
        for entry in entries {
            switch entry.key {
            case "id":
                rule.id = try reader.nonEmptyString(entry.value, key: "id", in: context)
                rule.location = reader.location(of: entry.value)
            case "on":
                for (name, node) in try reader.strings(entry.value, key: "on", in: context, allowScalar: true, example: "[push, nightly]")
                where !rule.runs(on: name) {
                    rule.triggers.append(TriggerName(name: name, location: reader.location(of: node)))
                }
            case "shard":
                let value = try reader.nonEmptyString(entry.value, key: "shard", in: context)
                guard value == "directory" else {
                    throw reader.error(
                        .invalidValue, "unknown shard kind '\(value)'", at: entry.value, key: "shard",
                        hint: "use 'shard: directory' (one review branch per top-level directory), or leave it out")
                }
                rule.shardByDirectory = true
            default:
                for parameter in try reader.entries(of: entry.value, in: "'with'", valid: nil, expected: "a mapping") {
                    rule.parameters[parameter.key] = try reader.string(parameter.value, key: parameter.key, in: "'with'")
                }
            }
        }
        return rule
    }
}
