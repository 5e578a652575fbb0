import Foundation

/// Runs fixture cases the way OpenRewrite's `RewriteTest` does: the recipe on `before/` must
/// produce `after/` (or nothing may change), and the recipe on its own output must change nothing.
///
/// ```swift
/// let runner = FixtureRunner(catalog: catalog)
/// let result = runner.run(try FixtureCase.load(directory: dir), of: recipe)
/// ```
package struct FixtureRunner: Sendable {
    /// The built-in `year` of every case that does not set it in `params.yml`, so that fixtures
    /// give the same result in every year.
    package static let defaultYear = 2025

    /// Resolves the recipes' includes.
    package var catalog: RecipeCatalog
    package var year: Int

    package init(catalog: RecipeCatalog, year: Int = FixtureRunner.defaultYear) {
        self.catalog = catalog
        self.year = year
    }

    /// Runs `fixture` with `recipe`.
    package func run(_ fixture: FixtureCase, of recipe: Recipe) -> FixtureResult {
        var result = FixtureResult(recipeID: recipe.id, caseName: fixture.name, directory: fixture.directory)
        let prepared: PreparedRecipe
        do {
            prepared = try PreparedRecipe(recipe, parameters: fixture.parameters.values, catalog: catalog, year: year)
        } catch {
            result.error = fixture.parameters.locate(error)
            return result
        }
        let output: FileTree
        do {
            output = try fixture.before.applying(prepared)
        } catch {
            result.failures.append(.init(.recipe, "the recipe failed on before/: \(error)"))
            return result
        }
        for message in TreeDifference.messages(expected: fixture.expected, actual: output) {
            result.failures.append(.init(.expected, message))
        }
        do {
            let again = try output.applying(prepared)
            for message in TreeDifference.messages(expected: output, actual: again) {
                result.failures.append(
                    .init(.idempotence, "not idempotent: run again on its own output, the recipe changes \(message)"))
            }
        } catch {
            result.failures.append(.init(.idempotence, "not idempotent: run again on its own output, the recipe fails: \(error)"))
        }
        return result
    }

    /// Loads the case in `directory` and runs it; a case that cannot be read is an `.error` result.
    package func run(caseAt directory: String, of recipe: Recipe) -> FixtureResult {
        do {
            return run(try FixtureCase.load(directory: directory), of: recipe)
        } catch {
            return FixtureResult(
                recipeID: recipe.id, caseName: (directory as NSString).lastPathComponent, directory: directory,
                error: error)
        }
    }
}
