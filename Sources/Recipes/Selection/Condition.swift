/// One item of a recipe's `when:` list; every item must hold for the recipe to touch
/// a file (`repository_has`: for the recipe to run at all).
package enum Condition: Sendable, Hashable {
    /// `contains: TEXT` — the file's content contains the text (compared as bytes).
    case contains(String)
    /// `matches: REGEX` — the file's content (UTF-8) has a match.
    case matches(RegexPattern)
    /// `path: GLOB` — the file's path matches.
    case path(Glob)
    /// `repository_has: GLOB` — some file of the repository matches.
    case repositoryHas(Glob)

    /// The YAML key of each kind, in the order they are documented.
    package static let keys = ["contains", "matches", "path", "repository_has"]

    /// Whether the condition is about the repository rather than one file.
    package var isRepositoryLevel: Bool {
        if case .repositoryHas = self { return true }
        return false
    }
}
