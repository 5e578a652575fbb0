import Recipes
import TestSupport
import Testing

@Suite("trailing-whitespace", .tags(.small))
struct TrailingWhitespaceFixerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let input: [UInt8]
        let expected: [UInt8]
        let path: String
        let note: String
        init(_ input: [UInt8], _ expected: [UInt8], path: String = "a.txt", _ note: String) {
            self.input = input
            self.expected = expected
            self.path = path
            self.note = note
        }
        init(_ input: String, _ expected: String, path: String = "a.txt", _ note: String) {
            self.init(bytes(input), bytes(expected), path: path, note)
        }
        var testDescription: String { note }
    }

    static let defaultCases: [Case] = [
        Case("a  \nb\t\n", "a\nb\n", "spaces and tabs before LF"),
        Case("a \t\u{0B}\u{0C}\n", "a\n", "vertical tab and form feed are whitespace"),
        Case("a  \r\nb\r\n", "a\r\nb\r\n", "CRLF is kept"),
        Case("a \r\r\n", "a\r\n", "a CR before CRLF is whitespace"),
        Case("a\rb  \n", "a\rb\n", "a CR inside a line stays"),
        Case("a \r", "a", "a lone CR at the end of the file is stripped"),
        Case("a  ", "a", "no newline is added"),
        Case("   \n\t\n", "\n\n", "blank lines keep their ending"),
        Case("", "", "empty file"),
        Case("\n\n", "\n\n", "newlines only"),
        Case("a\u{1C}\n", "a\u{1C}\n", "\\x1c is not bytes whitespace"),
        Case("a\u{A0}\n", "a\u{A0}\n", "non-breaking space is not bytes whitespace"),
        Case([0xFF, 0x20, 0x0A, 0xC3, 0x20], [0xFF, 0x0A, 0xC3], "invalid UTF-8 passes through"),
        Case("a  \n", "a\n", path: "x.md", "markdown needs opting in"),
    ]

    @Test(arguments: defaultCases)
    func defaultOptions(_ c: Case) {
        let result = TrailingWhitespaceFixer().fix(c.input, path: c.path)
        #expect(result.bytes(from: c.input) == c.expected, "\(show(result.bytes(from: c.input)))")
        #expect(result.changed == (c.input != c.expected))
        #expect(result.findings.isEmpty)
    }

    static let markdownCases: [Case] = [
        Case("a  \n", "a  \n", path: "x.md", "two spaces are a hard line break"),
        Case("a   \n", "a  \n", path: "x.md", "three spaces become two"),
        Case("a \t  \r\n", "a  \r\n", path: "x.md", "other whitespace before the two spaces goes"),
        Case("a\t\n", "a\n", path: "x.md", "a line not ending in two spaces is trimmed"),
        Case("    \n", "\n", path: "x.md", "blank lines lose their spaces"),
        Case("a  ", "a  ", path: "x.md", "last line without newline"),
        Case("a   \n", "a  \n", path: "docs/X.MD", "extension case is ignored"),
        Case("a   \n", "a\n", path: "x.markdown", "only listed extensions"),
        Case("a   \n", "a\n", path: ".md", "a dot file has no extension"),
        Case("a   \n", "a\n", path: "dir.md/notes", "only the last component counts"),
    ]

    @Test(arguments: markdownCases)
    func markdown(_ c: Case) throws {
        let fixer = TrailingWhitespaceFixer(markdown: try MarkdownLinebreaks(arguments: ["md"]))
        let result = fixer.fix(c.input, path: c.path)
        #expect(result.bytes(from: c.input) == c.expected, "\(show(result.bytes(from: c.input)))")
        #expect(result.changed == (c.input != c.expected))
    }

    @Test func starTreatsEveryFileAsMarkdown() throws {
        let fixer = TrailingWhitespaceFixer(markdown: try MarkdownLinebreaks(arguments: ["*"]))
        #expect(fixer.fix(bytes("a  \n"), path: "Makefile").changed == false)
        #expect(fixer.fix(bytes("a   \n"), path: "x.c").output == bytes("a  \n"))
    }

    @Test func charsReplacesTheStrippedSet() {
        let fixer = TrailingWhitespaceFixer(chars: " x")
        #expect(fixer.fix(bytes("a\tx x \n"), path: "a").output == bytes("a\t\n"))
        #expect(fixer.fix(bytes("a\t\r\n"), path: "a").changed == false)
        // A non-ASCII character strips each byte of its UTF-8 encoding.
        let accent = TrailingWhitespaceFixer(chars: "é")
        #expect(accent.fix([0x61, 0xA9, 0xC3, 0x0A], path: "a").output == [0x61, 0x0A])
        // An empty set strips nothing.
        #expect(TrailingWhitespaceFixer(chars: "").fix(bytes("a  \n"), path: "a").changed == false)
    }

    @Test func markdownBlankTestIgnoresChars() throws {
        // `isspace()` uses default whitespace even when --chars is set.
        let fixer = TrailingWhitespaceFixer(markdown: try MarkdownLinebreaks(arguments: ["md"]), chars: "x")
        #expect(fixer.fix(bytes("ax  \n"), path: "a.md").output == bytes("a  \n"))
        #expect(fixer.fix(bytes("\t  \n"), path: "a.md").changed == false)
    }

    @Test func unchangedContentIsNotCopied() {
        let result = TrailingWhitespaceFixer().fix(bytes("clean\nlines\r\n"), path: "a")
        #expect(result == .unchanged)
    }
}
