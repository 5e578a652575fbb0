import Recipes

/// A recipe parsed from YAML in a test, with the usual header filled in.
func recipe(
    _ body: String, id: String = "test/r", file: String = "r.yml", sources: [String: String] = [:]
) throws(RecipeError) -> Recipe {
    try RecipeLoader.parse(
        "id: \(id)\nversion: 1.0.0\ntitle: T\n" + body, file: file, readSource: { sources[$0] })
}

/// The error parsing `body` (after a three-line header) throws, or nil.
func loadError(_ body: String, sources: [String: String] = [:]) -> RecipeError? {
    do {
        _ = try recipe(body, sources: sources)
        return nil
    } catch {
        return error
    }
}
