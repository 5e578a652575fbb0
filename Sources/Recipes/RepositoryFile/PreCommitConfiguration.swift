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

    /// The parsed file (empty when there is none): `hook:` and `fixup_commits:` are read from it.
    package var file: RepositoryFile
    /// What runs, in order: the file's rules with `on: [pre-commit]`.
    package var rules: [Rule]

    package init(file: RepositoryFile = RepositoryFile()) {
        self.file = file
        rules = file.rules.filter { $0.runs(on: Self.trigger) }.map { Rule(id: $0.id, parameters: $0.parameters) }
    }

    /// `hook: { fail_on_error: true }`: an unexpected error of the hook fails the commit.
    package var failOnError: Bool { file.failOnError }

    /// The recipe ids to run: the configured rules, or ``defaultRecipes`` when there are none.
    package var recipeIDs: [String] { rules.isEmpty ? Self.defaultRecipes : rules.map(\.id) }

    /// What `sparkctl fixup --commits` runs: when the file sets `fixup_commits:`, its recipes
    /// (by default the three whitespace fixups) — what the daemon's fixup_commits job runs on a
    /// push of that commit, unless the daemon's own configuration sets fixup_commits —, else the
    /// pre-commit ones.
    package var forCommits: PreCommitConfiguration {
        guard let fixupCommits = file.fixupCommits else { return self }
        var configuration = self
        configuration.rules = (fixupCommits.recipes ?? Self.defaultRecipes).map { Rule(id: $0, parameters: [:]) }
        return configuration
    }

    /// Parses `.sparkd.yml`'s text (``RepositoryFile``, the daemon's parser too); `file` names it
    /// in errors (`file:line:column`).
    package static func parse(_ text: String, file: String) throws(RecipeError) -> PreCommitConfiguration {
        PreCommitConfiguration(file: try RepositoryFile.parse(text, file: file))
    }
}
