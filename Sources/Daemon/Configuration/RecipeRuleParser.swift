internal import Recipes
internal import Yams

/// `recipes:` lists, in the daemon's configuration and in a repository's `.sparkd.yml`, read by
/// Recipes' ``RecipeRuleEntry`` (the hook's parser too); the daemon adds the check of trigger
/// names against the ones it knows.
enum RecipeRuleParser {
    static func rules(_ node: Node, in context: String, triggers: [String], reader: YAMLReader) throws(RecipeError) -> [RecipeRule] {
        let entries = try RecipeRuleEntry.list(node, in: context, reader: reader)
        var rules: [RecipeRule] = []
        for entry in entries { rules.append(try rule(entry, triggers: triggers)) }
        return rules
    }

    /// `entry` as a rule, when every trigger it names is one of `triggers`.
    static func rule(_ entry: RecipeRuleEntry, triggers: [String]) throws(RecipeError) -> RecipeRule {
        for trigger in entry.triggers where !triggers.contains(trigger.name) {
            let near = Suggestions.nearest(to: trigger.name, in: triggers).first.map { "; did you mean '\($0)'?" } ?? ""
            throw RecipeError(
                .unknownTrigger, "unknown trigger '\(trigger.name)'\(near)", at: trigger.location, key: "on",
                hint: "triggers are \(triggers.joined(separator: ", ")); add a schedule under 'schedules:' for a new name")
        }
        return RecipeRule(
            id: entry.id, on: entry.triggers.map(\.name), parameters: entry.parameters, shardByDirectory: entry.shardByDirectory,
            location: entry.location)
    }
}
