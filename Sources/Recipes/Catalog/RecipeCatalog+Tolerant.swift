import Foundation

/// Catalogs that survive a broken recipe file: one bad file in a recipe directory
/// must not stop commands that never use it.
extension RecipeCatalog {
    /// Loads every recipe in `directories` that loads; a file that does not is kept
    /// as a problem under the id its path gives it (``problems``), and asking for
    /// that id throws the file's own error. Later directories override earlier ones,
    /// broken files included (a broken override hides the recipe it overrides).
    /// Throws only for a directory that cannot be listed.
    package static func tolerant(directories: [String]) throws(RecipeError) -> RecipeCatalog {
        var entries: [String: Result<Recipe, RecipeError>] = [:]
        for directory in directories {
            for file in try recipeFiles(in: directory) {
                let id = RecipeLoader.expectedID(forFile: file, catalogRoot: directory) ?? file
                do {
                    entries[id] = .success(try RecipeLoader.load(file: file, catalogRoot: directory))
                } catch {
                    entries[id] = .failure(error)
                }
            }
        }
        return RecipeCatalog(entries: entries)
    }

    /// Loads only the recipes `ids` and, transitively, the recipes they include: a
    /// recipe's id is its path under its directory, so each is one file lookup
    /// (`<directory>/<id>.yml`, the last directory holding it wins) and no other
    /// recipe file is read. Falls back to ``tolerant(directories:)`` when an id names
    /// no file (so that ``recipe(_:)`` can suggest the nearest ids). A file that does
    /// not load is kept as a problem: ``recipe(_:)`` throws its error.
    package static func loading(_ ids: [String], directories: [String]) throws(RecipeError) -> RecipeCatalog {
        for directory in directories { _ = try existingDirectory(directory) }
        var entries: [String: Result<Recipe, RecipeError>] = [:]
        var pending = ids
        while let id = pending.popLast() {
            guard entries[id] == nil else { continue }
            guard let (file, directory) = locate(id, in: directories) else {
                return try tolerant(directories: directories)
            }
            do {
                let recipe = try RecipeLoader.load(file: file, catalogRoot: directory)
                entries[id] = .success(recipe)
                for case .include(let include) in recipe.steps { pending.append(include.recipeID) }
            } catch {
                entries[id] = .failure(error)
            }
        }
        return RecipeCatalog(entries: entries)
    }

    private init(entries: [String: Result<Recipe, RecipeError>]) {
        var recipes: [Recipe] = []
        var broken: [String: RecipeError] = [:]
        for (id, entry) in entries {
            switch entry {
            case .success(let recipe): recipes.append(recipe)
            case .failure(let error): broken[id] = error
            }
        }
        self.init(recipes: recipes)
        self.broken = broken
    }

    /// The file of recipe `id`: `<directory>/<id>.yml` in the last directory that has
    /// it, or nil. Ids that could not be a catalog path (empty segments, `.`/`..`,
    /// hidden or `*.tests` segments, a leading `/`) name no file.
    private static func locate(_ id: String, in directories: [String]) -> (file: String, directory: String)? {
        let segments = id.split(separator: "/", omittingEmptySubsequences: false)
        guard !segments.isEmpty,
            segments.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") && !$0.hasSuffix(".tests") })
        else { return nil }
        for directory in directories.reversed() {
            let root = directory.hasSuffix("/") ? directory : directory + "/"
            let file = root + id + RecipeLoader.fileExtension
            if LocalFile.isRegularFile(file) { return (file, directory) }
        }
        return nil
    }

    private static func existingDirectory(_ directory: String) throws(RecipeError) -> String {
        guard LocalFile.isDirectory(directory) else {
            throw RecipeError(
                .unreadable, "recipe directory '\(directory)' does not exist", file: directory,
                hint: "create the directory or remove it from the list of recipe directories")
        }
        return directory
    }
}
