import TestSupport
import Testing

@testable import Recipes

/// The matcher's shortcuts (the failure memo, the region walk for leading holes, the literal
/// pre-filter) against the plain definition: try every start left to right, backtrack fully.
@Suite("rewrite: shortcuts agree with plain backtracking", .tags(.small))
struct RewriteDifferentialTests {
    static let templateParts = [
        "f(", ")", "(", "[", "]", ":[a]", ":[b]", ":[_]", ":[a]", ",", " ", "x", ".", "=", "\"", "\":[b]\"",
    ]
    static let sourceParts = [
        "f(", ")", "(", "[", "]", "{", "}", ",", " ", "\n", "x", "y", ".", "=", "\"", "\"x\"", "// c\n", "/*)*/",
        "é", "f(x)", "xx",
    ]

    /// Found by this test: a leading-hole search entering `f(}x.)` stopped at the stray `}` and
    /// never looked at `x.` behind it.
    @Test func regionSearchContinuesPastAStrayCloserInsideAGroup() throws {
        let rule = try RewriteRule(match: ":[a].", replace: "<:[a]>")
        #expect(rule.rewrite(bytes("}}f(}f(x)xy.y)"), path: "a.txt")?.output == bytes("}}f(}<f(x)xy>y)"))
    }

    @Test(arguments: [SourceLanguage?.none, .swift, .python])
    func shortcutsAgree(_ language: SourceLanguage?) throws {
        var generator = SplitMix(seed: 0x5EED + UInt64(language?.rawValue.count ?? 0))
        var compared = 0
        var matched = 0
        for _ in 0..<3000 {
            let match = (0..<generator.below(6) + 2).map { _ in Self.templateParts[generator.below(Self.templateParts.count)] }
                .joined()
            // Replace with `a` where the template binds it, so hole extents show in the output.
            // A constraint now and then: it changes the start strategy and what is memoised.
            let constraints: [HoleConstraint] =
                generator.below(3) == 0 ? [.notEqual(hole: "a", text: "x"), .notMatches(hole: "a", regex: ".*f.*")] : []
            guard
                let rule = (try? RewriteRule(match: match, replace: "<:[a]>", constraints: constraints, language: language))
                    ?? (try? RewriteRule(match: match, replace: "<>", language: language))
            else { continue }
            let path = "a.txt"
            for _ in 0..<4 {
                let source = (0..<generator.below(24)).map { _ in Self.sourceParts[generator.below(Self.sourceParts.count)] }
                    .joined()
                let input = bytes(source)
                let fast = rule.rewrite(input, path: path)
                let plain = reference(rule, input, language: language)
                #expect(
                    fast?.output == plain?.output && fast?.matchCount == plain?.matchCount,
                    "match \(match) on \(show(input)): \(fast.map { show($0.output) } ?? "nil") vs \(plain.map { show($0.output) } ?? "nil")")
                compared += 1
                if (fast?.matchCount ?? 0) > 0 { matched += 1 }
            }
        }
        #expect(compared > 5000)
        #expect(matched > 500, "the generator must produce matches to be worth anything")
    }

    /// The rule run with every shortcut off: each code position is a start, nothing memoised.
    private func reference(_ rule: RewriteRule, _ input: [UInt8], language: SourceLanguage?) -> RewriteResult? {
        let program = rule.program
        guard var template = language.flatMap({ try? program.templates[$0]?.get() }) ?? program.plain else { return nil }
        template.strategy = .everyPosition
        template.elements = template.elements.map {
            guard case .hole(var hole) = $0 else { return $0 }
            hole.memoRow = nil
            return .hole(hole)
        }
        return input.withUnsafeBufferPointer { program.run(template, on: $0, original: input) }
    }
}

/// A small deterministic generator (SplitMix64), so failures reproduce.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
