import Foundation

extension FixtureSuite {
    /// The cases one argument of `sparkctl recipe test` names:
    ///
    /// - a recipe file (`recipes/go/interface-to-any.yml`): all its cases;
    /// - a `.tests` directory: all cases of the recipe file beside it;
    /// - a case directory (`…/interface-to-any.tests/generics/`): that case;
    /// - otherwise a recipe id from `catalog` (`go/interface-to-any`): all its cases.
    ///
    /// A recipe file is loaded as it is on disk, so a recipe being edited can be tested before it
    /// is in a catalog; its includes still come from `catalog`. Throws `unknownRecipe` (with the
    /// nearest ids) for an unknown id, and `missingKey` for a recipe that has no fixture case:
    /// asked for by name, having none is an error, not a pass.
    package static func resolve(_ argument: String, in catalog: RecipeCatalog) throws(RecipeError) -> FixtureSuite {
        var path = argument
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        let manager = FileManager.default
        let suite: FixtureSuite
        if isDirectory(path) {
            let parent = (path as NSString).deletingLastPathComponent
            if path.hasSuffix(directorySuffix) {
                suite = try FixtureSuite(recipe: try recipe(forTestsDirectory: path, named: argument))
            } else if parent.hasSuffix(directorySuffix) {
                suite = FixtureSuite(
                    recipe: try recipe(forTestsDirectory: parent, named: argument), testsDirectory: parent,
                    caseDirectories: [path])
            } else {
                throw RecipeError(
                    .invalidValue, "a directory, but not a recipe's .tests directory or a case in one",
                    file: argument,
                    hint: "give a recipe id, a recipe file (.yml), its .tests directory or one case directory in it")
            }
        } else if manager.fileExists(atPath: path) {
            guard path.hasSuffix(RecipeLoader.fileExtension) else {
                throw RecipeError(
                    .invalidValue, "not a recipe file (.yml)", file: argument,
                    hint: "give a recipe id, a recipe file (.yml), its .tests directory or one case directory in it")
            }
            suite = try FixtureSuite(recipe: try RecipeLoader.load(file: path, catalogRoot: RecipeCatalog.root(of: path)))
        } else if path.hasSuffix(RecipeLoader.fileExtension) || path.contains(directorySuffix + "/")
            || path.hasSuffix(directorySuffix)
        {
            throw RecipeError(
                .unreadable, "no such file or directory", file: argument,
                hint: "check the path; recipe ids are written without .yml, e.g. fixup/end-of-file")
        } else {
            suite = try FixtureSuite(recipe: try catalog.recipe(path))
        }
        guard !suite.caseDirectories.isEmpty else {
            let expected = suite.recipe.source.flatMap(testsDirectory(ofRecipeFile:)) ?? "<recipe>.tests"
            throw RecipeError(
                .missingKey, "recipe '\(suite.recipe.id)' has no fixture cases", file: suite.recipe.source,
                hint: "add cases as \(expected)/<case>/before/ (and after/ when the recipe should change something)")
        }
        return suite
    }

    /// The recipe whose file sits beside the `.tests` directory `directory`.
    private static func recipe(forTestsDirectory directory: String, named argument: String) throws(RecipeError) -> Recipe {
        let file = recipeFile(ofTestsDirectory: directory)
        guard FileManager.default.fileExists(atPath: file) else {
            throw RecipeError(
                .unreadable, "no recipe beside it: '\(file)' does not exist", file: argument,
                hint: "a recipe's fixtures live next to its file: <name>.yml and <name>.tests/")
        }
        return try RecipeLoader.load(file: file, catalogRoot: RecipeCatalog.root(of: file))
    }
}
