internal import Recipes
internal import SparkEngine

/// The recipes a command names, loaded with what they include, and the `--param` values routed to
/// each (``SparkEngine/ParameterRouting``).
struct RecipeInvocation {
    var recipes: [Recipe]
    var parameters: [[String: String]]
    var catalog: RecipeCatalog

    init(ids: [String], parameters: [ParameterAssignment], recipeDirectories: [String]) throws(RecipeError) {
        let catalog = try RecipeCatalog.standard(loading: ids, extraDirectories: recipeDirectories)
        let recipes = try ids.map { id throws(RecipeError) in try catalog.recipe(id) }
        self.parameters = try ParameterRouting.route(parameters, to: recipes)
        self.recipes = recipes
        self.catalog = catalog
    }

    /// Every recipe prepared once (parameters bound, includes resolved).
    func prepared() throws(RecipeError) -> [PreparedRecipe] {
        try RecipePreparation.prepare(recipes, parameters: parameters, catalog: catalog)
    }
}
