import Recipes
import Testing

@testable import SwiftRecipes

/// `replace-deprecated-call` on layouts real packages use, beyond what its fixtures show.
@Suite("replace-deprecated-call")
struct ReplaceCallRewriterTests {
    static func replace(_ text: String, from: String, to: String) throws -> String {
        let rewriter = try ReplaceCallRewriter(options: ["from": from, "to": to])
        let result = rewriter.rewrite(Array(text.utf8), path: "A.swift")
        #expect(result.findings.isEmpty)
        return result.output.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// Regression (swift-argument-parser 1.8.2's TestHelpers.swift): a member call on the
    /// next line of its receiver was joined onto the receiver's line, because the receiver
    /// was re-inserted without the line break and indentation before the dot.
    @Test func memberCallOnItsOwnLineKeepsTheLineBreakAndComment() throws {
        let before = "let url = URL(fileURLWithPath: path)\n  .deletingLastPathComponent()\n  // here\n  .appendingPathComponent(\"Snapshots\")\n"
        let output = try Self.replace(before, from: ".appendingPathComponent($c)", to: ".appending(path: $c)")
        #expect(output == "let url = URL(fileURLWithPath: path)\n  .deletingLastPathComponent()\n  // here\n  .appending(path: \"Snapshots\")\n")
    }

    @Test func chainedAndNestedMatchesAllChangeAndASecondRunChangesNothing() throws {
        let before = "f(a.old(1).old(b.old(2)))\n"
        let once = try Self.replace(before, from: ".old($x)", to: ".new(value: $x)")
        #expect(once == "f(a.new(value: 1).new(value: b.new(value: 2)))\n")
        #expect(try Self.replace(once, from: ".old($x)", to: ".new(value: $x)") == once)
    }

    @Test func replacementNamingTheReceiverReplacesTheWholeCall() throws {
        let output = try Self.replace(
            "let s = .shared.old(x)\nlet t = store\n  .old(y)\n", from: ".old($x)", to: "Wrapper($base).new($x)")
        #expect(output == "let s = Wrapper(.shared).new(x)\nlet t = Wrapper(store).new(y)\n")
    }
}
