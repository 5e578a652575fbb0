import Foundation

/// The fixture cases of one recipe: the directories under `<recipe file without .yml>.tests/`
/// (`recipes/go/interface-to-any.yml` → `recipes/go/interface-to-any.tests/<case>/`), or a chosen
/// few of them.
package struct FixtureSuite: Sendable {
    package static let directorySuffix = ".tests"

    package var recipe: Recipe
    /// The `.tests` directory, or nil when the recipe has no file or no such directory.
    package var testsDirectory: String?
    /// Case directories in name order; empty when the recipe has no fixtures.
    package var caseDirectories: [String]

    package init(recipe: Recipe, testsDirectory: String?, caseDirectories: [String]) {
        self.recipe = recipe
        self.testsDirectory = testsDirectory
        self.caseDirectories = caseDirectories
    }

    /// Every case of `recipe`.
    package init(recipe: Recipe) throws(RecipeError) {
        let directory = recipe.source.flatMap(Self.testsDirectory(ofRecipeFile:))
        let exists = directory.map(Self.isDirectory) ?? false
        self.init(
            recipe: recipe, testsDirectory: exists ? directory : nil,
            caseDirectories: exists ? try Self.caseDirectories(in: directory!) : [])
    }

    /// Every recipe of `catalog`, with its cases (none for a recipe without fixtures).
    package static func all(in catalog: RecipeCatalog) throws(RecipeError) -> [FixtureSuite] {
        var suites: [FixtureSuite] = []
        for recipe in catalog.recipes { suites.append(try FixtureSuite(recipe: recipe)) }
        return suites
    }

    /// `recipes/go/interface-to-any.yml` → `recipes/go/interface-to-any.tests`.
    package static func testsDirectory(ofRecipeFile file: String) -> String? {
        guard file.hasSuffix(RecipeLoader.fileExtension) else { return nil }
        return String(file.dropLast(RecipeLoader.fileExtension.count)) + directorySuffix
    }

    /// `recipes/go/interface-to-any.tests` → `recipes/go/interface-to-any.yml`.
    package static func recipeFile(ofTestsDirectory directory: String) -> String {
        String(directory.dropLast(directorySuffix.count)) + RecipeLoader.fileExtension
    }

    /// The case directories in `directory`, sorted; hidden entries and plain files (a README)
    /// are not cases.
    package static func caseDirectories(in directory: String) throws(RecipeError) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw RecipeError(
                .unreadable, "cannot list fixture directory: \(error.localizedDescription)", file: directory,
                hint: "check that the directory exists and is readable")
        }
        return names.filter { !$0.hasPrefix(".") }.sorted()
            .map { directory + "/" + $0 }
            .filter(isDirectory)
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
