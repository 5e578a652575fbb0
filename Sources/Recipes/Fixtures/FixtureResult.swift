/// What running one fixture case found.
package struct FixtureResult: Sendable, Hashable {
    package enum Status: String, Sendable, Hashable, Codable {
        /// The output is the expected tree and a second run changes nothing.
        case passed = "pass"
        /// The recipe ran and did something else (``FixtureResult/failures`` says what).
        case failed = "fail"
        /// The case could not run: its directory, `params.yml` or parameter values are wrong
        /// (``FixtureResult/error``). Bad input, not a recipe failure.
        case error
    }

    /// Why a case failed, one message per difference.
    package struct Failure: Sendable, Hashable, Codable {
        package enum Kind: String, Sendable, Hashable, Codable {
            /// The output differs from `after/` (or from `before/` when no change is expected).
            case expected
            /// Run again on its own output, the recipe changes it (OpenRewrite's second cycle).
            case idempotence
            /// The recipe itself failed on this tree (e.g. a template path through a link).
            case recipe
        }

        package var kind: Kind
        package var message: String

        package init(_ kind: Kind, _ message: String) {
            self.kind = kind
            self.message = message
        }
    }

    package var recipeID: String
    /// The case directory's name.
    package var caseName: String
    package var directory: String
    package var failures: [Failure]
    package var error: RecipeError?

    package init(recipeID: String, caseName: String, directory: String, failures: [Failure] = [], error: RecipeError? = nil) {
        self.recipeID = recipeID
        self.caseName = caseName
        self.directory = directory
        self.failures = failures
        self.error = error
    }

    package var status: Status {
        if error != nil { return .error }
        return failures.isEmpty ? .passed : .failed
    }
}
