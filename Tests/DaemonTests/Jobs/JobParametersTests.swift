import Daemon
import Recipes
import Testing

/// A job's parameters reach its recipes as `sparkctl apply --param` routes them.
@Suite struct JobParametersTests {
    let recipes: [Recipe]

    init() throws {
        let builtin = try #require(RecipeCatalog.builtinDirectory())
        let catalog = try RecipeCatalog.tolerant(directories: [builtin])
        recipes = [try catalog.recipe("license/header"), try catalog.recipe("fixup/trailing-whitespace")]
    }

    @Test func aNameGoesOnlyToTheRecipesThatDeclareIt() throws {
        let routed = try JobExecution.parameters(["holder": "Acme"], for: recipes)
        #expect(routed == [["holder": "Acme"], [:]])
    }

    @Test func aScopedNameGoesToItsRecipe() throws {
        let routed = try JobExecution.parameters(["license/header:holder": "Acme"], for: recipes)
        #expect(routed == [["holder": "Acme"], [:]])
    }

    @Test func aNameNoRecipeDeclaresIsAnError() {
        #expect(throws: RecipeError.self) { try JobExecution.parameters(["nope": "1"], for: recipes) }
    }
}
