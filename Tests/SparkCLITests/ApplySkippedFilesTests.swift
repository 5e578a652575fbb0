import Foundation
import TestSupport
import Testing

/// Files a recipe must not mangle are left alone and reported once each, with the reason, in
/// `--json` (`skipped`), the human output and the commit message.
@Suite("sparkctl apply: skipped files")
struct ApplySkippedFilesTests {
    /// A regex recipe (text only) limited to 64 bytes per file.
    static let shout = """
        id: local/shout
        version: 1.0.0
        title: Shout
        files: { max_size: 64B }
        steps:
          - regex: { pattern: "hello", replace: "HELLO" }
        """

    @Test func everySkipReasonIsReportedOnceWithTheRecipes() async throws {
        let dir = try TemporaryDirectory()
        let recipes = try RecipeDirectory(in: dir)
        try recipes.write("local/shout", Self.shout)
        let repo = try await GitFixture.create(at: dir.path + "/repo")
        try repo.write([
            "a.txt": Array("hello   \n".utf8),
            "big.txt": Array(("hello " + String(repeating: "x", count: 100) + "\n").utf8),
            "binary.dat": [0x68, 0x00, 0x20, 0x0A],
            "latin1.txt": [0x68, 0x65, 0x6C, 0x6C, 0x6F, 0x20, 0xE9, 0x20, 0x0A],
            "model.bin": Array("version https://git-lfs.github.com/spec/v1\noid sha256:0\nsize 1\n".utf8),
        ])
        try await Command.check(["ln", "-s", "a.txt", repo.path + "/link"])
        try await repo.git("add", "-A")
        try await repo.git("commit", "-q", "-m", "base")

        let args =
            ["apply", "--repo", repo.path, "--recipe", "local/shout", "--recipe", "fixup/trailing-whitespace"]
            + recipes.arguments
        let (result, json) = try await SparkctlBinary.json(args)
        #expect(result.status == 0, "\(result.stderr)")
        let skipped = (json["skipped"] as? [[String: Any]] ?? []).map {
            "\($0["path"]!):\($0["reason"]!):\(($0["recipes"] as? [String] ?? []).joined(separator: "+"))"
        }
        #expect(
            skipped == [
                "big.txt:too-large:local/shout",
                "binary.dat:binary:local/shout+fixup/trailing-whitespace",
                "latin1.txt:non-utf8:local/shout",
                "link:symlink:local/shout+fixup/trailing-whitespace",
                "model.bin:lfs-pointer:local/shout+fixup/trailing-whitespace",
            ])
        // A byte-level fixer still works where the text recipe skipped.
        let branch = "spark/local-shout+fixup-trailing-whitespace"
        #expect(try await repo.git("diff", "--name-only", "main..\(branch)") == "a.txt\nlatin1.txt")
        #expect(try await repo.show(branch, "a.txt") == Array("HELLO\n".utf8))
        #expect(try await repo.show(branch, "big.txt") == repo.show("main", "big.txt"))

        let body = try await repo.git("log", "-1", "--format=%b", branch)
        #expect(body.contains("Skipped 5 files:"))
        #expect(body.contains("model.bin: lfs-pointer"))

        let human = try await SparkctlBinary.run(args + ["--dry-run"])
        #expect(human.stdout.contains("skipped 5: big.txt (too-large), binary.dat (binary), latin1.txt (non-utf8)"), "\(human.stdout)")
    }

    @Test func filesNoRecipeSelectsAreNeitherReadNorReported() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await GitFixture.create(at: dir.path + "/repo")
        try repo.write(["image.png": [0x89, 0x50, 0x00, 0x20, 0x0A], "ok.py": Array("self.assertEquals(a, b)\n".utf8)])
        try await Command.check(["ln", "-s", "ok.py", repo.path + "/link.py"])
        try await repo.git("add", "-A")
        try await repo.git("commit", "-q", "-m", "base")
        let (result, json) = try await SparkctlBinary.json(
            ["apply", "--repo", repo.path, "--recipe", "python/unittest-deprecated-aliases"])
        #expect(result.status == 0, "\(result.stderr)")
        let skipped = (json["skipped"] as? [[String: Any]] ?? []).map { "\($0["path"]!):\($0["reason"]!)" }
        #expect(skipped == ["link.py:symlink"], "the PNG is not Python: not the recipe's business")
        #expect(json["files_changed"] as? Int == 1)
        #expect(try await repo.show("spark/python-unittest-deprecated-aliases", "ok.py") == Array("self.assertEqual(a, b)\n".utf8))
    }
}
