import Recipes
import TestSupport
import Testing

@Suite("Regex steps", .tags(.small))
struct RegexStepTests {
    func run(_ step: String, _ input: String, path: String = "a.py") throws -> RecipeOutcome {
        let plan = try PreparedRecipe(recipe("steps:\n  - regex: \(step)\n")).plan(for: InMemoryWorkspace())
        return plan.apply(path: path, contents: bytes(input))
    }

    @Test func replacesEveryMatch() throws {
        let outcome = try run(#"{ pattern: '\bassertEquals\(', replace: 'assertEqual(' }"#, "assertEquals(a)\nx.assertEquals(b)\nassertEqualsX(\n")
        #expect(outcome.bytes == bytes("assertEqual(a)\nx.assertEqual(b)\nassertEqualsX(\n"))
        #expect(outcome.changed)
        #expect(outcome.steps.map(\.changed) == [true])
    }

    @Test func groupsByNumberAndName() throws {
        let outcome = try run(
            #"{ pattern: '(?<a>\w+) = (\w+)', replace: '$2 = ${a} ($$1, ${1})' }"#, "x = y\n")
        #expect(outcome.bytes == bytes("y = x ($1, x)\n"))
    }

    @Test func flags() throws {
        #expect(try run("{ pattern: '^b$', replace: B, flags: [multiline] }", "a\nb\n").bytes == bytes("a\nB\n"))
        #expect(try run("{ pattern: '^b$', replace: B }", "a\nb\n").bytes == bytes("a\nb\n"))
        #expect(try run("{ pattern: 'HELLO', replace: hi, flags: [ignore-case] }", "Hello").bytes == bytes("hi"))
        #expect(try run("{ pattern: 'a.b', replace: X, flags: [dot-all] }", "a\nb").bytes == bytes("X"))
        #expect(try run("{ pattern: '(?m)^b', replace: B }", "a\nb").bytes == bytes("a\nB"))
    }

    @Test func nonUTF8IsSkipped() throws {
        let plan = try PreparedRecipe(recipe("steps:\n  - regex: { pattern: a, replace: b }\n")).plan(for: InMemoryWorkspace())
        let outcome = plan.apply(path: "a.txt", contents: [0x61, 0xFF])
        #expect(outcome.selection == .skipped(.nonUTF8))
        #expect(outcome.bytes == [0x61, 0xFF])
    }

    @Test func textStepsSkipNonUTF8WhileByteStepsRun() throws {
        let body = "steps:\n  - regex: { pattern: a, replace: b }\n  - fix: end-of-file\n"
        let outcome = try PreparedRecipe(recipe(body)).plan(for: InMemoryWorkspace()).apply(path: "x", contents: [0x61, 0xFF])
        #expect(outcome.bytes == [0x61, 0xFF, 0x0A])
        #expect(outcome.steps.map(\.skipped) == [.nonUTF8, nil])
    }

    @Test(arguments: [
        ("{ pattern: '(a', replace: x }", 5, 23, RecipeError.Code.invalidRegex, "'pattern': invalid regular expression: expected ')'"),
        ("{ pattern: 'a', replace: '$2' }", 5, 37, .invalidRegex, "'replace': replacement uses group $2, but the pattern has 0 groups"),
        ("{ pattern: '(?<x>a)', replace: '${y}' }", 5, 43, .invalidRegex, "'replace': replacement uses group '${y}', but the pattern has no group named so; did you mean 'x'?"),
        ("{ pattern: 'a', replace: 'b$c' }", 5, 39, .invalidRegex, "'replace': '$' must be followed by a group number, '{name}' or '$' (write '$$' for a dollar sign)"),
        ("{ pattern: 'a', replace: b, flags: [multi-line] }", 5, 48, .invalidValue, "unknown regex flag 'multi-line'; did you mean 'multiline'?"),
        ("{ pattern: 'a' }", 5, 12, .missingKey, "missing required key 'replace' in 'regex' of step 1"),
        ("{ pattern: 'a', replace: b, flag: [x] }", 5, 40, .unknownKey, "unknown key 'flag' in 'regex' of step 1; did you mean 'flags'?"),
    ])
    func loadErrors(_ step: String, _ line: Int, _ column: Int, _ code: RecipeError.Code, _ message: String) throws {
        let error = try #require(loadError("steps:\n  - regex: \(step)\n"))
        #expect(error.code == code)
        #expect(error.message == message)
        #expect(error.line == line)
        #expect(error.column == column)
    }

    @Test func withIsNotForRegexSteps() throws {
        let error = try #require(loadError("steps:\n  - regex: { pattern: a, replace: b }\n    with: { x: 1 }\n"))
        #expect(error.code == .unknownKey)
        #expect(error.message == "'with' is not used by regex steps (step 1)")
        #expect(error.line == 6)
    }

    @Test func parameterValueMakingAPatternInvalidIsReportedAtPrepare() throws {
        let body = "parameters: { p: { type: string, default: 'ok' } }\nsteps:\n  - regex: { pattern: '{{p}}', replace: x }\n"
        let error = try #require(throws: RecipeError.self) { try PreparedRecipe(recipe(body), parameters: ["p": "(("]) }
        #expect(error.code == .invalidRegex)
        #expect(error.line == 6)
        #expect(error.message.hasPrefix("pattern '((' (with parameters substituted): invalid regular expression"))
    }
}
