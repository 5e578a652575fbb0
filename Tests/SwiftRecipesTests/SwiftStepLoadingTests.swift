import Foundation
import Recipes
import SwiftRecipes
import Testing

/// `- swift: NAME` steps load against the registry, with did-you-mean for unknown names
/// and checked options, and run only on Swift files.
@Suite("swift steps")
struct SwiftStepLoadingTests {
    init() { SwiftRewriters.registerAll() }

    static func recipe(_ steps: String) -> String {
        "id: swift/x\nversion: 1.0.0\ntitle: X\nlanguages: [swift]\nsteps:\n" + steps
    }

    static func load(_ text: String) throws -> Recipe {
        try RecipeLoader.parse(text, file: "x.yml")
    }

    @Test func unknownRewriterSuggestsTheNearestName() {
        #expect {
            try Self.load(Self.recipe("  - swift: if-let-shorthnd\n"))
        } throws: { error in
            guard let error = error as? RecipeError else { return false }
            return error.code == .unknownRewriter && error.line == 6 && error.column == 12
                && error.message == "unknown swift rewriter 'if-let-shorthnd'; did you mean 'if-let-shorthand'?"
        }
    }

    @Test func unknownOptionAndMissingRequiredOptionAreLoadErrors() {
        let misspelt = Self.recipe("  - swift: rename-symbol\n    with: { form: a, to: b }\n")
        #expect(throws: RecipeError.self) { try Self.load(misspelt) }
        do {
            _ = try Self.load(misspelt)
        } catch let error as RecipeError {
            #expect(error.code == .unknownKey)
            #expect(error.message.contains("did you mean 'from'?"))
        } catch {
            Issue.record("unexpected \(error)")
        }
        let missing = Self.recipe("  - swift: rename-symbol\n    with: { from: a }\n")
        #expect { try Self.load(missing) } throws: { ($0 as? RecipeError)?.code == .missingKey }
        let bad = Self.recipe("  - swift: rename-symbol\n    with: { from: a, to: 'not valid' }\n")
        #expect { try Self.load(bad) } throws: { ($0 as? RecipeError)?.code == .invalidValue }
    }

    @Test func runsOnSwiftFilesOnlyAndReportsFilesThatDoNotParse() throws {
        let recipe = try Self.load(
            "id: swift/x\nversion: 1.0.0\ntitle: X\nsteps:\n  - swift: if-let-shorthand\n")
        let swift = recipe.apply(path: "a.swift", contents: Array("if let x = x { }\n".utf8))
        #expect(swift.bytes == Array("if let x { }\n".utf8))
        let other = recipe.apply(path: "a.txt", contents: Array("if let x = x { }\n".utf8))
        #expect(!other.changed)
        let broken = recipe.apply(path: "b.swift", contents: Array("if let x = x { \n".utf8))
        #expect(!broken.changed)
        #expect(broken.findings.map(\.message) == ["b.swift does not parse as Swift; left unchanged"])
    }

    @Test func parametersReachTheRewriterOptions() throws {
        let text = """
            id: swift/x
            version: 1.0.0
            title: X
            parameters:
              old: { type: string, required: true }
              new: { type: string, required: true }
            steps:
              - swift: rename-symbol
                with: { from: "{{old}}", to: "{{new}}" }

            """
        let recipe = try Self.load(text)
        let prepared = try PreparedRecipe(recipe, parameters: ["old": "fetch", "new": "load"])
        let contents = Array("func fetch() {}\nfetch()\n".utf8)
        let plan = try prepared.plan(for: InMemoryWorkspace(files: ["a.swift": contents]))
        let outcome = plan.apply(path: "a.swift", contents: contents)
        #expect(String(decoding: outcome.bytes, as: UTF8.self) == "func load() {}\nload()\n")
        #expect(throws: RecipeError.self) { try PreparedRecipe(recipe, parameters: ["old": "fetch", "new": "1x"]) }
    }
}
