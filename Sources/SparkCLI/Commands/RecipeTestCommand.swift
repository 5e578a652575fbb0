internal import ArgumentParser
internal import Recipes

/// `sparkctl recipe test [ID|PATH…]`: run recipes' fixture cases, each followed by the idempotence
/// check, one line per case, and a last line `N passed, N failed`.
///
/// Exit 0 when every case passes, 1 when any fails, 2 when the input is bad: an unknown id, a
/// named recipe without cases, or a case that cannot run (unreadable directory, bad `params.yml`,
/// a parameter the recipe does not declare). A case that cannot run is printed as `ERROR` and
/// counted as failed; the other cases still run.
struct RecipeTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Run recipes' fixture cases and check that they are idempotent.",
        discussion: """
            Each case is a directory <recipe>.tests/<case>/ with before/ (the tree the recipe runs on), \
            optional after/ (the expected tree; absent: nothing may change) and optional params.yml \
            (parameter values). The recipe's output must equal the expected tree, and the recipe run \
            again on its output must change nothing. Without arguments, every recipe in the catalog \
            is tested; recipes without cases are listed as 'NONE' and not counted.
            """)

    @Argument(help: "Recipe ids, recipe files (.yml), .tests directories or case directories. Default: every recipe.")
    var targets: [String] = []

    @OptionGroup var options: CatalogOptions

    func run() async throws {
        let catalog: RecipeCatalog
        let suites: [FixtureSuite]
        do {
            catalog = try RecipeCatalog.standard(extraDirectories: options.recipeDirectories)
            if targets.isEmpty {
                suites = try FixtureSuite.all(in: catalog)
            } else {
                suites = try targets.map { target throws(RecipeError) in try FixtureSuite.resolve(target, in: catalog) }
            }
        } catch {
            throw ErrorReport.exit(for: error, json: options.json)
        }
        let runner = FixtureRunner(catalog: catalog)
        var results = suites.flatMap { suite in suite.caseDirectories.map { runner.run(caseAt: $0, of: suite.recipe) } }
        if targets.isEmpty {
            // Testing the whole catalog: a recipe file that does not load is a failure of the
            // catalog, not just a warning.
            results += catalog.brokenRecipes.map { id, error in
                FixtureResult(recipeID: id, caseName: "(recipe does not load)", directory: error.file ?? id, error: error)
            }
        }
        let withoutCases = suites.filter(\.caseDirectories.isEmpty).map(\.recipe.id)
        let report = RecipeTestReport(results: results, withoutCases: withoutCases)
        if options.json {
            try JSONOutput.print(report)
        } else {
            print(report.lines.joined(separator: "\n"))
        }
        if results.contains(where: { $0.status == .error }) { throw ExitCode(ExitStatus.usage) }
        if report.failed > 0 { throw ExitCode(ExitStatus.failure) }
    }
}
