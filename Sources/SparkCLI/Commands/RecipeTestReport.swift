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
        var error: CaseError?
    }

    struct CaseError: Encodable {
        var code: String
        var message: String
        var subject: String?
        var hint: String?
        /// The error as sparkctl prints it; the JSON document has its parts.
        var text: String

        enum CodingKeys: String, CodingKey { case code, message, subject, hint }
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
                failures: result.failures,
                error: result.error.map {
                    CaseError(code: $0.code.rawValue, message: $0.message, subject: $0.location, hint: $0.hint, text: $0.description)
                })
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
            let reasons = item.failures.map(\.message) + (item.error.map { [$0.text] } ?? [])
            for reason in reasons {
                lines += reason.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
            }
        }
        lines += recipesWithoutCases.map { "NONE \($0) (no fixture cases)" }
        lines.append(summary)
        return lines
    }
}
