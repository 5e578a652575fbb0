internal import Recipes
internal import Synchronization

/// What every batch of a job shares: the recipes' plans and request planners, the dispatcher
/// over the backend's session pool, the verification gate, and the request counter (requests are
/// numbered in snapshot order, then recipe order: batches run one at a time).
final class EngineContext: Sendable {
    let plans: [RecipePlan]
    let planners: [RequestPlanner]
    let instructions: [String]
    let dispatcher: RequestDispatcher
    let gate: VerificationGate
    private let counter = Mutex(0)

    init(plans: [RecipePlan], pool: SessionPool, gate: VerificationGate) {
        self.plans = plans
        instructions = plans.map { Self.instructions(for: $0.recipe.recipe) }
        planners = plans.map { plan in
            RequestPlanner(
                window: pool.backend.contextWindow, instructions: Self.instructions(for: plan.recipe.recipe),
                lineLocal: LineLocality.isLineLocal(plan.recipe.recipe))
        }
        dispatcher = RequestDispatcher(pool: pool)
        self.gate = gate
    }

    func nextRequestID() -> RequestID {
        counter.withLock { value in
            defer { value += 1 }
            return RequestID(value)
        }
    }

    /// What a request of `recipe` tells the model besides the files: the recipe and its steps.
    static func instructions(for recipe: Recipe) -> String {
        var text = "Apply recipe \(recipe.reference): \(recipe.title)."
        if let description = recipe.description { text += " " + description }
        text += " Steps: " + recipe.steps.map(\.displayName).joined(separator: "; ") + "."
        return text
    }
}
