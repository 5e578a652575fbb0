import Recipes
import TestSupport
import Testing

@Suite("File selection and skip reasons", .tags(.small))
struct SelectionTests {
    func plan(_ body: String, workspace: InMemoryWorkspace = InMemoryWorkspace()) throws -> RecipePlan {
        try PreparedRecipe(recipe(body)).plan(for: workspace)
    }

    static let trim = "steps:\n  - fix: trailing-whitespace\n"

    @Test func languagesSelectByExtensionAndShebang() throws {
        let plan = try plan("languages: [python, sh]\n" + Self.trim)
        #expect(plan.selection(path: "a/b.py", size: 10) == .selected)
        #expect(plan.selection(path: "run.sh", size: 10) == .selected)
        #expect(plan.selection(path: "main.go", size: 10) == .notSelected)
        // Without an extension only the #! line tells.
        #expect(plan.selection(path: "bin/tool", size: 10) == .selected)
        #expect(plan.apply(path: "bin/tool", contents: bytes("#!/usr/bin/env python3\nx  \n")).changed)
        #expect(plan.apply(path: "bin/tool", contents: bytes("#!/usr/bin/perl\nx  \n")).selection == .notSelected)
        #expect(plan.apply(path: "main.go", contents: bytes("x  \n")).selection == .notSelected)
    }

    @Test func filesIncludeExcludeAndMaxSize() throws {
        let plan = try plan("files: { include: ['src/**'], exclude: ['src/vendor/**'], max_size: 10 }\n" + Self.trim)
        #expect(plan.selection(path: "src/a.c", size: 10) == .selected)
        #expect(plan.selection(path: "src/a.c", size: 11) == .skipped(.tooLarge))
        #expect(plan.selection(path: "src/vendor/a.c", size: 1) == .notSelected)
        #expect(plan.selection(path: "docs/a.md", size: 1) == .notSelected)
        #expect(plan.apply(path: "src/a.c", contents: bytes("0123456789  ")).selection == .skipped(.tooLarge))
    }

    @Test(arguments: [("512KB", 512 * 1024), ("1MB", 1 << 20), ("2 gb", 2 << 30), ("1000", 1000), ("3k", 3072)])
    func maxSizeUnits(_ text: String, _ bytes: Int) throws {
        #expect(try recipe("files: { max_size: \(text) }\n" + Self.trim).files.maxSize == bytes)
    }

    @Test func defaultMaxSizeIsOneMegabyte() throws {
        let plan = try plan(Self.trim)
        #expect(plan.selection(path: "a", size: 1 << 20) == .selected)
        #expect(plan.selection(path: "a", size: (1 << 20) + 1) == .skipped(.tooLarge))
    }

    @Test func whenContainsMatchesAndPath() throws {
        let plan = try plan(
            """
            when:
              - contains: "import unittest"
              - matches: '(?m)^class \\w+\\(unittest\\.TestCase\\)'
              - path: "**/test_*.py"

            """ + Self.trim)
        let good = bytes("import unittest\nclass A(unittest.TestCase):  \n")
        #expect(plan.apply(path: "t/test_a.py", contents: good).changed)
        #expect(plan.apply(path: "t/a.py", contents: good).selection == .notSelected)
        #expect(plan.apply(path: "t/test_a.py", contents: bytes("import os  \n")).selection == .notSelected)
        #expect(plan.apply(path: "t/test_a.py", contents: bytes("import unittest  \n")).selection == .notSelected)
        #expect(plan.selection(path: "t/a.py", size: 1) == .notSelected)
    }

    @Test func repositoryHas() throws {
        let body = "when: [{ repository_has: setup.py }]\n" + Self.trim
        let without = try plan(body, workspace: InMemoryWorkspace(files: ["a.py": bytes("x  \n")]))
        #expect(!without.applies)
        #expect(without.selection(path: "a.py", size: 4) == .notSelected)
        #expect(without.apply(path: "a.py", contents: bytes("x  \n")).selection == .notSelected)
        let with = try plan(body, workspace: InMemoryWorkspace(files: ["setup.py": [], "a.py": bytes("x  \n")]))
        #expect(with.applies)
        #expect(with.apply(path: "a.py", contents: bytes("x  \n")).bytes == bytes("x\n"))
    }

    @Test func skipReasons() throws {
        let workspace = InMemoryWorkspace(files: ["a": []], symlinks: ["link"], submodules: ["lib/sub"])
        let plan = try plan(Self.trim, workspace: workspace)
        #expect(plan.selection(path: "link", size: 5) == .skipped(.symlink))
        #expect(plan.selection(path: "lib/sub", size: 0) == .skipped(.submodule))
        #expect(plan.apply(path: "link", contents: bytes("a  ")).selection == .skipped(.symlink))
        #expect(plan.apply(path: "b.bin", contents: [0x61, 0x00, 0x20]).selection == .skipped(.binary))
        let pointer = bytes("version https://git-lfs.github.com/spec/v1\noid sha256:abc  \nsize 3\n")
        #expect(plan.apply(path: "big.psd", contents: pointer).selection == .skipped(.lfsPointer))
        // Byte-level fixers run on content that is not UTF-8.
        #expect(plan.apply(path: "latin1.txt", contents: [0xE9, 0x20, 0x0A]).bytes == [0xE9, 0x0A])
    }

    @Test func notSelectedFilesAreNotReportedEvenIfBinary() throws {
        let plan = try plan("languages: [python]\n" + Self.trim)
        #expect(plan.apply(path: "logo.png", contents: [0, 1, 2]).selection == .notSelected)
        #expect(plan.apply(path: "data.py", contents: [0, 1, 2]).selection == .skipped(.binary))
    }

    @Test(arguments: [
        ("languages: [pyton]\n", 4, 13, RecipeError.Code.unknownLanguage, "unknown language 'pyton'; did you mean 'python'?"),
        ("files: { includes: ['*'] }\n", 4, 10, .unknownKey, "unknown key 'includes' in 'files'; did you mean 'include'?"),
        ("files: { include: ['src/[ab'] }\n", 4, 25, .invalidGlob, "invalid glob in 'include': '[' in 'src/[ab' is never closed with ']'"),
        ("files: { max_size: 1TB }\n", 4, 20, .invalidValue, "'max_size' in 'files' must be a positive size, not '1TB'"),
        ("when: [{ contain: x }]\n", 4, 10, .unknownKey, "unknown key 'contain' in item 1 of 'when'; did you mean 'contains'?"),
        ("when: [{ repository-has: x }]\n", 4, 10, .unknownKey, "unknown key 'repository-has' in item 1 of 'when'; did you mean 'repository_has'?"),
        ("when: [{ matches: '(' }]\n", 4, 19, .invalidRegex, "'matches': invalid regular expression: expected ')'"),
        ("when: [{ path: '/abs' }]\n", 4, 16, .invalidGlob, "invalid glob in 'path': '/abs' is absolute; patterns are relative to the repository root"),
        ("when: [{ path: a, contains: b }]\n", 4, 19, .invalidValue, "item 1 of 'when' has more than one condition ('path' and 'contains')"),
        ("when: [{}]\n", 4, 8, .invalidValue, "item 1 of 'when' is empty"),
        ("when: { path: a }\n", 4, 7, .wrongType, "'when' in recipe must be a list, not a mapping"),
    ])
    func loadErrors(_ yaml: String, _ line: Int, _ column: Int, _ code: RecipeError.Code, _ message: String) throws {
        let error = try #require(loadError(yaml + Self.trim))
        #expect(error.code == code)
        #expect(error.message == message)
        #expect(error.line == line)
        #expect(error.column == column)
    }
}
