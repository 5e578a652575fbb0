import Foundation
import TestSupport
import Testing

/// `sparkctl fix`: pre-commit-hooks' contract (in place, exit 1 when anything changed) and the
/// editor filter (`--stdin-filename`).
@Suite("sparkctl fix")
struct FixCommandTests {
    @Test func fixesFilesInPlaceAndExitsOneWhenAnythingChanged() async throws {
        let dir = try TemporaryDirectory()
        let dirty = try dir.write("dirty.sh", "echo hi   \r\necho there\n")
        let clean = try dir.write("clean.txt", "fine\n")
        try await Command.check(["chmod", "755", dirty])
        let inode = try FileManager.default.attributesOfItem(atPath: dirty)[.systemFileNumber] as? Int

        let first = try await SparkctlBinary.run(
            ["fix", "--recipe", "fixup/trailing-whitespace", "--recipe", "fixup/mixed-line-ending", dirty, clean])
        #expect(first.status == 1, "\(first.stderr)")
        #expect(first.stdout.contains("Fixing \(dirty)"))
        #expect(!first.stdout.contains("Fixing \(clean)"))
        #expect(try dir.read("dirty.sh") == Array("echo hi\necho there\n".utf8))
        let attributes = try FileManager.default.attributesOfItem(atPath: dirty)
        #expect((attributes[.posixPermissions] as? Int) == 0o755, "mode kept")
        #expect(attributes[.systemFileNumber] as? Int == inode, "rewritten in place, as pre-commit-hooks does")

        let second = try await SparkctlBinary.run(["fix", "--recipe", "fixup/trailing-whitespace", dirty, clean])
        #expect(second.status == 0)
        #expect(second.stdout.isEmpty)
    }

    @Test func filtersStandardInput() async throws {
        let changed = try await Command.run(
            [
                SparkctlBinary.path, "fix", "--recipe", "fixup/trailing-whitespace", "--recipe", "fixup/end-of-file",
                "--stdin-filename", "notes.txt",
            ], stdin: Array("a  \nb".utf8))
        #expect(changed.status == 1)
        #expect(changed.stdoutBytes == Array("a\nb\n".utf8))
        let unchanged = try await Command.run(
            [SparkctlBinary.path, "fix", "--recipe", "fixup/end-of-file", "--stdin-filename", "notes.txt"],
            stdin: Array("ok\n".utf8))
        #expect(unchanged.status == 0)
        #expect(unchanged.stdoutBytes == Array("ok\n".utf8))
    }

    @Test func skipsBinaryFilesAndRejectsBadUsage() async throws {
        let dir = try TemporaryDirectory()
        let binary = try dir.write("blob.bin", [0, 1, 32, 32, 10])
        let skipped = try await SparkctlBinary.run(["fix", "--recipe", "fixup/trailing-whitespace", binary])
        #expect(skipped.status == 0)
        #expect(skipped.stderr.contains("skipped (binary)"))
        #expect(try dir.read("blob.bin") == [0, 1, 32, 32, 10])

        let noRecipe = try await SparkctlBinary.run(["fix", binary])
        #expect(noRecipe.status == 2)
        let unknown = try await SparkctlBinary.run(["fix", "--recipe", "fixup/nope", binary])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("fixup/nope"))
    }

    @Test func stdinFilenameRunsARewriteRecipeChosenByTheName() async throws {
        let input = Array("self.assertEquals(a, b)  # assertEquals( in a comment\n".utf8)
        let python = try await Command.run(
            [SparkctlBinary.path, "fix", "--recipe", "python/unittest-deprecated-aliases", "--stdin-filename", "tests/test_a.py"],
            stdin: input)
        #expect(python.status == 1, "\(python.stderr)")
        #expect(python.stdout == "self.assertEqual(a, b)  # assertEquals( in a comment\n")
        let notPython = try await Command.run(
            [SparkctlBinary.path, "fix", "--recipe", "python/unittest-deprecated-aliases", "--stdin-filename", "notes.md"],
            stdin: input)
        #expect(notPython.status == 0, "the name decides the language")
        #expect(notPython.stdoutBytes == input)
    }

    @Test func paramsReachARegexRecipeAndBadOnesAreUsageErrors() async throws {
        let dir = try TemporaryDirectory()
        let recipes = try RecipeDirectory(in: dir)
        try recipes.write(
            "local/rename",
            """
            id: local/rename
            version: 1.0.0
            title: Rename a word
            parameters:
              from: { type: string, required: true }
              to: { type: string, default: "new" }
            steps:
              - regex: { pattern: '\\b{{from}}\\b', replace: "{{to}}" }
            """)
        let fix = [SparkctlBinary.path, "fix", "--recipe", "local/rename", "--stdin-filename", "a.txt"] + recipes.arguments
        let renamed = try await Command.run(fix + ["--param", "from=old", "--param", "to=fresh"], stdin: Array("old bold old\n".utf8))
        #expect(renamed.status == 1, "\(renamed.stderr)")
        #expect(renamed.stdout == "fresh bold fresh\n")

        let missing = try await Command.run(fix, stdin: Array("old\n".utf8))
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("requires parameter 'from'"), "\(missing.stderr)")
        #expect(missing.stderr.contains("hint: pass --param from=VALUE"))
        let malformed = try await Command.run(fix + ["--param", "=x"], stdin: Array("old\n".utf8))
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("has no parameter name before '='"))
    }

    @Test func skipsWhatARecipeMustNotTouchAndRefusesTemplateOnlyRecipes() async throws {
        let dir = try TemporaryDirectory()
        let latin1: [UInt8] = [
            0x73, 0x65, 0x6C, 0x66, 0x2E, 0x61, 0x73, 0x73, 0x65, 0x72, 0x74, 0x45, 0x71, 0x75, 0x61, 0x6C,
            0x73, 0x28, 0xE9, 0x29, 0x0A,
        ]
        let file = try dir.write("test_latin1.py", latin1)
        let skipped = try await SparkctlBinary.run(["fix", "--recipe", "python/unittest-deprecated-aliases", file])
        #expect(skipped.status == 0)
        #expect(skipped.stderr.contains("\(file): skipped (non-utf8)"), "\(skipped.stderr)")
        #expect(try dir.read("test_latin1.py") == latin1)

        let template = try await SparkctlBinary.run(["fix", "--recipe", "boilerplate/editorconfig", file])
        #expect(template.status == 2)
        #expect(template.stderr.contains("only writes files from templates"))
        #expect(template.stderr.contains("sparkctl apply --recipe boilerplate/editorconfig"))
    }
}
