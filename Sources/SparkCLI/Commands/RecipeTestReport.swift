internal import Diagnostics
internal import Recipes

/// What `sparkctl recipe test` prints: per case `PASS id case`, `FAIL id case` or `ERROR id case`
/// with the reasons indented below, `NONE id` for a recipe without cases, and last the line
/// `N passed, N failed` (a case that could not run counts as failed). Under `--json`, the same as
/// one document.
struct RecipeTestReport: Encodable {
    struct Case: Encodable {
        var recipe: String
        var `case`: String
        var directory: String
        var status: FixtureResult.Status
        var failures: [FixtureResult.Failure]
        /// Why the case could not run, in the shape of sparkctl's `--json` errors.
        var error: ErrorReport.Body?
        /// The same error as sparkctl prints it.
        var errorText: String?

        enum CodingKeys: String, CodingKey { case recipe, `case`, directory, status, failures, error }
    }

    var cases: [Case]
    var recipesWithoutCases: [String]
    var passed: Int
    var failed: Int
    var summary: String

    enum CodingKeys: String, CodingKey {
        case cases, passed, failed, summary
        case recipesWithoutCases = "recipes_without_cases"
    }

    init(results: [FixtureResult], withoutCases: [String]) {
        cases = results.map { result in
            Case(
                recipe: result.recipeID, case: result.caseName, directory: result.directory, status: result.status,
                failures: result.failures, error: result.error.map { ErrorReport.body($0) },
                errorText: result.error?.description)
        }
        recipesWithoutCases = withoutCases
        passed = results.filter { $0.status == .passed }.count
        failed = results.count - passed
        summary = "\(passed) passed, \(failed) failed"
    }

    /// The human report; the last line is ``summary``.
    var lines: [String] {
        var lines: [String] = []
        for item in cases {
            switch item.status {
            case .passed: lines.append("PASS \(item.recipe) \(item.case)")
            case .failed: lines.append("FAIL \(item.recipe) \(item.case)")
            case .error: lines.append("ERROR \(item.recipe) \(item.case)")
            }
            let reasons = item.failures.map(\.message) + (item.errorText.map { [$0] } ?? [])
            for reason in reasons {
                lines += reason.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
            }
        }
        lines += recipesWithoutCases.map { "NONE \($0) (no fixture cases)" }
        lines.append(summary)
        return lines
    }
}
