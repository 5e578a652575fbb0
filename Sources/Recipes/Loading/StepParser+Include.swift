internal import Yams

extension StepParser {
    /// `include: RECIPE-ID` with optional `with: { parameter: value }`. Whether the
    /// recipe exists, takes these parameters and forms no cycle is checked against a
    /// catalog (`RecipeCatalog.validate()`, `PreparedRecipe`).
    func includeStep(_ value: Node, options: Node?, step: StepContext) throws(RecipeError) -> IncludeStep {
        let id = try reader.nonEmptyString(value, key: "include", in: step.context)
        guard RecipeParser.isValidID(id) else {
            throw reader.error(
                .invalidValue, "'\(id)' is not a recipe id", at: value, key: "include",
                hint: "name the included recipe by id, e.g. 'include: fixup/trailing-whitespace'")
        }
        var arguments: [IncludeStep.Argument] = []
        if let options {
            let entries = try reader.entries(
                of: options, in: "'with' of \(step.context)", valid: nil,
                expected: "a mapping of the included recipe's parameters, e.g. 'with: { holder: Me }'")
            for entry in entries {
                let raw = try reader.string(entry.value, key: entry.key, in: "'with' of \(step.context)")
                arguments.append(
                    IncludeStep.Argument(
                        name: entry.key, value: try text(raw, at: entry.value, key: entry.key),
                        location: reader.location(of: entry.keyNode)))
            }
        }
        return IncludeStep(recipeID: id, arguments: arguments, name: step.name, location: step.location)
    }
}
