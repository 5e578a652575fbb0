import Recipes
import TestSupport
import Testing

@Suite("end-of-file", .tags(.small))
struct EndOfFileFixerTests {
    @Test(arguments: [
        ("", ""),
        ("a", "a\n"),
        ("a ", "a \n"),
        ("a\n", "a\n"),
        ("a\n\n\n", "a\n"),
        ("\n", ""),
        ("\n\r\n\r", ""),
        ("a\r\n", "a\r\n"),
        ("a\r\n\r\n", "a\r\n"),
        ("a\r", "a\r"),
        ("a\r\r", "a\r"),
        ("a\n\r", "a\n"),
        ("a\r\n\n", "a\r\n"),
        ("a\n\r\n", "a\n"),
        ("a\u{0C}", "a\u{0C}\n"),
    ])
    func fixes(_ input: String, _ expected: String) {
        let result = EndOfFileFixer().fix(bytes(input), path: "a")
        #expect(result.bytes(from: bytes(input)) == bytes(expected))
        #expect(result.changed == (input != expected))
    }

    @Test func invalidUTF8GetsANewline() {
        #expect(EndOfFileFixer().fix([0xFF], path: "a").output == [0xFF, 0x0A])
        #expect(EndOfFileFixer().fix([0xC3, 0x0A, 0x0A], path: "a").output == [0xC3, 0x0A])
    }
}
