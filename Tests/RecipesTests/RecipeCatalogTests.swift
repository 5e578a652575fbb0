import Foundation
import Recipes
import TestSupport
import Testing

@Suite("Recipe catalog", .tags(.medium))
struct RecipeCatalogTests {
    static func recipe(_ id: String, title: String = "T") -> String {
        "id: \(id)\nversion: 1.0.0\ntitle: \(title)\nsteps: [{ fix: end-of-file }]\n"
    }

    @Test func loadsRecursivelyAndSkipsFixturesAndHiddenFiles() throws {
        let directory = try TemporaryDirectory()
        try directory.write("builtin/fixup/b.yml", Self.recipe("fixup/b"))
        try directory.write("builtin/fixup/a.yml", Self.recipe("fixup/a"))
        try directory.write("builtin/top.yml", Self.recipe("top"))
        try directory.write("builtin/fixup/a.tests/case.yml", "not: a recipe\n")
        try directory.write("builtin/.hidden/x.yml", "not: a recipe\n")
        try directory.write("builtin/fixup/notes.yaml", "not: a recipe\n")
        try directory.write("builtin/fixup/README.md", "# notes\n")
        let catalog = try RecipeCatalog(directories: [directory.path + "/builtin"])
        #expect(catalog.ids == ["fixup/a", "fixup/b", "top"])
        #expect(
            catalog.recipes.map(\.source)
                == ["a", "b", "top"].map {
                    directory.path + "/builtin/" + ($0 == "top" ? "top.yml" : "fixup/\($0).yml")
                })
    }

    @Test func laterDirectoriesOverrideEarlierOnes() throws {
        let directory = try TemporaryDirectory()
        try directory.write("builtin/fixup/a.yml", Self.recipe("fixup/a", title: "built-in"))
        try directory.write("builtin/fixup/b.yml", Self.recipe("fixup/b", title: "built-in"))
        try directory.write("repo/.sparkd/recipes/fixup/a.yml", Self.recipe("fixup/a", title: "repository"))
        let catalog = try RecipeCatalog(directories: [
            directory.path + "/builtin", directory.path + "/repo/.sparkd/recipes",
        ])
        #expect(try catalog.recipe("fixup/a").title == "repository")
        #expect(try catalog.recipe("fixup/b").title == "built-in")
        #expect(catalog.recipes.count == 2)
    }

    @Test func idMustMatchThePathUnderItsDirectory() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("recipes/fixup/end-of-file.yml", Self.recipe("fixup/eof"))
        #expect {
            try RecipeCatalog(directories: [directory.path + "/recipes"])
        } throws: { error in
            let error = error as? RecipeError
            return error?.code == .idMismatch && error?.file == file && error?.line == 1 && error?.column == 5
        }
    }

    @Test func unknownRecipeSuggestsNearestIDs() throws {
        let catalog = RecipeCatalog(
            recipes: ["fixup/end-of-file", "fixup/trailing-whitespace", "swift/rename"].map {
                Recipe(id: $0, version: "1.0.0", title: "T", steps: [])
            })
        func message(_ id: String) -> String? {
            do {
                _ = try catalog.recipe(id)
                return nil
            } catch {
                #expect(error.code == .unknownRecipe)
                #expect(error.hint == "run 'sparkctl recipe list' to see the 3 available recipes")
                return error.message
            }
        }
        #expect(
            message("fixup/trailing-whitespac")
                == "unknown recipe 'fixup/trailing-whitespac'; did you mean 'fixup/trailing-whitespace'?")
        #expect(
            message("trailing-whitespace")
                == "unknown recipe 'trailing-whitespace'; did you mean 'fixup/trailing-whitespace'?")
        #expect(message("nothing/like/it") == "unknown recipe 'nothing/like/it'")
    }

    @Test func missingDirectoryIsAnError() throws {
        let directory = try TemporaryDirectory()
        #expect {
            try RecipeCatalog(directories: [directory.path + "/absent"])
        } throws: { error in
            (error as? RecipeError)?.code == .unreadable
                && (error as? RecipeError)?.message == "recipe directory '\(directory.path)/absent' does not exist"
        }
    }
}
