package import Recipes

/// What must hold for a file's change before anything is committed:
/// 1. it is a change — an output byte-for-byte equal to the input is dropped (callers check
///    that first, it is the cheapest);
/// 2. every recipe run again on the output changes nothing (OpenRewrite's rule);
/// 3. a file that parsed before still parses, for every ``SourceValidator`` that judges it.
package struct VerificationGate: Sendable {
    package var validators: [any SourceValidator]

    package init(validators: [any SourceValidator]) { self.validators = validators }

    package enum Failure: Sendable, Equatable {
        /// Recipe `recipe` changed its own output again.
        case notIdempotent(recipe: String)
        /// The file parsed before the change and does not after it.
        case breaksParse(validator: String)
    }

    /// The first rule `output` breaks, or nil. `original` is nil for a file the job creates.
    package func check(path: String, original: [UInt8]?, output: [UInt8], plans: [RecipePlan]) -> Failure? {
        if let plan = plans.first(where: { $0.recipe.hasFileSteps && $0.apply(path: path, contents: output).changed }) {
            return .notIdempotent(recipe: plan.recipe.recipe.id)
        }
        guard let original else { return nil }
        for validator in validators where validator.applies(to: path) {
            if validator.parses(original, path: path), !validator.parses(output, path: path) {
                return .breaksParse(validator: validator.name)
            }
        }
        return nil
    }
}
