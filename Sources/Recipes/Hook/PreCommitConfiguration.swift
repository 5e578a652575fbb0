internal import Yams

/// What a repository's `.sparkd.yml` asks of the pre-commit hook (`sparkctl fixup --staged`):
/// the recipes whose `on:` lists `pre-commit`, and `hook: { fail_on_error: true }`, which lets
/// the hook's own failures block a commit (by default they are reported and the commit proceeds).
///
/// Pure (the caller reads the file) and light, so the hook does not link the daemon's
/// configuration stack. Keys the daemon reads (`version`, `recipes` with `id`, `on`, `with`,
/// `shard`) are accepted; only the hook's are interpreted here.
package struct PreCommitConfiguration: Sendable, Hashable {
    package struct Rule: Sendable, Hashable {
        package var id: String
        package var parameters: [String: String]
    }

    /// The trigger name that selects a rule for the hook.
    package static let trigger = "pre-commit"
    /// The fixups run when `.sparkd.yml` is missing or names no `pre-commit` recipe.
    package static let defaultRecipes = ["fixup/trailing-whitespace", "fixup/end-of-file", "fixup/mixed-line-ending"]

    /// The rules with `on: [pre-commit]`, in file order.
    package var rules: [Rule]
    /// `hook: { fail_on_error: true }`: an unexpected error of the hook fails the commit.
    package var failOnError: Bool

    package init(rules: [Rule] = [], failOnError: Bool = false) {
        self.rules = rules
        self.failOnError = failOnError
    }

    /// The recipe ids to run: the configured rules, or ``defaultRecipes`` when there are none.
    package var recipeIDs: [String] { rules.isEmpty ? Self.defaultRecipes : rules.map(\.id) }

    /// Parses `.sparkd.yml`'s text; `file` names it in errors (`file:line:column`).
    package static func parse(_ text: String, file: String) throws(RecipeError) -> PreCommitConfiguration {
        let root = try YAMLReader.compose(text, file: file)
        guard let root else { return PreCommitConfiguration() }
        let reader = YAMLReader(file: file, text: text)
        var configuration = PreCommitConfiguration()
        for entry in try reader.entries(of: root, in: ".sparkd.yml", valid: ["version", "recipes", "hook"], expected: "a mapping") {
            switch entry.key {
            case "recipes":
                for item in try reader.sequence(entry.value, key: "recipes", in: ".sparkd.yml", example: "- { id: fixup/end-of-file, on: [pre-commit] }") {
                    if let rule = try rule(item, reader: reader) { configuration.rules.append(rule) }
                }
            case "hook":
                for option in try reader.entries(of: entry.value, in: "'hook'", valid: ["fail_on_error"], expected: "a mapping") {
                    let value = try reader.string(option.value, key: option.key, in: "'hook'")
                    switch value {
                    case "true", "yes", "on": configuration.failOnError = true
                    case "false", "no", "off": configuration.failOnError = false
                    default:
                        throw reader.error(.invalidValue, "'fail_on_error' must be true or false, not '\(value)'", at: option.value,
                                           key: "fail_on_error")
                    }
                }
            default: break
            }
        }
        return configuration
    }

    private static func rule(_ item: Node, reader: YAMLReader) throws(RecipeError) -> Rule? {
        let context = "a recipe of .sparkd.yml"
        var id: String?
        var triggers: [String] = []
        var parameters: [String: String] = [:]
        for entry in try reader.entries(of: item, in: context, valid: ["id", "on", "with", "shard"], expected: "a mapping") {
            switch entry.key {
            case "id": id = try reader.nonEmptyString(entry.value, key: "id", in: context)
            case "on": triggers = try reader.strings(entry.value, key: "on", in: context, allowScalar: true, example: "[pre-commit]").map(\.value)
            case "with":
                for parameter in try reader.entries(of: entry.value, in: "'with'", valid: nil, expected: "a mapping") {
                    parameters[parameter.key] = try reader.string(parameter.value, key: parameter.key, in: "'with'")
                }
            default: break
            }
        }
        guard let id else {
            throw reader.error(.missingKey, "\(context) has no 'id'", at: item, key: "id",
                               hint: "write it as { id: fixup/end-of-file, on: [pre-commit] }")
        }
        return triggers.contains(trigger) ? Rule(id: id, parameters: parameters) : nil
    }
}
