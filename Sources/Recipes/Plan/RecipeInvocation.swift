/// The recipes a command names, loaded with what they include, and the `--param` values routed to
/// each (``ParameterRouting``).
package struct RecipeInvocation {
    package var recipes: [Recipe]
    package var parameters: [[String: String]]
    package var catalog: RecipeCatalog

    package init(ids: [String], parameters: [ParameterAssignment], recipeDirectories: [String]) throws(RecipeError) {
        // Only the named recipes and what they include are read: a broken file elsewhere cannot get
        // in the way (and a hook stays fast).
        let catalog = try RecipeCatalog.loading(ids, directories: try RecipeCatalog.standardDirectories(recipeDirectories))
        let recipes = try ids.map { id throws(RecipeError) in try catalog.recipe(id) }
        self.parameters = try ParameterRouting.route(parameters, to: recipes)
        self.recipes = recipes
        self.catalog = catalog
    }

    /// Every recipe prepared once (parameters bound, includes resolved).
    package func prepared() throws(RecipeError) -> [PreparedRecipe] {
        try RecipePreparation.prepare(recipes, parameters: parameters, catalog: catalog)
    }
}
