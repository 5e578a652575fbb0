/// Which recipe of a job gets which `--param`: a scoped assignment
/// (`RECIPE:NAME=VALUE`) goes to its recipe; an unscoped one to every recipe that
/// declares the name (the built-in `year`: to all). With one recipe an unscoped
/// assignment always goes to it, so that binding reports an unknown name with the
/// recipe's own parameters. With several, a name no recipe declares is an error
/// naming the recipes. Later assignments of the same name win. Types are checked
/// later, when each recipe is prepared (``PreparedRecipe``).
package enum ParameterRouting {
    /// The parameter strings for each of `recipes`, in their order.
    package static func route(
        _ assignments: [ParameterAssignment], to recipes: [Recipe]
    ) throws(RecipeError) -> [[String: String]] {
        var routed = Array(repeating: [String: String](), count: recipes.count)
        for assignment in assignments {
            if let id = assignment.recipeID {
                guard let index = recipes.firstIndex(where: { $0.id == id }) else {
                    throw RecipeError(
                        .unknownParameter,
                        "--param \(id):\(assignment.name)=…: '\(id)' is not one of this job's recipes ("
                            + recipes.map(\.id).joined(separator: ", ") + ")",
                        key: assignment.name, hint: "scope the parameter to one of the recipes given with --recipe")
                }
                routed[index][assignment.name] = assignment.value
                continue
            }
            let targets = recipes.indices.filter { index in
                recipes.count == 1 || assignment.name == ParameterDeclaration.yearName
                    || recipes[index].parameter(assignment.name) != nil
            }
            guard !targets.isEmpty else { throw undeclared(assignment.name, recipes: recipes) }
            for index in targets { routed[index][assignment.name] = assignment.value }
        }
        return routed
    }

    private static func undeclared(_ name: String, recipes: [Recipe]) -> RecipeError {
        let declared = recipes.flatMap { recipe in recipe.parameters.map { "\(recipe.id):\($0.name)" } }
        let names = Array(Set(recipes.flatMap { $0.parameters.map(\.name) })).sorted()
        var message =
            "no recipe of this job declares parameter '\(name)' (recipes: "
            + recipes.map(\.id).joined(separator: ", ") + ")"
        if let near = Suggestions.nearest(to: name, in: names).first { message += "; did you mean '\(near)'?" }
        return RecipeError(
            .unknownParameter, message, key: name,
            hint: declared.isEmpty
                ? "these recipes declare no parameters (built in: \(ParameterDeclaration.builtinNames.joined(separator: ", ")))"
                : "declared: \(declared.joined(separator: ", "))")
    }
}
