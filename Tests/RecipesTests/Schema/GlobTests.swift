import Recipes
import TestSupport
import Testing

@Suite("Globs", .tags(.small))
struct GlobTests {
    @Test(arguments: [
        ("**/*.py", "a.py", true), ("**/*.py", "x/y/a.py", true), ("**/*.py", "a.pyc", false),
        ("*.py", "x/a.py", false), ("vendor/**", "vendor/a/b.c", true), ("vendor/**", "vendor", false),
        ("vendor/**", "vendors/a", false), ("src/**/test_*.py", "src/test_a.py", true),
        ("src/**/test_*.py", "src/a/b/test_a.py", true), ("a?c", "abc", true), ("a?c", "a/c", false),
        ("[abc].txt", "b.txt", true), ("[!abc].txt", "b.txt", false), ("[a-c]x", "cx", true),
        ("[^a-c]x", "dx", true), ("setup.py", "setup.py", true), ("setup.py", "pkg/setup.py", false),
        ("**", "anything/at/all", true), ("\\*.md", "*.md", true), ("\\*.md", "a.md", false),
        ("*", "README", true), ("a*b*c", "aXbYbZc", true), ("a*b*c", "aXbYbZ", false),
        ("**/é?.txt", "dir/éa.txt", true),
    ])
    func matches(_ pattern: String, _ path: String, _ expected: Bool) throws {
        #expect(try Glob(pattern).matches(path) == expected)
    }

    @Test(arguments: [
        ("", 0, "the pattern is empty"), ("/etc/*", 0, "is absolute"), ("a/../b", 2, "'..' segment"),
        ("a**/b", 1, "'**' must be a whole path segment"), ("src/[ab", 4, "never closed"),
        ("a//b", 2, "empty path segment"), ("[z-a]", 1, "reversed"),
    ])
    func rejects(_ pattern: String, _ offset: Int, _ message: String) {
        do {
            _ = try Glob(pattern)
            Issue.record("'\(pattern)' parsed")
        } catch {
            #expect(error.offset == offset)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }
}
