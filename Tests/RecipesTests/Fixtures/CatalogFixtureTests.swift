import Foundation
import Recipes
import TestSupport
import Testing

/// Every fixture case of the shipped catalog (`recipes/<group>/<name>.tests/<case>/`), one test
/// per case so that a failure names it, plus the catalog's rules for cases and descriptions.
@Suite("Catalog fixtures", .tags(.medium))
struct CatalogFixtureTests {
    /// One case of one shipped recipe, named `id case` in test output.
    struct Case: Sendable, CustomTestStringConvertible {
        var recipeID: String
        var directory: String
        var testDescription: String { "\(recipeID) \((directory as NSString).lastPathComponent)" }
    }

    static let catalog = Result { try RecipeCatalog(directories: [ShippedRecipesTests.directory]) }

    /// Every case, found when the tests are listed; empty if the catalog does not load (which
    /// ``catalogLoadsAndEveryRecipeHasCases()`` reports).
    static let cases: [Case] = {
        guard let catalog = try? catalog.get(), let suites = try? FixtureSuite.all(in: catalog) else { return [] }
        return suites.flatMap { suite in suite.caseDirectories.map { Case(recipeID: suite.recipe.id, directory: $0) } }
    }()

    @Test(arguments: cases)
    func casePasses(_ fixture: Case) throws {
        let catalog = try Self.catalog.get()
        let result = FixtureRunner(catalog: catalog).run(caseAt: fixture.directory, of: try catalog.recipe(fixture.recipeID))
        #expect(result.error == nil, "\(result.error.map(String.init(describing:)) ?? "")")
        #expect(result.failures.isEmpty, "\(result.failures.map(\.message).joined(separator: "\n"))")
    }

    /// Issue 3's rule for the catalog: every recipe has at least three cases, one of them a case
    /// where nothing may change, and a description that says what it does and when it is not safe.
    @Test func catalogLoadsAndEveryRecipeHasCases() throws {
        let catalog = try Self.catalog.get()
        #expect(catalog.recipes.count >= 15)
        #expect(Self.cases.count >= 3 * catalog.recipes.count)
        for suite in try FixtureSuite.all(in: catalog) {
            let id = suite.recipe.id
            #expect(suite.caseDirectories.count >= 3, "\(id) has \(suite.caseDirectories.count) cases, needs 3")
            let unchanged = try suite.caseDirectories.map(FixtureCase.load(directory:)).filter { $0.expected == $0.before }
            #expect(!unchanged.isEmpty, "\(id) has no case where nothing changes")
            let description = suite.recipe.description ?? ""
            #expect(description.count >= 80, "\(id): the description must say what the recipe does")
            let lowercased = description.lowercased()
            #expect(
                lowercased.contains("not safe") || lowercased.contains("only safe"),
                "\(id): the description must say when it is NOT safe to apply")
        }
    }
}
