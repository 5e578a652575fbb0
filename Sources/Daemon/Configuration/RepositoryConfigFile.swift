import Foundation
package import GitKit
package import Recipes

/// A repository's own `.sparkd.yml`, read from the watched branch's tip commit through libgit2
/// (never from the working tree): versioned with the code it changes, it adds recipes and their
/// triggers, and may ask for `fixup_commits` (`version: 1`, `recipes: [...]`, `fixup_commits:
/// {...}` in the daemon configuration's shape).
package struct RepositoryConfigFile: Sendable, Hashable {
    package static let path = RepositoryFile.path
    package var recipes: [RecipeRule]
    package var fixupCommits: FixupCommitsSetting?

    /// The file in `tip`, the tip of `branch`, or nil when the commit has none (only that path is
    /// looked up: this runs on every push). `triggers` are the names `on:` accepts. Errors are
    /// named `<repository>@<branch>:.sparkd.yml:line:column`.
    package static func read(
        from repository: Repository, branch: String, tip: ObjectID, triggers: [String]
    ) throws(RecipeError) -> RepositoryConfigFile? {
        let name = "\(repository.path)@\(branch):\(path)"
        do {
            guard let entry = try repository.entry(at: path, in: tip) else { return nil }
            let bytes = try repository.contents(of: entry)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw RecipeError(
                    .syntax, "\(path) is not valid UTF-8", file: name, hint: "save it as UTF-8",
                    repository: repository.path)
            }
            return try parse(text, file: name, triggers: triggers)
        } catch let error as RecipeError {
            var error = error
            error.repository = repository.path
            throw error
        } catch {
            throw RecipeError(
                .repositoryUnavailable, "cannot read \(path) of '\(repository.path)' at '\(branch)': \(error)",
                hint: "check that the repository is readable and not corrupt (git fsck)", repository: repository.path)
        }
    }

    /// Parses the file's YAML (``RepositoryFile``, the hook's parser too); `file` names it in
    /// errors. Its `hook:` settings and the rules `on: [pre-commit]` are the hook's
    /// (`sparkctl fixup --staged`): checked here, never run by the daemon.
    package static func parse(_ text: String, file: String, triggers: [String]) throws(RecipeError) -> RepositoryConfigFile {
        let parsed = try RepositoryFile.parse(text, file: file)
        var rules: [RecipeRule] = []
        for entry in parsed.rules { rules.append(try RecipeRuleParser.rule(entry, triggers: triggers + [Trigger.preCommit])) }
        return RepositoryConfigFile(recipes: rules, fixupCommits: parsed.fixupCommits.map(FixupCommitsSetting.init))
    }
}
