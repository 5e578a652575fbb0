import Recipes
import Testing

@testable import SwiftRecipes

/// `rename-symbol` on parameters, which its fixtures show in one file.
@Suite("rename-symbol")
struct RenameSymbolRewriterTests {
    static func rename(_ text: String, from: String, to: String) throws -> String {
        let rewriter = try RenameSymbolRewriter(options: ["from": from, "to": to])
        let result = rewriter.rewrite(Array(text.utf8), path: "A.swift")
        #expect(result.findings.isEmpty)
        return result.output.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// Regression: references in a body were renamed but the parameter they name was not,
    /// so `init(item: Item) { self.item = item }` became `self.entry = entry` with no
    /// `entry` in scope, and closures `{ item in item.name }` stopped compiling.
    @Test func parametersAreRenamedWithTheirUsesAndLabelsStay() throws {
        let before = "init(item: Item) { self.item = item }\nlet f = { item in item.name }\nfunc g(_ item: Item) -> Item { item }\n"
        let once = try Self.rename(before, from: "item", to: "entry")
        #expect(once == "init(item entry: Item) { self.entry = entry }\nlet f = { entry in entry.name }\nfunc g(_ entry: Item) -> Item { entry }\n")
        #expect(try Self.rename(once, from: "item", to: "entry") == once)
    }

    @Test func requirementsWithoutABodyAndEnumCaseLabelsAreLeftAlone() throws {
        let before = "protocol P { func take(item: Item) }\nenum E { case a(item: Item) }\n"
        #expect(try Self.rename(before, from: "item", to: "entry") == before)
    }
}
