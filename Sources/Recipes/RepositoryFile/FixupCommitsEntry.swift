package import Yams

/// `fixup_commits: { base: main, recipes: [...] }` as written, in the daemon's configuration
/// (per repository) and in a repository's `.sparkd.yml`: pushes to the watched branches other
/// than `base` get `fixup!` commits for their own commits. Parsed the same way for both.
package struct FixupCommitsEntry: Sendable, Hashable {
    /// The branch the pushed work starts from.
    package var base: String
    /// The recipes to run, in order; nil when left out (the daemon's default: the three
    /// whitespace fixups).
    package var recipes: [String]?
    /// Where the mapping is written.
    package var location: RecipeLocation

    package static let keys = ["base", "recipes"]
    package static let example = "fixup_commits: { base: main }"

    /// The mapping `node`; `context` names its owner ("repository '/srv/git/app'", ".sparkd.yml").
    package static func parse(_ node: Node, in context: String, reader: YAMLReader) throws(RecipeError) -> FixupCommitsEntry {
        let here = "fixup_commits of \(context)"
        let entries = try reader.entries(of: node, in: here, valid: keys, expected: "a mapping")
        try reader.require(["base"], in: entries, of: node, context: here, example: example)
        var entry = FixupCommitsEntry(base: "", recipes: nil, location: reader.location(of: node))
        for item in entries {
            if item.key == "base" {
                entry.base = try reader.nonEmptyString(item.value, key: "base", in: here)
            } else {
                let recipes = try reader.strings(item.value, key: "recipes", in: here, allowScalar: true, example: "[fixup/trailing-whitespace]")
                guard !recipes.isEmpty else {
                    throw reader.error(
                        .invalidValue, "'recipes' of \(here) is empty", at: item.value, key: "recipes",
                        hint: "list recipe ids, or leave 'recipes' out for the three whitespace fixups")
                }
                entry.recipes = recipes.map(\.value)
            }
        }
        return entry
    }
}
