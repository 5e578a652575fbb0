import Foundation

/// Every recipe found in an ordered list of directories, by id.
///
/// Each directory is searched recursively for `*.yml` files; directories named
/// `*.tests` (recipe fixtures) and hidden entries are skipped. A recipe's id must
/// equal its path under the directory it was found in, so ids are unique within a
/// directory. When several directories hold the same id, the **later directory
/// wins**: list built-in recipes first and a repository's `.sparkd/recipes` after
/// them, and the repository's version overrides the built-in one.
package struct RecipeCatalog: Sendable {
    /// Every recipe, sorted by id.
    package let recipes: [Recipe]
    private let byID: [String: Recipe]
    /// Recipe files that did not load, by the id their path gives them (only in a
    /// catalog made with ``tolerant(directories:)`` or ``loading(_:directories:)``):
    /// ``recipe(_:)`` throws the file's own error for these ids.
    var broken: [String: RecipeError] = [:]

    /// Loads every recipe in `directories`; later directories override earlier
    /// ones. Throws the first error in directory order, then path order.
    package init(directories: [String]) throws(RecipeError) {
        var loaded: [Recipe] = []
        for directory in directories {
            for file in try Self.recipeFiles(in: directory) {
                loaded.append(try RecipeLoader.load(file: file, catalogRoot: directory))
            }
        }
        self.init(recipes: loaded)
    }

    /// A catalog of `recipes` (e.g. parsed from a git snapshot); of several with
    /// the same id, the last one wins.
    package init(recipes: [Recipe]) {
        var byID: [String: Recipe] = [:]
        for recipe in recipes { byID[recipe.id] = recipe }
        self.byID = byID
        self.recipes = byID.values.sorted { $0.id < $1.id }
    }

    /// The errors of the recipe files that did not load, in id order (empty for a
    /// catalog made with ``init(directories:)``, which throws instead).
    package var problems: [RecipeError] {
        brokenRecipes.map(\.error)
    }

    /// The ids whose recipe files did not load, with their errors, in id order.
    package var brokenRecipes: [(id: String, error: RecipeError)] {
        broken.keys.sorted().map { ($0, broken[$0]!) }
    }

    /// Every id, sorted.
    package var ids: [String] { recipes.map(\.id) }

    /// The recipe with `id`; throws `unknownRecipe` naming the nearest ids.
    package func recipe(_ id: String) throws(RecipeError) -> Recipe {
        if let recipe = byID[id] { return recipe }
        if let error = broken[id] { throw error }
        let suggestions = nearestIDs(to: id)
        let message =
            suggestions.isEmpty
            ? "unknown recipe '\(id)'" : "unknown recipe '\(id)'; did you mean \(Suggestions.list(suggestions))?"
        throw RecipeError(
            .unknownRecipe, message, key: id,
            hint: "run 'sparkctl recipe list' to see the \(recipes.count) available recipes")
    }

    /// Ids whose last segment equals that of `id` (a missing group), then ids
    /// within a small edit distance; at most three.
    private func nearestIDs(to id: String) -> [String] {
        let name = id.split(separator: "/").last.map(String.init) ?? id
        var found = ids.filter { $0.split(separator: "/").last.map(String.init) == name }
        for candidate in Suggestions.nearest(to: id, in: ids, limit: 3) where !found.contains(candidate) {
            found.append(candidate)
        }
        return Array(found.prefix(3))
    }

    /// The `*.yml` files under `directory`, recursively and sorted, skipping
    /// `*.tests` directories and hidden entries. Symbolic links to files are
    /// followed; symbolic links to directories are not.
    package static func recipeFiles(in directory: String) throws(RecipeError) -> [String] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RecipeError(
                .unreadable, "recipe directory '\(directory)' does not exist", file: directory,
                hint: "create the directory or remove it from the list of recipe directories")
        }
        var files: [String] = []
        var pending = [directory]
        while let current = pending.popLast() {
            let names: [String]
            do {
                names = try manager.contentsOfDirectory(atPath: current)
            } catch {
                throw RecipeError(
                    .unreadable, "cannot list recipe directory: \(error.localizedDescription)", file: current,
                    hint: "check the directory's permissions")
            }
            for name in names where !name.hasPrefix(".") {
                let path = current.hasSuffix("/") ? current + name : current + "/" + name
                let type = (try? manager.attributesOfItem(atPath: path)[.type]) as? FileAttributeType
                if type == .typeDirectory {
                    if !name.hasSuffix(".tests") { pending.append(path) }
                } else if name.hasSuffix(RecipeLoader.fileExtension) {
                    var targetIsDirectory: ObjCBool = false
                    if manager.fileExists(atPath: path, isDirectory: &targetIsDirectory), !targetIsDirectory.boolValue {
                        files.append(path)
                    }
                }
            }
        }
        return files.sorted()
    }
}
