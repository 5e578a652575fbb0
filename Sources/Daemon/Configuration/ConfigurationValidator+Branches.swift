internal import Recipes

extension ConfigurationValidator {
    /// Rules of one watched branch that would write the same review branches with different
    /// work: two recipe ids with one slug (`a-b/c` and `a/b-c` are both `spark/a-b-c`), or one
    /// recipe listed twice with different parameters. Each job would regenerate the branch from
    /// its own recipes in turn, so the branch would never show either; refused here instead,
    /// naming both rules. The same rule listed again with other triggers is one rule; a sharded
    /// rule writes `<name>-<dir>` branches, so it clashes only with another sharded one; rules
    /// the daemon never runs (only `on: [pre-commit]`, the hook's) write no branch.
    static func reviewBranchClashes(
        _ rules: [RecipeRule], branch: String, repository: RepositoryConfiguration
    ) -> [RecipeError] {
        var owners: [String: RecipeRule] = [:]
        var problems: [RecipeError] = []
        for rule in rules where rule.on.contains(where: { $0 != Trigger.preCommit }) {
            var name = ReviewBranchNaming.branch(recipes: [rule.id], base: branch, repository: repository)
            if rule.shardByDirectory { name += "-<directory>" }
            guard let first = owners[name] else {
                owners[name] = rule
                continue
            }
            if first.id != rule.id {
                problems.append(
                    RecipeError(
                        .invalidValue,
                        "recipes '\(first.id)' (at \(first.location)) and '\(rule.id)' would both write review branch "
                            + "'\(name)' of '\(branch)'", at: rule.location, key: "id",
                        hint: "review-branch names keep letters, digits, '.' and '_' and turn the rest into '-': rename one of the recipes",
                        repository: repository.path))
            } else if first.parameters != rule.parameters {
                problems.append(
                    RecipeError(
                        .invalidValue,
                        "recipe '\(rule.id)' is listed twice for '\(branch)' with different parameters (first at "
                            + "\(first.location)); both would write review branch '\(name)'", at: rule.location, key: "id",
                        hint: "keep one rule for it; one rule may list several triggers in 'on'", repository: repository.path))
            }
        }
        return problems
    }
}
