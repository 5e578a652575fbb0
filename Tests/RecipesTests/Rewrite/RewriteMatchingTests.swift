import TestSupport
import Testing

@testable import Recipes

@Suite("rewrite: matching", .tags(.small))
struct RewriteMatchingTests {
    static let holesCases: [RewriteCase] = [
        RewriteCase("a hole takes one argument", "foo(:[a])", "bar(:[a])", "foo(x)", "bar(x)"),
        RewriteCase("a hole may be empty", "foo(:[a])", "bar(:[a])", "foo()", "bar()"),
        RewriteCase(
            "balanced brackets inside a hole", "foo(:[a])", "bar(:[a])",
            "foo(g(1), h[2], {x})", "bar(g(1), h[2], {x})"),
        RewriteCase(
            "two holes swap around a comma at depth 0", "foo(:[a], :[b])", "foo(:[b], :[a])",
            "foo(f(a, b), [c, d])", "foo([c, d], f(a, b))"),
        RewriteCase(
            "shortest first: the first hole stops at the first comma", "foo(:[a], :[b])", "[:[a]|:[b]]",
            "foo(1, 2, 3)", "[1|2, 3]"),
        RewriteCase(
            "nested brackets of every kind", "call(:[x])", "<:[x]>",
            "call({ [a(b)], ([c]) })", "<{ [a(b)], ([c]) }>"),
        RewriteCase(
            "a hole never crosses a closer it did not open", "a :[b] c", "X",
            "(a x) c", nil),
        RewriteCase(
            "the literal closer is the one closing the template's opener", "f(:[a])", "g(:[a])",
            "f(x)) + (y)", "g(x)) + (y)"),
        RewriteCase(
            "a hole does not swallow an unmatched opener", "x = :[v];", "x := :[v];",
            "x = ( 1; y", nil),
        RewriteCase(
            "hole text spans lines", "f(:[a])", "g(:[a])",
            "f(1,\n  2)\n", "g(1,\n  2)\n"),
        RewriteCase(
            "adjacent holes: the first is empty", "<:[a]:[b]>", "[:[a]][:[b]]", "<xy>", "[][xy]"),
        RewriteCase(
            "an anonymous hole matches without binding", "f(:[_], :[b])", "g(:[b])", "f(1, 2)", "g(2)"),
        RewriteCase(
            "several matches, left to right", "f(:[a])", "g(:[a])", "f(1) f(2)\nf(3)", "g(1) g(2)\ng(3)"),
        RewriteCase(
            "matches do not overlap: a nested match waits for another run", "f(:[a])", "g(:[a])",
            "f(f(1))", "g(f(1))"),
        RewriteCase(
            "a leading hole starts at its region's start", ":[x].count == 0", ":[x].isEmpty",
            "if a.count == 0 {", "if a.isEmpty {"),
        RewriteCase(
            "a leading hole inside brackets starts inside them", ":[x].count == 0", ":[x].isEmpty",
            "let y = (b.count == 0)", "let y = (b.isEmpty)"),
        RewriteCase(
            "a leading hole after a stray closer", ":[x] + 1", "succ(:[x])", "a) b + 1", "a)succ( b)"),
        RewriteCase(
            "a trailing hole is empty", "return :[x]", "yield :[x]", "return 1", "yield 1"),
    ]

    @Test(arguments: holesCases)
    func holes(_ c: RewriteCase) throws {
        #expect(try c.run() == c.expected)
    }

    static let whitespaceCases: [RewriteCase] = [
        RewriteCase(
            "a space matches a run of whitespace, newlines included", "foo(:[a], :[b])", "bar(:[a], :[b])",
            "foo(1,\n\t  2)", "bar(1, 2)"),
        RewriteCase(
            "a space needs at least one whitespace byte", "foo(:[a], :[b])", "bar(:[a], :[b])", "foo(1,2)", nil),
        RewriteCase("no space in the template, none in the source", "a.b", "c", "a . b", nil),
        RewriteCase("no space in the template, none in the source (match)", "a.b", "c", "x a.b", "x c"),
        RewriteCase("a run of spaces in the template is one flexible run", "if  x", "if y", "if x", "if y"),
        RewriteCase(
            "leading and trailing template whitespace is ignored", "\n  f(:[a])  \n", "g(:[a])", " f(1) ", " g(1) "),
        RewriteCase("holes keep the whitespace they cover", "(:[a])", "[:[a]]", "( x )", "[ x ]"),
        RewriteCase(
            "CRLF is whitespace too", "a = :[b];", "let a = :[b];", "a =\r\n  1;", "let a = 1;"),
    ]

