import TestSupport
import Testing

@testable import Recipes

@Suite("rewrite: strings and comments", .tags(.small))
struct RewriteLexicalTests {
    static let skippedCases: [RewriteCase] = [
        // Swift
        RewriteCase(
            "Swift: not in a string", "foo(:[a])", "bar(:[a])", path: "a.swift",
            #"let s = "foo(1)"; foo(2)"#, #"let s = "foo(1)"; bar(2)"#),
        RewriteCase(
            "Swift: not in line or block comments", "foo(:[a])", "bar(:[a])", path: "a.swift",
            "// foo(1)\n/* foo(2) */ foo(3)", "// foo(1)\n/* foo(2) */ bar(3)"),
        RewriteCase(
            "Swift: block comments nest", "foo(:[a])", "bar(:[a])", path: "a.swift",
            "/* /* */ foo(1) */ foo(2)", "/* /* */ foo(1) */ bar(2)"),
        RewriteCase(
            "Swift: not in a multi-line string", "foo(:[a])", "bar(:[a])", path: "a.swift",
            "let s = \"\"\"\nfoo(1)\n\"\"\"\nfoo(2)", "let s = \"\"\"\nfoo(1)\n\"\"\"\nbar(2)"),
        RewriteCase(
            "Swift: brackets in a string inside a hole do not count", "foo(:[a])", "bar(:[a])", path: "a.swift",
            #"foo(")", "(") + 1"#, #"bar(")", "(") + 1"#),
        RewriteCase(
            "Swift: an escaped quote stays inside the string", "foo(:[a])", "bar(:[a])", path: "a.swift",
            #"foo("\")") x"#, #"bar("\")") x"#),
        RewriteCase(
            "Swift: a comment inside a hole is opaque", "foo(:[a])", "bar(:[a])", path: "a.swift",
            "foo(1 /* ) */, 2 // )\n)", "bar(1 /* ) */, 2 // )\n)"),
        // Go
        RewriteCase(
            "Go: not in a raw string", "interface{}", "any", path: "a.go",
            "var s = `interface{}`\nvar x interface{}", "var s = `interface{}`\nvar x any"),
        RewriteCase(
            "Go: not in a rune or a comment", "f(:[a])", "g(:[a])", path: "a.go",
            "c := 'f' // f(1)\nf(')')", "c := 'f' // f(1)\ng(')')"),
        // Python
        RewriteCase(
            "Python: not in a # comment", "foo(:[a])", "bar(:[a])", path: "a.py",
            "# foo(1)\nfoo(2)", "# foo(1)\nbar(2)"),
        RewriteCase(
            "Python: not in triple-quoted strings", "foo(:[a])", "bar(:[a])", path: "a.py",
            "'''foo(1)'''\n\"\"\"\nfoo(2)\n\"\"\"\nfoo(3)", "'''foo(1)'''\n\"\"\"\nfoo(2)\n\"\"\"\nbar(3)"),
        RewriteCase(
            "Python: shebang detects the language", "foo(:[a])", "bar(:[a])", path: "bin/tool",
            "#!/usr/bin/env python3\n'foo(1)'\nfoo(2)", "#!/usr/bin/env python3\n'foo(1)'\nbar(2)"),
        // JavaScript
        RewriteCase(
            "JavaScript: not in template literals or strings", "foo(:[a])", "bar(:[a])", path: "a.js",
            "`foo(1)`; 'foo(2)'; \"foo(3)\"; foo(4)", "`foo(1)`; 'foo(2)'; \"foo(3)\"; bar(4)"),
        // C
        RewriteCase(
            "C: character literals are opaque in holes", "f(:[a])", "g(:[a])", path: "a.c",
            "f('(') + f(\")\") /* f(1) */", "g('(') + g(\")\") /* f(1) */"),
        RewriteCase(
            "C: an unterminated character literal ends at its line", "f(:[a])", "g(:[a])", path: "a.c",
            "// it's\nchar c = 'x;\nf(1)", "// it's\nchar c = 'x;\ng(1)"),
        // No language
        RewriteCase(
            "unknown language: no skipping", "foo(:[a])", "bar(:[a])", path: "notes.unknownext",
            #""foo(1)" # foo(2)"#, #""bar(1)" # bar(2)"#),
        RewriteCase(
            "an explicit language overrides the path", "foo(:[a])", "bar(:[a])", language: .python,
            path: "notes.unknownext", "# foo(1)\nfoo(2)", "# foo(1)\nbar(2)"),
    ]

    @Test(arguments: skippedCases)
    func skipped(_ c: RewriteCase) throws {
        #expect(try c.run() == c.expected)
    }

    static let templateStringsCases: [RewriteCase] = [
        RewriteCase(
            "a hole inside a template string matches inside a source string", #"print(":[m]")"#, #"log(":[m]")"#,
            path: "a.swift", #"print("hello (world"); print(x)"#, #"log("hello (world"); print(x)"#),
        RewriteCase(
            "whitespace inside a template string is exact", #"print("a b")"#, "X", path: "a.swift",
            #"print("a  b"); print("a b")"#, #"print("a  b"); X"#),
        RewriteCase(
            "a string hole stops at the closing quote", #"f(":[a]", :[b])"#, "[:[a]|:[b]]", path: "a.swift",
            #"f("x", y) f("\"", z)"#, #"[x|y] [\"|z]"#),
        RewriteCase(
            "a template string matches only a source string", #"f(":[a]")"#, "X", path: "a.py",
            "# f(\"\n\")", nil),
        RewriteCase(
            "a template comment matches a source comment", "// TODO: :[rest]", "// FIXME: :[rest]", path: "a.go",
            "x // TODO: later\n", "x // FIXME: later\n"),
        RewriteCase(
            "a hole in a template string does not leave a Go raw string", "f(`:[a]`)", "g(`:[a]`)", path: "a.go",
            "f(`x` + `y`)", nil),
    ]

    @Test(arguments: templateStringsCases)
    func templateStrings(_ c: RewriteCase) throws {
        #expect(try c.run() == c.expected)
    }
}
