import Foundation
package import GitKit
package import Recipes

/// What the configuration means once checked against the world: for every watched branch of
/// every repository that can be served, the recipe rules (the daemon's, then the repository's
/// `.sparkd.yml`); and the problems, each naming its file position. A problem with
/// `repository` set disables only that repository; the daemon serves the others.
package struct ResolvedConfiguration: Sendable {
    package struct Branch: Sendable, Hashable {
        package var repository: String
        package var branch: String
        package var rules: [RecipeRule]
        /// Set on a watched branch other than the setting's base: pushes queue a fixup-commits job.
        package var fixupCommits: FixupCommitsSetting?

        package init(repository: String, branch: String, rules: [RecipeRule], fixupCommits: FixupCommitsSetting? = nil) {
            (self.repository, self.branch, self.rules, self.fixupCommits) = (repository, branch, rules, fixupCommits)
        }
    }

    package var configuration: DaemonConfiguration
    package var branches: [Branch]
    package var problems: [RecipeError]

    /// Problems that concern the whole configuration (not one repository): sparkd does not start.
    package var fatalProblems: [RecipeError] { problems.filter { $0.repository == nil } }
}

package enum ConfigurationValidator {
    /// Opens every repository, reads its `.sparkd.yml` at each watched branch's tip, and checks
    /// that every recipe id is in `catalog` or in the repository's `.sparkd/recipes/` at that tip.
    package static func resolve(_ configuration: DaemonConfiguration, catalog: RecipeCatalog) -> ResolvedConfiguration {
        var resolved = ResolvedConfiguration(configuration: configuration, branches: [], problems: [])
        let triggers = configuration.triggerNames
        var seen: [String: RecipeLocation] = [:]
        for repository in configuration.repositories {
            if let first = seen[repository.path] {
                resolved.problems.append(
                    RecipeError(
                        .invalidValue, "repository '\(repository.path)' is configured twice (first at \(first))",
                        at: repository.location, key: "path", hint: "merge the two entries"))
                continue
            }
            seen[repository.path] = repository.location
            var problems: [RecipeError] = []
            let opened: Repository
            do {
                opened = try Repository.open(at: repository.path)
            } catch {
                resolved.problems.append(
                    RecipeError(
                        .repositoryUnavailable, "repository '\(repository.path)' cannot be served: \(error.message)",
                        at: repository.location, key: "path", hint: error.hint ?? "check the path and that sparkd may read it",
                        repository: repository.path))
                continue
            }
            var branches: [ResolvedConfiguration.Branch] = []
            for branch in repository.branches {
                do {
                    guard let tip = try opened.branchTip(branch) else {
                        problems.append(
                            RecipeError(
                                .unknownBranch, "branch '\(branch)' does not exist in '\(repository.path)'", at: repository.location,
                                key: "branches", hint: "create it, or remove it from 'branches'", repository: repository.path))
                        continue
                    }
                    let local = try RepositoryRecipes.ids(in: opened, commit: tip)
                    let file = try RepositoryConfigFile.read(from: opened, branch: branch, tip: tip, triggers: triggers)
                    var rules = repository.recipes
                    for rule in file?.recipes ?? [] {
                        // Merged into the daemon's own rule only: the file's rules stay apart, so a
                        // recipe it lists twice with different parameters is a clash (below).
                        if let index = repository.recipes.firstIndex(where: { $0.id == rule.id }) {
                            // Same recipe: the repository adds triggers; the daemon's parameters win.
                            for trigger in rule.on where !rules[index].on.contains(trigger) { rules[index].on.append(trigger) }
                            rules[index].parameters.merge(rule.parameters) { daemon, _ in daemon }
                        } else {
                            rules.append(rule)
                        }
                    }
                    // The daemon's setting wins over the one the pushed branch's .sparkd.yml asks for.
                    let fixup = (repository.fixupCommits ?? file?.fixupCommits).flatMap { $0.base == branch ? nil : $0 }
                    // Every recipe named, by a rule or by fixup_commits, must be built in or the repository's own.
                    let named =
                        rules.map { (id: $0.id, location: $0.location, key: "id", context: "") }
                        + (fixup.map { fixup in fixup.recipes.map { (id: $0, location: fixup.location, key: "recipes", context: " in fixup_commits") } } ?? [])
                    for recipe in named where (try? catalog.recipe(recipe.id)) == nil && !local.contains(recipe.id) {
                        let near = Suggestions.nearest(to: recipe.id, in: catalog.ids).first.map { "; did you mean '\($0)'?" } ?? ""
                        problems.append(
                            RecipeError(
                                .unknownRecipe, "unknown recipe '\(recipe.id)'\(recipe.context)\(near)", at: recipe.location, key: recipe.key,
                                hint: "list recipes with 'sparkctl recipe list', or add \(RepositoryRecipes.path(of: recipe.id)) to the repository",
                                repository: repository.path))
                    }
                    problems += reviewBranchClashes(rules, branch: branch, repository: repository)
                    branches.append(.init(repository: repository.path, branch: branch, rules: rules, fixupCommits: fixup))
                } catch let error as RecipeError {
                    problems.append(error)
                } catch {
                    problems.append(
                        RecipeError(
                            .repositoryUnavailable, "cannot read branch '\(branch)' of '\(repository.path)': \(error)",
                            at: repository.location, hint: "check that the repository is not corrupt (git fsck)", repository: repository.path))
                }
            }
            resolved.problems += problems
            if problems.isEmpty { resolved.branches += branches }
        }
        return resolved
    }
}
