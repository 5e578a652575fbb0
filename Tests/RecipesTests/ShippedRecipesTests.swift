import Foundation
import Recipes
import SwiftRecipes
import TestSupport
import Testing

/// The recipes in the package's `recipes/` directory load, and behave.
@Suite("Shipped recipes", .tags(.medium))
struct ShippedRecipesTests {
    /// `recipes/` at the package root, found from this source file. The catalog's `swift`
    /// steps need the swift-syntax rewriters registered, as `sparkctl` does at start-up.
    static let directory: String = {
        SwiftRewriters.registerAll()
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("recipes").path
    }()

    @Test func loadWithIDsMatchingPaths() throws {
        let catalog = try RecipeCatalog(directories: [Self.directory])
        // trailing-whitespace 2.0.0: Markdown breaks are no longer kept unasked.
        let versions = ["fixup/end-of-file": "1.0.0", "fixup/mixed-line-ending": "1.1.0", "fixup/trailing-whitespace": "2.0.0"]
        let ids = versions.keys.sorted()
        for id in ids {
            let recipe = try catalog.recipe(id)
            #expect(recipe.source == Self.directory + "/\(id).yml")
            #expect(recipe.kind == .fixup)
            #expect(recipe.version == versions[id])
            #expect(recipe.languages == ["*"])
        }
        #expect(Set(ids).isSubset(of: catalog.ids))
    }

    /// As pre-commit-hooks' command line: Markdown breaks are kept only when asked for.
    @Test func trailingWhitespaceKeepsMarkdownBreaksWhenAsked() throws {
        let recipe = try RecipeCatalog(directories: [Self.directory]).recipe("fixup/trailing-whitespace")
        #expect(recipe.apply(path: "README.md", contents: bytes("a   \r\n")).bytes == bytes("a\r\n"))
        #expect(recipe.apply(path: "notes.", contents: bytes("a   \n")).bytes == bytes("a  \n"), "the flag's quirk")
        let markdown = try PreparedRecipe(recipe, parameters: ["markdown-linebreak-ext": "md,markdown"]).filePlan()
        #expect(markdown.apply(path: "README.md", contents: bytes("a   \r\n")).bytes == bytes("a  \r\n"))
        #expect(markdown.apply(path: "main.c", contents: bytes("a   \r\n")).bytes == bytes("a\r\n"))
        let spaces = try PreparedRecipe(recipe, parameters: ["chars": " "]).filePlan()
        #expect(spaces.apply(path: "main.c", contents: bytes("a\t  \n")).bytes == bytes("a\t\n"))
    }

    @Test func endOfFileAndMixedLineEnding() throws {
        let catalog = try RecipeCatalog(directories: [Self.directory])
        #expect(try catalog.recipe("fixup/end-of-file").apply(path: "a", contents: bytes("a\n\n")).bytes == bytes("a\n"))
        let mixed = try catalog.recipe("fixup/mixed-line-ending").apply(path: "a", contents: bytes("a\r\nb\r\nc\n"))
        #expect(mixed.bytes == bytes("a\r\nb\r\nc\r\n"))
        #expect(mixed.changed)
    }
}
