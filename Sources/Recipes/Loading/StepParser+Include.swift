internal import Yams

extension StepParser {
    /// `include: RECIPE-ID` with optional `with: { parameter: value }`. Whether the
    /// recipe exists, takes these parameters and forms no cycle is checked against a
    /// catalog (`RecipeCatalog.validate()`, `PreparedRecipe`).
    func includeStep(_ value: Node, options: Node?, step: StepContext) throws(RecipeError) -> IncludeStep {
        let id = try reader.nonEmptyString(value, key: "include", in: step.context)
        if let suggestion = Self.id(forRecipePath: id) {
            throw reader.error(
                .invalidValue, "'\(id)' is a recipe file, not a recipe id; did you mean '\(suggestion)'?", at: value,
                key: "include", hint: "name the included recipe by its id: its path in the catalog, without '.yml'")
        }
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

    /// The id that `path` probably means when it is written as a recipe file
    /// (`recipes/fixup/end-of-file.yml`, `.sparkd/recipes/x.yml` → `fixup/end-of-file`, `x`),
    /// or nil when it does not end in `.yml` or `.yaml`.
    static func id(forRecipePath path: String) -> String? {
        guard let suffix = [RecipeLoader.fileExtension, ".yaml"].first(where: { path.hasSuffix($0) }) else { return nil }
        var parts = path.dropLast(suffix.count).split(separator: "/")
        if let catalog = parts.lastIndex(of: "recipes") { parts = Array(parts[(catalog + 1)...]) }
        parts.removeAll { $0 == "." || $0 == ".." }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}
