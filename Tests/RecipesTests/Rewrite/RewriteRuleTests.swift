import Diagnostics
import TestSupport
import Testing

@testable import Recipes

@Suite("rewrite: rules, results and errors", .tags(.small))
struct RewriteRuleTests {
    // MARK: Idempotence of typical rules

    struct Rerun: CustomTestStringConvertible, Sendable {
        let note: String
        let rule: RewriteCase
        var testDescription: String { note }
    }

    static let typicalRules: [RewriteCase] = [
        RewriteCase(
            "Go: interface{} → any", "interface{}", "any", path: "x.go",
            "func f(a interface{}, b map[string]interface{}) interface{} {\n\t// interface{} stays\n\treturn `interface{}`\n}\n",
            "func f(a any, b map[string]any) any {\n\t// interface{} stays\n\treturn `interface{}`\n}\n"),
        RewriteCase(
            "Swift: if let x = x { → if let x {", "if let :[x] = :[x] {", "if let :[x] {", path: "x.swift",
            "if let a = a {\n}\nif let  b =\n b {\n}\nif let c = d {\n}\n// if let e = e {\n",
            "if let a {\n}\nif let b {\n}\nif let c = d {\n}\n// if let e = e {\n"),
        RewriteCase(
            "Java: assertEquals → assertEqual", "assertEquals(:[a], :[b])", "assertEqual(:[a], :[b])", path: "T.java",
            "assertEquals(f(1, 2), \"a, b\");\nassertEquals(x,\n    y);\nmyassertEquals(p, q);\n",
            "assertEqual(f(1, 2), \"a, b\");\nassertEqual(x, y);\nmyassertEquals(p, q);\n"),
        RewriteCase(
            "Swift: XCTAssertEqual → #expect", "XCTAssertEqual(:[a], :[b])", "#expect(:[a] == :[b])", path: "T.swift",
            "XCTAssertEqual(a.count, 2)\nXCTAssertEqual(f(x, y), [1, 2], \"msg\")\n",
            "#expect(a.count == 2)\n#expect(f(x, y) == [1, 2], \"msg\")\n"),
    ]

    @Test(arguments: typicalRules)
    func typicalRulesAreIdempotent(_ c: RewriteCase) throws {
        let rule = try c.rule()
        let first = try #require(rule.rewrite(bytes(c.input), path: c.path))
        #expect(String(decoding: first.output, as: UTF8.self) == c.expected)
        #expect(first.notice == nil)
        #expect(rule.rewrite(first.output, path: c.path) == nil, "a second run finds nothing")
    }

    // MARK: Results

    @Test func noMatchIsNil() throws {
        let rule = try RewriteRule(match: "foo(:[a])", replace: "bar(:[a])")
        #expect(rule.rewrite(bytes("bar(1) food(2) foo"), path: "a.swift") == nil)
        #expect(rule.rewrite([], path: "a.swift") == nil)
        #expect(rule.rewrite(bytes("\"foo(1)\""), path: "a.swift") == nil, "only inside a string")
    }

    @Test func matchCountCountsEveryReplacement() throws {
        let rule = try RewriteRule(match: "f(:[a])", replace: "f(:[a])")
        let result = try #require(rule.rewrite(bytes("f(1) f(2) // f(3)\nf(f(4))"), path: "a.c"))
        #expect(result.matchCount == 3)
        #expect(result.output == bytes("f(1) f(2) // f(3)\nf(f(4))"), "an identity replacement changes nothing")
    }