    @Test(arguments: whitespaceCases)
    func whitespace(_ c: RewriteCase) throws {
        #expect(try c.run() == c.expected)
    }

    static let wordBoundariesCases: [RewriteCase] = [
        RewriteCase("not after an identifier byte", "interface{}", "any", path: "a.go", "myinterface{}", nil),
        RewriteCase("not before an identifier byte", "foo(:[a]).bar", "X", "foo(x).barrier", nil),
        RewriteCase("punctuation is a boundary", "interface{}", "any", path: "a.go", "x.interface{}", "x.any"),
        RewriteCase("a template starting with punctuation needs none", ".count", ".size", "a.count", "a.size"),
    ]

    @Test(arguments: wordBoundariesCases)
    func wordBoundaries(_ c: RewriteCase) throws {
        #expect(try c.run() == c.expected)
    }

    static let repeatedCases: [RewriteCase] = [
        RewriteCase(
            "a hole used twice matches the same text", "assert(:[a] == :[a])", "assert(true)",
            "assert(x.y == x.y); assert(x == y)", "assert(true); assert(x == y)"),
        RewriteCase(
            "Swift if-let shorthand", "if let :[x] = :[x] {", "if let :[x] {", path: "a.swift",
            "if let value = value {\n}\nif let a = b {\n}", "if let value {\n}\nif let a = b {\n}"),
        RewriteCase(
            "a repeated hole extends until both agree", "f(:[a], :[a])", "g(:[a])", "f(1, 2, 1, 2)", "g(1, 2)"),
        RewriteCase(
            "a repeated hole must be balanced where it repeats", "f(:[a]) + :[a]", "X", "f(a) + a)", "X)"),
        RewriteCase("a repeated leading hole", ":[a] = :[a];", "", "x = x; y = z;", " y = z;"),
    ]

    @Test(arguments: repeatedCases)
    func repeated(_ c: RewriteCase) throws {
        #expect(try c.run() == c.expected)
    }

    static let constraintsCases: [RewriteCase] = [
        RewriteCase(
            "matches: the whole hole text", "f(:[a])", "g(:[a])", where: [.matches(hole: "a", regex: "[0-9]+")],
            "f(12) f(x1) f(1x)", "g(12) f(x1) f(1x)"),
        RewriteCase(
            "not-matches", "f(:[a])", "g(:[a])", where: [.notMatches(hole: "a", regex: "[0-9]+")],
            "f(12) f(x1)", "f(12) g(x1)"),
        RewriteCase(
            "not: exact text", "f(:[a])", "g(:[a])", where: [.notEqual(hole: "a", text: "nil")],
            "f(nil) f(nil2) f( nil)", "f(nil) g(nil2) g( nil)"),
        RewriteCase(
            "a constraint makes a hole extend", "foo(:[a], :[b])", "[:[a]|:[b]]",
            where: [.matches(hole: "b", regex: "\\d+")], "foo(x, y, 1)", "[x, y|1]"),
        RewriteCase(
            "all constraints on a hole apply", "f(:[a])", "g(:[a])",
            where: [.matches(hole: "a", regex: "[a-z]+"), .notEqual(hole: "a", text: "self")],
            "f(self) f(other)", "f(self) g(other)"),
        RewriteCase(
            "a constrained leading hole", ":[x].count", ":[x].size", where: [.matches(hole: "x", regex: "\\w+")],
            "let n = a.count", "let n = a.size"),
    ]

    @Test(arguments: constraintsCases)
    func constraints(_ c: RewriteCase) throws {
        #expect(try c.run() == c.expected)
    }

    static let utf8Cases: [RewriteCase] = [
        RewriteCase(
            "holes take whole characters", "<:[a]:[b]>", "[:[a]][:[b]]",
            where: [.matches(hole: "a", regex: ".+")], "<éü>", "[é][ü]"),
        RewriteCase("non-ASCII literals", "größe(:[a])", "size(:[a])", "größe(1) → größe(2)", "size(1) → size(2)"),
        RewriteCase("non-ASCII is an identifier byte", "x(:[a])", "y(:[a])", "éx(1) x(2)", "éx(1) y(2)"),
    ]

    @Test(arguments: utf8Cases)
    func utf8(_ c: RewriteCase) throws {
        #expect(try c.run() == c.expected)
    }
}
