/// Prepares a job's recipes once each: parameters bound (converted to their declared types),
/// includes resolved in the catalog, patterns compiled.
package enum RecipePreparation {
    /// `recipes` prepared with `parameters[i]` for `recipes[i]` (missing entries: none given).
    /// A binding error about a command-line value, which has no position of its own, points at the
    /// parameter's declaration in the recipe file (or at the file), so the user sees what it
    /// accepts.
    package static func prepare(
        _ recipes: [Recipe], parameters: [[String: String]], catalog: RecipeCatalog, year: Int? = nil
    ) throws(RecipeError) -> [PreparedRecipe] {
        var prepared: [PreparedRecipe] = []
        prepared.reserveCapacity(recipes.count)
        for (index, recipe) in recipes.enumerated() {
            let strings = index < parameters.count ? parameters[index] : [:]
            do {
                prepared.append(try PreparedRecipe(recipe, parameters: strings, catalog: catalog, year: year))
            } catch {
                throw locating(error, in: recipe)
            }
        }
        return prepared
    }

    static func locating(_ error: RecipeError, in recipe: Recipe) -> RecipeError {
        guard error.file == nil else { return error }
        var located = error
        if let key = error.key, let location = recipe.parameter(key)?.location {
            located.file = location.file
            located.line = location.line
            located.column = location.column
        } else {
            located.file = recipe.source
        }
        return located
    }
}
