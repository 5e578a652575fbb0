import Foundation
import TestSupport
import Testing

/// `sparkctl apply` as users run it: the real binary on real repositories, checked with git.
@Suite("sparkctl apply")
struct ApplyCommandTests {
    static let fixups = ["--recipe", "fixup/trailing-whitespace", "--recipe", "fixup/end-of-file", "--recipe", "fixup/mixed-line-ending"]
    static let branch = "spark/fixup-trailing-whitespace+fixup-end-of-file+fixup-mixed-line-ending"

    /// A repository with one problem per fixer, a clean file, a binary and a symlink.
    static func makeRepository(_ dir: TemporaryDirectory) async throws -> GitFixture {
        let repo = try await GitFixture.create(at: dir.path + "/repo")
        try await repo.git("config", "user.name", "Repo User")
        try await repo.git("config", "user.email", "repo@example.com")
        try repo.write([
            "src/trailing.swift": Array("let a = 1   \nlet b = 2\t\n".utf8),
            "docs/eof.txt": Array("text\n\n\n".utf8),
            "win/mixed.bat": Array("one\r\ntwo\r\nthree\n".utf8),
            "clean.txt": Array("clean\n".utf8),
            "image.bin": [0x89, 0x50, 0x00, 0x20, 0x20, 0x0A],
        ])
        try await Command.check(["ln", "-s", "clean.txt", repo.path + "/link"])
        try await repo.git("add", "-A")
        try await repo.git("commit", "-q", "-m", "base")
        return repo
    }

    @Test func writesTheReviewBranchAndLeavesTheCheckoutAlone() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await Self.makeRepository(dir)
        let base = try await repo.git("rev-parse", "HEAD")
        // Staged and unstaged work in progress.
        try repo.write(["clean.txt": "staged   \n"])
        try await repo.git("add", "clean.txt")
        try repo.write(["src/trailing.swift": "unstaged   \n", "new-untracked.txt": "u \n"])
        let before = try CheckoutState(repo)

