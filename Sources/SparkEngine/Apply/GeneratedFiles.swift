internal import GitKit
internal import Recipes

/// The files the job's template steps write, by path, attributed to the recipe (its index in the
/// job) and the top-level step that wrote them: a template of an included recipe counts for the
/// `include` step that brought it in.
struct GeneratedFiles: Sendable {
    struct Output: Sendable {
        var recipe: Int
        var step: Int
        var bytes: [UInt8]
    }

    /// Every written path's outputs, in recipe order.
    private(set) var byPath: [String: [Output]] = [:]
    /// Paths that no snapshot entry has (templates create them), sorted.
    private(set) var created: [String] = []

    init(_ plans: [RecipePlan]) {
        var created: Set<String> = []
        for (recipeIndex, plan) in plans.enumerated() {
            for file in plan.generatedFiles {
                let step = Self.stepIndex(of: file, in: plan.recipe.recipe)
                byPath[file.path, default: []].append(Output(recipe: recipeIndex, step: step, bytes: file.bytes))
                if file.action == .create, byPath[file.path]!.count == 1 { created.insert(file.path) }
            }
        }
        self.created = created.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The recipe's own template step of that name, else the include step of the recipe that
    /// wrote the file, else the first include step (the file came from a nested include).
    private static func stepIndex(of file: GeneratedFile, in recipe: Recipe) -> Int {
        if file.recipeID == recipe.id,
            let index = recipe.steps.firstIndex(where: { $0.kindKey == "template" && $0.displayName == file.stepName })
        {
            return index
        }
        var firstInclude: Int?
        for (index, step) in recipe.steps.enumerated() {
            guard case .include(let include) = step else { continue }
            if include.recipeID == file.recipeID { return index }
            firstInclude = firstInclude ?? index
        }
        return firstInclude ?? 0
    }
}
