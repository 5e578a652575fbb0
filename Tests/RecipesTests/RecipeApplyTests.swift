import Recipes
import TestSupport
import Testing

@Suite("Applying a recipe", .tags(.small))
struct RecipeApplyTests {
    static let recipe = Recipe(
        id: "fixup/all", version: "1.0.0", title: "All fixups", kind: .fixup,
        steps: [
            .fix(FixStep(.trailingWhitespace(TrailingWhitespaceFixer()), name: "trim")),
            .fix(FixStep(.mixedLineEnding(MixedLineEndingFixer(mode: .no)))),
            .fix(FixStep(.endOfFile(EndOfFileFixer()))),
        ])

    @Test func runsStepsInOrderAndReportsEach() {
        let outcome = Self.recipe.apply(path: "a.txt", contents: bytes("a  \r\nb\n\n\n"))
        #expect(outcome.bytes == bytes("a\r\nb\n"))
        #expect(outcome.changed)
        #expect(
            outcome.steps == [
                StepOutcome(index: 0, name: "trim", changed: true, findings: []),
                StepOutcome(
                    index: 1, name: "fix mixed-line-ending", changed: false,
                    findings: [Finding("mixed line endings")]),
                StepOutcome(index: 2, name: "fix end-of-file", changed: true, findings: []),
            ])
        #expect(outcome.findings == [Finding("mixed line endings")])
    }

    @Test func cleanFileIsUnchanged() {
        let outcome = Self.recipe.apply(path: "a.txt", contents: bytes("a\nb\n"))
        #expect(outcome.changed == false)
        #expect(outcome.bytes == bytes("a\nb\n"))
        #expect(outcome.steps.allSatisfy { !$0.changed && $0.findings.isEmpty })
    }

    @Test func stepsSeeThePreviousOutput() {
        // Trimming "a \n \n" leaves "a\n\n", which end-of-file then trims to "a\n".
        let outcome = Self.recipe.apply(path: "a", contents: bytes("a \n \n"))
        #expect(outcome.bytes == bytes("a\n"))
        #expect(outcome.steps.map(\.changed) == [true, false, true])
    }

    @Test func isIdempotentOnItsOutput() {
        let first = Self.recipe.apply(path: "a.md", contents: [0xFF, 0x20, 0x0D, 0x0A, 0x0D, 0x0A, 0x0A])
        let second = Self.recipe.apply(path: "a.md", contents: first.bytes)
        #expect(second.changed == false)
    }
}