    @Test func notUTF8IsSkippedWithANotice() throws {
        let rule = try RewriteRule(match: "foo(:[a])", replace: "bar(:[a])")
        let input: [UInt8] = bytes("foo(1) ") + [0xC3, 0x28] + bytes(" foo(2)")
        let result = try #require(rule.rewrite(input, path: "a.swift"))
        #expect(result.matchCount == 0)
        #expect(result.output == input)
        #expect(result.notice == .invalidUTF8(offset: 7))
        #expect(result.notice?.description.contains("not valid UTF-8") == true)
        // Overlong encodings, surrogates and truncated sequences are invalid too.
        for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            #expect(rule.rewrite(bytes("foo(1)") + bad, path: "a.swift")?.notice == .invalidUTF8(offset: 6))
        }
        // A file that cannot match is not even validated.
        #expect(rule.rewrite([0xFF, 0xFE], path: "a.swift") == nil)
    }

    @Test func templateInvalidInTheDetectedLanguageSkipsWithANotice() throws {
        // As plain text the apostrophe is nothing; in Python it opens a string left unclosed.
        let rule = try RewriteRule(match: "it's (:[a])", replace: "it is (:[a])")
        let python = try #require(rule.rewrite(bytes("it's (x)"), path: "a.py"))
        #expect(python.matchCount == 0)
        guard case .templateInvalid(.python, let error) = python.notice else {
            Issue.record("expected a templateInvalid notice, got \(String(describing: python.notice))")
            return
        }
        #expect(error.code == .unterminatedLiteral)
        #expect(rule.rewrite(bytes("it's (x)"), path: "a.txt")?.output == bytes("it is (x)"))
    }

    @Test func budgetStopsPathologicalBacktracking() throws {
        // `a` is referenced again, so nothing after it is memoised: O(n²) ends per start.
        let rule = try RewriteRule(match: "f(:[a], :[b], :[a])", replace: "g()")
        let input = bytes("f(" + String(repeating: "x, ", count: 4_000) + "y)")
        let result = try #require(rule.rewrite(input, path: "a.c"))
        #expect(result.matchCount == 0)
        #expect(result.output == input)
        #expect(result.notice == .budgetExhausted(offset: 0))
    }

    @Test func untouchedBytesAreIdentical() throws {
        // Pseudo-random files of fragments; rewriting `foo(` to `FOO(` must change nothing else.
        let fragments = [
            "foo(", ")", "(", "[", "]", "{", "}", " ", "\n", "\r\n", "\t", "x", ",", "\"", "\"foo(1)\"", "//",
            "/*", "*/", "é", "𝄞", "'", "\\", "foo", "(foo(a))", "fo", "o(",
        ]
        let rule = try RewriteRule(match: "foo(:[a])", replace: "FOO(:[a])")
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<40 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += fragments[Int(seed >> 33) % fragments.count]
            }
            let input = bytes(text)
            for path in ["a.swift", "a.py", "a.txt"] {
                guard let result = rule.rewrite(input, path: path) else { continue }
                let lowered = result.output.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
                #expect(lowered == input, "\(path): \(show(input)) → \(show(result.output))")
                #expect(result.matchCount > 0)
            }
        }
    }

    @Test func rulesAreValues() throws {
        let a = try RewriteRule(match: "f(:[a])", replace: "g(:[a])", constraints: [.notEqual(hole: "a", text: "x")])
        let b = try RewriteRule(match: "f(:[a])", replace: "g(:[a])", constraints: [.notEqual(hole: "a", text: "x")])
        let c = try RewriteRule(match: "f(:[a])", replace: "g(:[a])", language: .go)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a != c)
    }

    // MARK: Templates that open or close blocks

    @Test func templatesMayEndInsideOrStartAfterABlock() throws {
        let elseIf = try RewriteRule(match: "} else {", replace: "} else if true {")
        #expect(elseIf.rewrite(bytes("if a {\n} else {\n}"), path: "a.go")?.output == bytes("if a {\n} else if true {\n}"))
    }

    // MARK: Lexical syntax extensions

    static let interpolationCases: [RewriteCase] = [
        RewriteCase(
            "Swift raw strings keep their quotes", "foo(:[a])", "bar(:[a])", path: "a.swift",
            ##"let s = #"a"foo(1)"# + foo(2)"##, ##"let s = #"a"foo(1)"# + bar(2)"##),
        RewriteCase(
            "Swift interpolation with quotes inside", "foo(:[a])", "bar(:[a])", path: "a.swift",
            #"let s = "\(d[")"]) foo(1)"; foo(2)"#, #"let s = "\(d[")"]) foo(1)"; bar(2)"#),
        RewriteCase(
            "JavaScript ${} with a backtick inside", "foo(:[a])", "bar(:[a])", path: "a.js",
            "let s = `${\"`\"} foo(1)` + foo(2)", "let s = `${\"`\"} foo(1)` + bar(2)"),
        RewriteCase(
            "an unclosed interpolation in a one-line string ends with its line", "foo(:[a])", "bar(:[a])",
            path: "a.swift", "let s = \"\\(oops\nfoo(2)", "let s = \"\\(oops\nbar(2)"),
    ]

    @Test(arguments: interpolationCases)
    func interpolation(_ c: RewriteCase) throws {
        #expect(try c.run() == c.expected)
    }

    // MARK: Errors

    struct Invalid: CustomTestStringConvertible, Sendable {
        let note: String
        let match: String
        let replace: String
        var constraints: [HoleConstraint] = []
        var language: SourceLanguage? = nil
        let code: RewriteRuleError.Code
        let part: RewriteRuleError.Part
        let says: String
        var testDescription: String { note }
    }

    static let invalidRules: [Invalid] = [
        Invalid(note: "empty match", match: " \n\t", replace: "x", code: .emptyTemplate, part: .match, says: "empty"),
        Invalid(note: "only holes", match: ":[a] :[b]", replace: "x", code: .noLiteral, part: .match, says: "no literal"),
        Invalid(
            note: "crossed brackets", match: "f(:[a]]", replace: "x", code: .unbalancedTemplate, part: .match,
            says: "`]`"),
        Invalid(
            note: "unterminated string", match: "f(\"abc)", replace: "x", language: .swift, code: .unterminatedLiteral,
            part: .match, says: "not closed"),
        Invalid(
            note: "unterminated block comment", match: "f() /* x", replace: "x", language: .c,
            code: .unterminatedLiteral, part: .match, says: "not closed"),
        Invalid(
            note: "Comby identifier hole", match: "f(:[[x]])", replace: "x", code: .unsupportedHole, part: .match,
            says: ":[[x]]"),
        Invalid(
            note: "Comby regex hole", match: "f(:[x~\\d+])", replace: "x", code: .unsupportedHole, part: .match,
            says: "regex hole"),
        Invalid(
            note: "replace uses an unbound hole", match: "f(:[a])", replace: "g(:[b])", code: .unboundHole,
            part: .replace, says: "`:[b]`"),
        Invalid(
            note: "replace uses :[_]", match: "f(:[_])", replace: "g(:[_])", code: .unboundHole, part: .replace,
            says: ":[_]"),
        Invalid(
            note: "constraint on an unknown hole", match: "f(:[a])", replace: "g(:[a])",
            constraints: [.matches(hole: "z", regex: "x")], code: .unknownConstraintHole, part: .where, says: "`:[z]`"),
        Invalid(
            note: "bad regex", match: "f(:[a])", replace: "g(:[a])", constraints: [.notMatches(hole: "a", regex: "(")],
            code: .badRegex, part: .where, says: "does not compile"),
    ]

    @Test(arguments: invalidRules)
    func invalid(_ c: Invalid) {
        do {
            _ = try RewriteRule(match: c.match, replace: c.replace, constraints: c.constraints, language: c.language)
            Issue.record("expected \(c.code)")
        } catch {
            #expect(error.code == c.code)
            #expect(error.part == c.part)
            #expect(error.description.contains(c.says), "\(error)")
            #expect(error.hint?.isEmpty == false, "every error says how to fix it")
        }
    }
}
