import Foundation
import Recipes
import TestSupport

/// A catalog in a temporary directory, `recipes/test/<name>.yml` with cases under
/// `recipes/test/<name>.tests/`, for tests of the fixture runner.
struct FixtureDirectory {
    let directory: TemporaryDirectory
    var root: String { directory.path + "/recipes" }

    init() throws { directory = try TemporaryDirectory("sparkd-fixtures") }

    /// Writes recipe `test/<name>` with `body` after the id/version/title header; returns its file.
    @discardableResult
    func recipe(_ name: String, _ body: String) throws -> String {
        try directory.write("recipes/test/\(name).yml", "id: test/\(name)\nversion: 1.0.0\ntitle: T\n" + body)
    }

    /// Writes `files` (path → content) under the case's `part` (`before`, `after`).
    @discardableResult
    func write(_ recipe: String, _ name: String, _ part: String, _ files: [String: String]) throws -> String {
        for (path, text) in files { try directory.write("recipes/test/\(recipe).tests/\(name)/\(part)/\(path)", text) }
        return caseDirectory(recipe, name)
    }

    func caseDirectory(_ recipe: String, _ name: String) -> String { root + "/test/\(recipe).tests/\(name)" }

    func catalog() throws -> RecipeCatalog { try RecipeCatalog(directories: [root]) }

    /// Runs one case of `test/<recipe>`.
    func run(_ recipe: String, _ name: String) throws -> FixtureResult {
        let catalog = try catalog()
        return FixtureRunner(catalog: catalog).run(caseAt: caseDirectory(recipe, name), of: try catalog.recipe("test/\(recipe)"))
    }
}
