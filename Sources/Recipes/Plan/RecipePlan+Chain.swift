/// The per-file recipes of a hook, fixup or fix run, one after the other on one file's content:
/// what `sparkctl fixup` and `sparkctl fix` do to each file they look at.
package struct RecipeChainOutcome: Sendable, Hashable {
    /// The content after every recipe.
    package var bytes: [UInt8]
    /// The ids of the recipes that changed the content, in order.
    package var recipes: [String]
    /// The first skip reason a recipe or one of its steps gave (binary, non-UTF-8, …), if any did.
    package var skipped: SkipReason?
    /// What check-only steps found, in order.
    package var findings: [Finding]
}

extension Sequence where Element == RecipePlan {
    /// Runs every plan that has per-file steps on `contents`, each on the previous one's output.
    package func applyInOrder(path: String, contents: [UInt8]) -> RecipeChainOutcome {
        var outcome = RecipeChainOutcome(bytes: contents, recipes: [], skipped: nil, findings: [])
        for plan in self where plan.recipe.hasFileSteps {
            let result = plan.apply(path: path, contents: outcome.bytes)
            outcome.skipped = outcome.skipped ?? result.skipped ?? result.steps.lazy.compactMap(\.skipped).first
            outcome.findings += result.findings
            if result.changed {
                outcome.bytes = result.bytes
                outcome.recipes.append(plan.recipe.recipe.id)
            }
        }
        return outcome
    }
}
