internal import GitKit
package import Recipes

/// A repository's own recipes, `.sparkd/recipes/<group>/<name>.yml`, read from a commit through
/// libgit2 (never the working tree) and laid over the daemon's catalog: versioned with the code
/// they change, like `.sparkd.yml`. A file that does not load fails the job with its
/// `<repository>@<commit>:<path>:line:column` error.
enum RepositoryRecipes {
    static let directory = ".sparkd/recipes/"

    /// Where a repository keeps the recipe `id`.
    static func path(of id: String) -> String { directory + id + ".yml" }

    /// The ids of the recipes in `commit`'s `.sparkd/recipes/` (only that subtree is read).
    static func ids(in repository: Repository, commit: ObjectID) throws -> Set<String> {
        Set(try files(in: repository, commit: commit).map(id(of:)))
    }

    static func files(in repository: Repository, commit: ObjectID) throws -> [Snapshot.Entry] {
        try repository.entries(of: commit, under: String(directory.dropLast())).filter { $0.path.hasSuffix(".yml") }
    }

    static func id(of entry: Snapshot.Entry) -> String {
        String(entry.path.dropFirst(directory.count).dropLast(".yml".count))
    }

    /// `catalog` plus the recipes in `commit` of `repository`; call on the git thread.
    static func catalog(_ catalog: RecipeCatalog, repository: Repository, commit: ObjectID) throws -> RecipeCatalog {
        let files = try Self.files(in: repository, commit: commit)
        guard !files.isEmpty else { return catalog }
        var recipes = catalog.recipes
        for entry in files {
            let name = "\(repository.path)@\(String(commit.description.prefix(12))):\(entry.path)"
            let bytes = try repository.contents(of: entry)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw RecipeError(.unreadable, "recipe file is not valid UTF-8", file: name, hint: "save it as UTF-8")
            }
            recipes.append(try RecipeLoader.parse(text, file: name, expectedID: id(of: entry)))
        }
        return RecipeCatalog(recipes: recipes)
    }
}