        let (result, json) = try await SparkctlBinary.json(["apply", "--repo", repo.path] + Self.fixups)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try CheckoutState(repo) == before)
        try await repo.git("fsck", "--full", "--strict")

        let commit = try #require(json["commit"] as? String)
        #expect(json["branch"] as? String == Self.branch)
        #expect(json["base"] as? String == base)
        #expect(json["branch_action"] as? String == "created")
        #expect(json["files_changed"] as? Int == 3)
        #expect(try await repo.git("rev-parse", Self.branch) == commit)
        #expect(try await repo.git("rev-parse", "\(commit)^") == base)
        #expect(try await repo.git("diff", "--name-only", "\(base)..\(Self.branch)") == "docs/eof.txt\nsrc/trailing.swift\nwin/mixed.bat")
        #expect(try await repo.show(Self.branch, "src/trailing.swift") == Array("let a = 1\nlet b = 2\n".utf8))
        #expect(try await repo.show(Self.branch, "docs/eof.txt") == Array("text\n".utf8))
        #expect(try await repo.show(Self.branch, "win/mixed.bat") == Array("one\r\ntwo\r\nthree\r\n".utf8))

        // The reported line counts are git's own.
        let numstat = try await repo.git("diff", "--numstat", "\(base)..\(Self.branch)").replacingOccurrences(of: "\t", with: " ")
        let reported = (json["files"] as? [[String: Any]] ?? []).map { "\($0["added"]!) \($0["removed"]!) \($0["path"]!)" }
        #expect(reported.joined(separator: "\n") == numstat)

        let skipped = (json["skipped"] as? [[String: Any]] ?? []).map { "\($0["path"]!):\($0["reason"]!)" }
        #expect(skipped == ["image.bin:binary", "link:symlink"])
        let perRecipe = (json["recipes"] as? [[String: Any]] ?? []).map { "\($0["id"]!)=\($0["files_changed"]!)" }
        #expect(perRecipe == ["fixup/trailing-whitespace=1", "fixup/end-of-file=1", "fixup/mixed-line-ending=1"])

        let trailers = try await repo.git("log", "-1", "--format=%(trailers:only,unfold)", Self.branch)
        #expect(
            trailers == """
                Spark-Recipe: fixup/trailing-whitespace@2.0.0
                Spark-Recipe: fixup/end-of-file@1.0.0
                Spark-Recipe: fixup/mixed-line-ending@1.1.0
                Spark-Base: \(base)
                """)
        #expect(try await repo.git("log", "-1", "--format=%an <%ae>", Self.branch) == "Repo User <repo@example.com>")
        let body = try await repo.git("log", "-1", "--format=%b", Self.branch)
        #expect(body.contains("image.bin: binary"))
    }

    @Test func nothingToChangeWritesNoBranch() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await GitFixture.create(at: dir.path)
        try await repo.commit(["ok.txt": "fine\n"])
        let (result, json) = try await SparkctlBinary.json(["apply", "--repo", repo.path] + Self.fixups)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(json["commit"] is NSNull)
        #expect(json["branch_action"] as? String == "none")
        #expect(try await repo.git("for-each-ref", "--format=%(refname)") == "refs/heads/main")
    }

    @Test func dryRunPrintsTheDiffStatAndWritesNothing() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await Self.makeRepository(dir)
        let objectsBefore = try await repo.git("count-objects", "-v")
        let result = try await SparkctlBinary.run(["apply", "--repo", repo.path, "--dry-run"] + Self.fixups)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(" src/trailing.swift | 4 ++--"))
        #expect(result.stdout.contains("3 files changed, 3 insertions(+), 5 deletions(-)"))
        #expect(result.stdout.contains("nothing written"))
        let (_, json) = try await SparkctlBinary.json(["apply", "--repo", repo.path, "--dry-run"] + Self.fixups)
        #expect(json["dry_run"] as? Bool == true)
        #expect(json["commit"] is NSNull)
        #expect(json["files_changed"] as? Int == 3)
        #expect(try await repo.git("count-objects", "-v") == objectsBefore)
        #expect(try await repo.git("for-each-ref", "--format=%(refname)") == "refs/heads/main")
    }

    @Test func customBranchAndBaseRegenerationAndRerun() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await Self.makeRepository(dir)
        let first = try await repo.git("rev-parse", "HEAD")
        try await repo.commit(["more.txt": "late   \n"], message: "second")
        let second = try await repo.git("rev-parse", "HEAD")
        let args = ["apply", "--repo", repo.path, "--recipe", "fixup/trailing-whitespace", "--branch", "review/ws"]

        let (_, old) = try await SparkctlBinary.json(args + ["--base", "HEAD~1"])
        #expect(old["branch_action"] as? String == "created")
        #expect(try await repo.git("rev-parse", "review/ws^") == first)

        // Same job on a new base: regenerated from the new base (not rebased), same branch.
        let (_, regenerated) = try await SparkctlBinary.json(args)
        #expect(regenerated["branch_action"] as? String == "updated")
        #expect(try await repo.git("rev-parse", "review/ws^") == second)
        #expect(try await repo.git("rev-list", "--count", "main..review/ws") == "1")
        #expect(try await repo.git("diff", "--name-only", "main..review/ws") == "more.txt\nsrc/trailing.swift")

        // Again on the same base: the branch already holds this change and does not move.
        let tip = try await repo.git("rev-parse", "review/ws")
        let (_, rerun) = try await SparkctlBinary.json(args)
        #expect(rerun["branch_action"] as? String == "unchanged")
        #expect(try await repo.git("rev-parse", "review/ws") == tip)
    }

    @Test func aHumanCommitFreezesTheBranch() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await Self.makeRepository(dir)
        let args = ["apply", "--repo", repo.path, "--recipe", "fixup/trailing-whitespace"]
        #expect(try await SparkctlBinary.run(args).status == 0)
        try await repo.git("checkout", "-q", "spark/fixup-trailing-whitespace")
        let human = try await repo.commit(["src/trailing.swift": "hand edit\n"], message: "my own fix")
        try await repo.git("checkout", "-q", "main")
        try await repo.commit(["another.txt": "x \n"], message: "base moves")

        let (result, json) = try await SparkctlBinary.json(args)
        #expect(result.status == 1)
        #expect(result.stderr.contains("sparkd did not make"))
        #expect(result.stderr.contains("my own fix"))
        #expect((json["error"] as? [String: Any])?["code"] as? String == "blocked")
        #expect(try await repo.git("rev-parse", "spark/fixup-trailing-whitespace") == human)
    }

    @Test func bareRepositoryAndLinkedWorktree() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await Self.makeRepository(dir)
        let bare = try await GitFixture.create(at: dir.path + "/bare.git", bare: true)
        try await repo.git("push", "-q", bare.path, "main")
        let (bareResult, bareJSON) = try await SparkctlBinary.json(["apply", "--repo", bare.path] + Self.fixups)
        #expect(bareResult.status == 0, "\(bareResult.stderr)")
        #expect(bareJSON["files_changed"] as? Int == 3)
        try await bare.git("fsck", "--full")

        try await repo.git("worktree", "add", "-q", "-b", "feature", dir.path + "/linked")
        let linked = GitFixture(path: dir.path + "/linked")
        let before = try CheckoutState(linked)
        let (linkedResult, _) = try await SparkctlBinary.json(["apply", "--repo", linked.path, "--recipe", "fixup/end-of-file"])
        #expect(linkedResult.status == 0, "\(linkedResult.stderr)")
        #expect(try CheckoutState(linked) == before)
        #expect(try await repo.git("rev-parse", "spark/fixup-end-of-file^") == repo.git("rev-parse", "feature"))

        // A branch checked out in a worktree is never moved.
        try await repo.git("branch", "-f", "review", "main")
        try await linked.git("checkout", "-q", "review")
        try await repo.git("branch", "-f", "feature", "main")
        let (checkedOut, json) = try await SparkctlBinary.json(["apply", "--repo", repo.path, "--recipe", "fixup/end-of-file", "--branch", "review"])
        #expect(checkedOut.status == 1)
        #expect((json["error"] as? [String: Any])?["code"] as? String == "checkedOut")
        #expect(try await repo.git("rev-parse", "review") == repo.git("rev-parse", "main"))
    }

    @Test func largeChangeSetIsWrittenAsOnePack() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await GitFixture.create(at: dir.path)
        var files: [String: String] = [:]
        for index in 0..<1_200 { files["d\(index % 30)/f\(index).txt"] = "line \(index)   \n" }
        try await repo.commit(files)
        try await repo.git("gc", "-q")
        let (result, json) = try await SparkctlBinary.json(["apply", "--repo", repo.path, "--recipe", "fixup/trailing-whitespace"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(json["files_changed"] as? Int == 1_200)
        let counts = try await repo.git("count-objects", "-v")
        #expect(counts.contains("count: 0"), "no loose objects: \(counts)")
        #expect(counts.contains("packs: 2"), "\(counts)")
        try await repo.git("fsck", "--full")
        #expect(try await repo.show("spark/fixup-trailing-whitespace", "d7/f7.txt") == Array("line 7\n".utf8))
    }
}
