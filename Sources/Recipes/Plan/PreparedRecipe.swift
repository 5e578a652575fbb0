/// A recipe ready to run: parameters bound to values, every text rendered, every
/// pattern compiled, included recipes resolved (recursively).
///
/// ```swift
/// let prepared = try PreparedRecipe(recipe, parameters: ["holder": "Acme"], catalog: catalog)
/// let plan = try prepared.plan(for: workspace)
/// for path in workspace.paths where plan.selection(path: path, size: size(path)) == .selected { … plan.apply(…) }
/// ```
package struct PreparedRecipe: Sendable {
    package let recipe: Recipe
    /// Every parameter's value: given, defaulted, or built in (`year`).
    package let parameters: [String: ParameterValue]
    let steps: [PreparedStep]
    /// nil: every file.
    let languages: Set<SourceLanguage>?

    /// Binds `parameters` (`--param` strings, converted to the declared types) and
    /// resolves includes in `catalog`. `year` replaces the current year as the default
    /// of the built-in `year` (for reproducible tests).
    package init(
        _ recipe: Recipe, parameters: [String: String] = [:], catalog: RecipeCatalog = RecipeCatalog(recipes: []),
        year: Int? = nil
    ) throws(RecipeError) {
        try self.init(
            recipe, strings: parameters, catalog: catalog, year: year ?? ParameterBinding.currentYear(), chain: [],
            location: nil, entries: [:])
    }

    private init(
        _ recipe: Recipe, strings: [String: String], catalog: RecipeCatalog, year: Int, chain: [String],
        location: RecipeLocation?, entries: [String: RecipeLocation]
    ) throws(RecipeError) {
        self.recipe = recipe
        let values = try ParameterBinding.bind(strings, for: recipe, year: year, location: location, entries: entries)
        parameters = values
        languages = recipe.languages.contains("*") ? nil : Set(recipe.languages.compactMap(SourceLanguage.init(name:)))
        var steps: [PreparedStep] = []
        for step in recipe.steps {
            steps.append(
                try Self.prepare(step, recipe: recipe, values: values, catalog: catalog, chain: chain + [recipe.id]))
        }
        self.steps = steps
    }

    private static func prepare(
        _ step: Step, recipe: Recipe, values: [String: ParameterValue], catalog: RecipeCatalog, chain: [String]
    ) throws(RecipeError) -> PreparedStep {
        switch step {
        case .fix(let fix):
            guard fix.needsBinding else { return .fix(fix.configuration) }
            return .fix(
                try FixerConfiguration(
                    fix.fixer, arguments: fix.arguments, parameters: values, context: step.displayName))
        case .regex(let regex):
            let pattern = regex.pattern.render(values)
            let compiled: RegexPattern
            do {
                compiled = try RegexPattern(pattern, flags: regex.flags)
            } catch {
                throw RecipeError(
                    .invalidRegex, "pattern '\(pattern)' (with parameters substituted): \(error.message)",
                    location: regex.pattern.location ?? regex.location, key: "pattern")
            }
            let text = regex.replacement.render(values)
            let replacement: Replacement
            do {
                replacement = try Replacement(text)
            } catch {
                throw RecipeError(
                    .invalidRegex, "replacement '\(text)' (with parameters substituted): \(error.message)",
                    location: regex.replacement.location ?? regex.location, key: "replace",
                    hint: "a parameter value with '$' must write it '$$'")
            }
            if let problem = replacement.missingGroup(in: compiled) {
                throw RecipeError(
                    .invalidRegex, problem, location: regex.replacement.location ?? regex.location, key: "replace")
            }
            return .regex(compiled, replacement)
        case .rewrite(let rewrite):
            return .rewrite(try rewrite.rule(values))
        case .swift(let swift):
            return .swift(try swift.makeRewriter(values))
        case .template(let template):
            let path = template.path.render(values)
            if let problem = RepositoryPath.problem(path) {
                throw RecipeError(
                    .pathOutsideRepository, "template path: \(problem)",
                    location: template.path.location ?? template.location, key: "path",
                    hint: "write a path relative to the repository root; check the parameter values it uses")
            }
            return .template(
                PreparedTemplate(
                    path: path, bytes: Array(template.content.render(values).utf8), mode: template.mode,
                    location: template.path.location ?? template.location))
        case .include(let include):
            if let start = chain.firstIndex(of: include.recipeID) {
                let cycle = chain[start...] + [include.recipeID]
                throw RecipeError(
                    .includeCycle, "include cycle: \(cycle.joined(separator: " → "))", location: include.location,
                    key: include.recipeID, hint: "remove one of the includes in the chain")
            }
            let included: Recipe
            do {
                included = try catalog.recipe(include.recipeID)
            } catch {
                throw RecipeError(
                    .unknownRecipe, "\(step.displayName): \(error.message)", location: include.location,
                    key: include.recipeID, hint: error.hint)
            }
            var strings: [String: String] = [:]
            var entries: [String: RecipeLocation] = [:]
            for argument in include.arguments {
                strings[argument.name] = argument.value.render(values)
                entries[argument.name] = argument.location
            }
            // The built-in year carries over unless the include sets it.
            if strings[ParameterDeclaration.yearName] == nil, case .int(let year)? = values[ParameterDeclaration.yearName] {
                strings[ParameterDeclaration.yearName] = String(year)
            }
            let year = Int(strings[ParameterDeclaration.yearName] ?? "") ?? ParameterBinding.currentYear()
            return .include(
                try PreparedRecipe(
                    included, strings: strings, catalog: catalog, year: year, chain: chain,
                    location: include.location, entries: entries))
        }
    }

    /// Whether some step (included ones too) works on bytes rather than text, so the
    /// recipe has something to do on content that is not UTF-8.
    var worksOnBytes: Bool {
        steps.contains { step in
            switch step {
            case .include(let included): included.worksOnBytes
            case .template: false
            default: !step.requiresText
            }
        }
    }

    /// Every recipe in the include tree, this one first.
    var includedRecipes: [PreparedRecipe] {
        [self]
            + steps.flatMap { step -> [PreparedRecipe] in
                if case .include(let included) = step { return included.includedRecipes }
                return []
            }
    }
}
