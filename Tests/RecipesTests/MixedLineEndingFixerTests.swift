import Recipes
import TestSupport
import Testing

@Suite("mixed-line-ending", .tags(.small))
struct MixedLineEndingFixerTests {
    typealias Mode = MixedLineEndingFixer.Mode

    @Test(arguments: [
        ("a\nb\n", "a\nb\n", "one kind: untouched"),
        ("a\r\nb", "a\r\nb", "one kind, no final newline: untouched"),
        ("a\r\nb\n", "a\nb\n", "tie CRLF/LF goes to LF"),
        ("a\rb\r\n", "a\r\nb\r\n", "tie CR/CRLF goes to CRLF"),
        ("a\rb\n", "a\nb\n", "tie CR/LF goes to LF"),
        ("a\rb\r\nc\n", "a\nb\nc\n", "three-way tie goes to LF"),
        ("a\r\nb\r\nc\n", "a\r\nb\r\nc\r\n", "most common wins"),
        ("a\rb\rc\n", "a\rb\rc\r", "CR can win"),
        ("a\r\nb\nc", "a\nb\nc\n", "a last line without ending gets one"),
        ("a\u{0B}b\u{0C}c\r\nd\n", "a\u{0B}b\u{0C}c\nd\n", "\\x0b and \\x0c are not line breaks"),
        ("", "", "empty"),
    ])
    func auto(_ input: String, _ expected: String, _ note: String) {
        let result = MixedLineEndingFixer().fix(bytes(input), path: "a")
        #expect(result.bytes(from: bytes(input)) == bytes(expected), "\(note)")
        #expect(result.changed == (input != expected), "\(note)")
        #expect(result.findings.isEmpty)
    }

    @Test(
        arguments: [
            (Mode.lf, "a\r\nb\r\n", "a\nb\n"),
            (Mode.lf, "a\r\nb", "a\nb\n"),
            (Mode.lf, "a\nb", nil),
            (Mode.crlf, "a\nb\n", "a\r\nb\r\n"),
            (Mode.crlf, "a\r\nb\r\n", nil),
            (Mode.cr, "a\nb\r\n", "a\rb\r"),
            (Mode.cr, "a\rb", nil),
            (Mode.lf, "", nil),
        ] as [(Mode, String, String?)])
    func forced(_ mode: Mode, _ input: String, _ expected: String?) {
        let result = MixedLineEndingFixer(mode: mode).fix(bytes(input), path: "a")
        #expect(result.output == expected.map(bytes))
    }

    @Test func noOnlyReports() {
        let fixer = MixedLineEndingFixer(mode: .no)
        let mixed = fixer.fix(bytes("a\r\nb\n"), path: "a")
        #expect(mixed.changed == false)
        #expect(mixed.findings == [Finding("mixed line endings")])
        #expect(fixer.fix(bytes("a\r\nb\r\n"), path: "a") == .unchanged)
    }
}
