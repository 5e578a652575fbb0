/// What a repository's `.sparkd.yml` asks of the pre-commit hook (`sparkctl fixup --staged`):
/// the recipes whose `on:` lists `pre-commit`, and `hook: { fail_on_error: true }`, which lets
/// the hook's own failures block a commit (by default they are reported and the commit proceeds).
///
/// Pure (the caller reads the file) and light, so the hook does not link the daemon's
/// configuration stack; the file is checked as the daemon checks it (``RepositoryFile``).
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

    /// `fixup_commits:`, when the file sets it.
    package var fixupCommits: FixupCommitsEntry?

    package init(rules: [Rule] = [], failOnError: Bool = false, fixupCommits: FixupCommitsEntry? = nil) {
        self.rules = rules
        self.failOnError = failOnError
        self.fixupCommits = fixupCommits
    }

    /// The recipe ids to run: the configured rules, or ``defaultRecipes`` when there are none.
    package var recipeIDs: [String] { rules.isEmpty ? Self.defaultRecipes : rules.map(\.id) }

    /// What `sparkctl fixup --commits` runs: when the file sets `fixup_commits:`, its recipes
    /// (by default the three whitespace fixups) — what the daemon's fixup_commits job runs on a
    /// push of that commit, unless the daemon's own configuration sets fixup_commits —, else the
    /// pre-commit ones.
    package var forCommits: PreCommitConfiguration {
        guard let fixupCommits else { return self }
        let ids = fixupCommits.recipes ?? Self.defaultRecipes
        return PreCommitConfiguration(rules: ids.map { Rule(id: $0, parameters: [:]) }, failOnError: failOnError)
    }

    /// Parses `.sparkd.yml`'s text (``RepositoryFile``, the daemon's parser too); `file` names it
    /// in errors (`file:line:column`).
    package static func parse(_ text: String, file: String) throws(RecipeError) -> PreCommitConfiguration {
        let parsed = try RepositoryFile.parse(text, file: file)
        return PreCommitConfiguration(
            rules: parsed.rules.filter { $0.runs(on: trigger) }.map { Rule(id: $0.id, parameters: $0.parameters) },
            failOnError: parsed.failOnError, fixupCommits: parsed.fixupCommits)
    }
}
