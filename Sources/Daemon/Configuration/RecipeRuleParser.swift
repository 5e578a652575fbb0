internal import Recipes
internal import Yams

/// `recipes:` lists, in the daemon's configuration and in a repository's `.sparkd.yml`:
/// `- { id: fixup/trailing-whitespace, on: [push, nightly], with: { K: V } }`.
enum RecipeRuleParser {
    static let keys = ["id", "on", "with", "shard"]
    static let example = "{ id: fixup/trailing-whitespace, on: [push] }"

    static func rules(_ node: Node, in context: String, triggers: [String], reader: ConfigReader) throws(ConfigError) -> [RecipeRule] {
        var rules: [RecipeRule] = []
        for item in try reader.sequence(node, key: "recipes", in: context, example: "- \(example)") {
            let entries = try reader.entries(of: item, in: "a recipe of \(context)", valid: keys)
            try reader.require(["id", "on"], in: entries, of: item, context: "a recipe of \(context)", example: example)
            var rule = RecipeRule(id: "", on: [], location: reader.location(of: item))
            for entry in entries {
                switch entry.key {
                case "id":
                    rule.id = try reader.string(entry.value, key: "id", in: "a recipe of \(context)")
                    rule.location = reader.location(of: entry.value)
                case "on":
                    for (trigger, triggerNode) in try reader.strings(
                        entry.value, key: "on", in: "recipe entry", example: "[push, nightly]")
                    {
                        guard triggers.contains(trigger) else {
                            let near = Suggestions.nearest(to: trigger, in: triggers).first.map { "; did you mean '\($0)'?" } ?? ""
                            throw reader.error(
                                .unknownTrigger, "unknown trigger '\(trigger)'\(near)", at: triggerNode, key: "on",
                                hint: "triggers are \(triggers.joined(separator: ", ")); add a schedule under 'schedules:' for a new name")
                        }
                        if !rule.on.contains(trigger) { rule.on.append(trigger) }
                    }
                case "shard":
                    let value = try reader.string(entry.value, key: "shard", in: "a recipe of \(context)")
                    guard value == "directory" else {
                        throw reader.error(.invalidValue, "unknown shard kind '\(value)'", at: entry.value, key: "shard",
                                           hint: "use 'shard: directory' (one review branch per top-level directory), or leave it out")
                    }
                    rule.shardByDirectory = true
                case "with":
                    for parameter in try reader.entries(of: entry.value, in: "'with'", valid: nil) {
                        rule.parameters[parameter.key] = try reader.string(parameter.value, key: parameter.key, in: "'with'")
                    }
                default: break
                }
            }
            rules.append(rule)
        }
        return rules
    }
}
