internal import Recipes

extension RecipeCatalog {
    /// The built-in recipes (see ``RecipeCatalog/builtinDirectory(environment:executablePath:)``)
    /// followed by `extraDirectories`, later ones overriding earlier ones.
    static func standard(extraDirectories: [String]) throws(RecipeError) -> RecipeCatalog {
        guard let builtin = builtinDirectory() else {
            throw RecipeError(
                .unreadable, "cannot find sparkd's built-in recipes next to the executable or in /usr/share/sparkd/recipes",
                hint: "set \(directoryVariable) to the recipes/ directory of a sparkd checkout")
        }
        return try RecipeCatalog(directories: [builtin] + extraDirectories)
    }
}
