import Foundation
import TestSupport
import Testing

/// A repository with `main` (BASE) and a `feature` branch of commits on it, for
/// `sparkctl fixup --commits`.
struct FeatureRepository {
    let directory: TemporaryDirectory
    let repo: GitFixture
    let base: String

    init(base files: [String: String]) async throws {
        directory = try TemporaryDirectory("sparkd-fixup-commits")
        repo = try await GitFixture.create(at: directory.path + "/repo")
        try await repo.git("config", "user.name", "Reviewer")
        try await repo.git("config", "user.email", "reviewer@example.com")
        base = try await repo.commit(files, message: "base")
        try await repo.git("switch", "-q", "-c", "feature")
    }

    @discardableResult
    func commit(_ files: [String: String], _ message: String) async throws -> String { try await repo.commit(files, message: message) }

    func fixup(_ arguments: [String]) async throws -> CommandResult {
        try await SparkctlBinary.run(["fixup", "--repo", repo.path] + arguments)
    }

    func branchTip(_ name: String) async -> String? { try? await repo.git("rev-parse", "--verify", "-q", "refs/heads/\(name)") }

    /// A clone in which `branch` is rebased with `git rebase -i --autosquash BASE`, the editors
    /// accepting the todo list and messages as they are.
    func autosquash(_ branch: String) async throws -> (clone: GitFixture, result: CommandResult) {
        let clone = GitFixture(path: directory.path + "/clone-\(UUID().uuidString.prefix(8))")
        try await Command.check(["git", "clone", "-q", repo.path, clone.path], environment: GitFixture.environment)
        try await clone.git("switch", "-q", "-c", "review", "origin/\(branch)")
        let result = try await Command.run(
            ["git", "-C", clone.path, "rebase", "-i", "--autosquash", base],
            environment: GitFixture.environment.merging(["GIT_SEQUENCE_EDITOR": "true", "GIT_EDITOR": "true"]) { _, new in new })
        return (clone, result)
    }
}

/// The whitespace violations a commit's own diff adds: trailing blanks (a `\r` included) on an
/// added line, or an added last line without its newline.
func violationsAdded(by commit: String, in repo: GitFixture) async throws -> [String] {
    let diff = try await Command.check(["git", "-C", repo.path, "show", "--format=", commit], environment: GitFixture.environment)
    var found: [String] = []
    var previousAdded: String?
    for line in diff.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
        if line.hasPrefix("+"), !line.hasPrefix("+++") {
            if line.hasSuffix(" ") || line.hasSuffix("\t") || line.hasSuffix("\r") { found.append("trailing blank: \(line)") }
            previousAdded = line
        } else if line.hasPrefix("\\ No newline"), let added = previousAdded {
            found.append("no final newline: \(added)")
        } else {
            previousAdded = nil
        }
    }
    return found
}

@Suite("sparkctl fixup --commits")
struct FixupCommitsTests {
    /// Issue 7's "done when": the fixup! commits fold into their targets with the git CLI.
    @Test("fixup! commits fold into the commits that introduced the violations with git rebase -i --autosquash")
    func foldsWithAutosquash() async throws {
        let feature = try await FeatureRepository(base: [
            "old.txt": "pre-existing  \nline 2\nline 3\nline 4\n",
            "same.txt": (1...10).map { "line \($0)\n" }.joined(),
        ])
        let lines = (1...10).map { "line \($0)\n" }
        var same = lines
        same[1] = "line 2  \n"
        try await feature.commit(["parser.txt": "fn main()  \nbody\n", "same.txt": same.joined()], "add parser")
        try await feature.commit(["docs.md": "docs\n", "old.txt": "pre-existing  \nline 2\nline 3\nline 4 changed\n"], "tidy docs")
        same[7] = "line 8\t\n"
        try await feature.commit(["notes.txt": "no newline", "same.txt": same.joined()], "add notes")
        try await feature.commit(["crlf.txt": "a\nb\r\nc\nd\n"], "windows line")
        let head = try await feature.repo.git("rev-parse", "feature")
        try await feature.repo.git("switch", "-q", "main")
        let before = try CheckoutState(feature.repo)

        let run = try await feature.fixup(["--commits", "main..feature"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("git rebase -i --autosquash \(feature.base.prefix(12)) spark/fixup/feature"), "\(run.stdout)")
        #expect(run.stdout.contains("pre-existing"), "\(run.stdout)")
        #expect(try CheckoutState(feature.repo) == before, "HEAD, index and working tree untouched")
        #expect(try await feature.repo.git("status", "--porcelain") == "")
        #expect(try await feature.repo.git("rev-parse", "HEAD") == feature.base)

        let branch = try #require(await feature.branchTip("spark/fixup/feature"))
        let subjects = try await feature.repo.git("log", "--reverse", "--format=%s", "feature..\(branch)").split(separator: "\n")
        #expect(subjects == ["fixup! add parser", "fixup! add notes", "fixup! windows line"])
        #expect(try await feature.repo.git("merge-base", "--is-ancestor", head, branch) == "")
        let message = try await feature.repo.git("log", "-1", "--format=%B", branch)
        #expect(message.contains("Spark-Base: \(head)"))
        #expect(message.contains("Spark-Recipe: fixup/mixed-line-ending@"))
        try await feature.repo.git("fsck", "--strict")

        let (clone, rebase) = try await feature.autosquash("spark/fixup/feature")
        #expect(rebase.status == 0, "\(rebase.stderr)")
        let rewritten = try await clone.git("rev-list", "--reverse", "\(feature.base)..HEAD").split(separator: "\n").map(String.init)
        #expect(rewritten.count == 4, "the fixups folded into their targets")
        #expect(
            try await clone.git("log", "--reverse", "--format=%s", "\(feature.base)..HEAD").split(separator: "\n")
                == ["add parser", "tidy docs", "add notes", "windows line"])
        for commit in rewritten {
            #expect(try await violationsAdded(by: commit, in: clone) == [], "commit \(commit)")
        }
        #expect(try await clone.git("rev-parse", "HEAD^{tree}") == feature.repo.git("rev-parse", "\(branch)^{tree}"), "the fixed tree")
        #expect(
            try await clone.show("HEAD", "old.txt") == Array("pre-existing  \nline 2\nline 3\nline 4 changed\n".utf8),
            "the violation from before BASE is left alone")
        #expect(try await clone.show("HEAD", "crlf.txt") == Array("a\nb\nc\nd\n".utf8))
        #expect(try await clone.show("HEAD", "notes.txt") == Array("no newline\n".utf8))
        try await clone.git("fsck", "--strict")
    }

    @Test("a fix next to a later commit's edit goes to that commit, so the rebase does not stop on a conflict")
    func adjacentEditsStillFoldCleanly() async throws {
        let feature = try await FeatureRepository(base: ["a.txt": "one\ntwo\nthree\n"])
        try await feature.commit(["a.txt": "one\ntwo  \nthree\n"], "first")
        try await feature.commit(["a.txt": "one\ntwo  \nTHREE\n"], "second")
        let run = try await feature.fixup(["--commits", "main..feature", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"moved_lines\" : [\n            2"), "\(run.stdout)")
        let (clone, rebase) = try await feature.autosquash("spark/fixup/feature")
        #expect(rebase.status == 0, "\(rebase.stderr)")
        #expect(try await clone.git("rev-list", "--count", "\(feature.base)..HEAD") == "2")
        #expect(try await clone.show("HEAD", "a.txt") == Array("one\ntwo\nTHREE\n".utf8))
    }

    @Test("with fixup_commits in HEAD's .sparkd.yml its recipes run (default: the three fixups), as the daemon runs them; else the pre-commit ones")
    func fixupCommitsRecipesFromTheFile() async throws {
        let feature = try await FeatureRepository(base: ["a.txt": "a\n"])
        try await feature.commit(
            [
                ".sparkd.yml": "recipes: [{ id: fixup/trailing-whitespace, on: [pre-commit] }]\n"
                    + "fixup_commits: { base: main, recipes: [fixup/end-of-file] }\n"
            ], "configure")
        try await feature.commit(["b.txt": "b  \n", "c.txt": "no newline"], "add b and c")
        var run = try await feature.fixup(["--commits", "main..feature", "--mode", "check"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("c.txt") && !run.stdout.contains("b.txt"), "\(run.stdout)")

        try await feature.commit([".sparkd.yml": "recipes: [{ id: fixup/trailing-whitespace, on: [pre-commit] }]\n"], "only pre-commit")
        run = try await feature.fixup(["--commits", "main..feature", "--mode", "check"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("b.txt") && !run.stdout.contains("c.txt"), "\(run.stdout)")

        // fixup_commits without recipes: the daemon's default, the three whitespace fixups.
        try await feature.commit(
            [
                ".sparkd.yml": "recipes: [{ id: fixup/trailing-whitespace, on: [pre-commit] }]\n"
                    + "fixup_commits: { base: main }\n"
            ], "fixups with the default recipes")
        run = try await feature.fixup(["--commits", "main..feature", "--mode", "check"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("b.txt") && run.stdout.contains("c.txt"), "\(run.stdout)")
    }

    @Test("nothing to fix: no branch, exit 0")
    func nothingToFix() async throws {
        let feature = try await FeatureRepository(base: ["a.txt": "old  \n"])
        try await feature.commit(["b.txt": "clean\n"], "clean work")
        let run = try await feature.fixup(["--commits", "main..feature"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("nothing to fix"), "\(run.stdout)")
        await #expect(await feature.branchTip("spark/fixup/feature") == nil)
    }

    @Test("two commits with the same subject get fixup! <full id>, and each folds into its own")
    func sameSubjectUsesTheID() async throws {
        let feature = try await FeatureRepository(base: ["a.txt": "a\n"])
        let first = try await feature.commit(["b.txt": "b  \n"], "wip")
        let second = try await feature.commit(["c.txt": "c  \n"], "wip")
        let run = try await feature.fixup(["--commits", "main..feature"])
        #expect(run.status == 0, "\(run.stderr)")
        let subjects = try await feature.repo.git("log", "--reverse", "--format=%s", "feature..spark/fixup/feature").split(separator: "\n")
        #expect(subjects.map(String.init) == ["fixup! \(first)", "fixup! \(second)"])
        let (clone, rebase) = try await feature.autosquash("spark/fixup/feature")
        #expect(rebase.status == 0, "\(rebase.stderr)")
        let rewritten = try await clone.git("rev-list", "--reverse", "\(feature.base)..HEAD").split(separator: "\n").map(String.init)
        #expect(rewritten.count == 2)
        #expect(try await clone.git("show", "--name-only", "--format=", rewritten[0]) == "b.txt")
        for commit in rewritten { #expect(try await violationsAdded(by: commit, in: clone) == []) }
    }

    @Test("a merge commit in the range is refused with its id; nothing is written")
    func mergeInRangeIsRefused() async throws {
        let feature = try await FeatureRepository(base: ["a.txt": "a\n"])
        try await feature.commit(["b.txt": "b  \n"], "on feature")
        try await feature.repo.git("switch", "-q", "-c", "side", "main")
        try await feature.commit(["c.txt": "c  \n"], "on side")
        try await feature.repo.git("switch", "-q", "feature")
        try await feature.repo.git("merge", "-q", "--no-ff", "-m", "merge side", "side")
        let merge = try await feature.repo.git("rev-parse", "HEAD")
        let run = try await feature.fixup(["--commits", "main..feature"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("merge commit \(merge.prefix(7))"), "\(run.stderr)")
        #expect(run.stderr.contains("hint:"), "\(run.stderr)")
        await #expect(await feature.branchTip("spark/fixup/feature") == nil)
    }

    @Test(
        "a bad range, an unknown revision, a base that is not an ancestor, not a repository: exit 2, naming what is wrong",
        arguments: [
            (["--commits", "nope..feature"], "nope"),
            (["--commits", "main..nope"], "nope"),
            (["--commits", "main...feature"], "symmetric"),
            (["--commits", "..feature"], "BASE..HEAD"),
            (["--commits", "feature..main"], "not an ancestor"),
        ])
    func badRanges(arguments: [String], expected: String) async throws {
        let feature = try await FeatureRepository(base: ["a.txt": "a\n"])
        try await feature.commit(["b.txt": "b  \n"], "work")
        let (run, json) = try await SparkctlBinary.json(["fixup", "--repo", feature.repo.path] + arguments)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains(expected), "\(run.stderr)")
        let error = try #require(json["error"] as? [String: Any])
        #expect(error["hint"] != nil)
    }

    @Test("not a repository: exit 2")
    func notARepository() async throws {
        let directory = try TemporaryDirectory("sparkd-fixup-commits")
        let run = try await SparkctlBinary.run(["fixup", "--repo", directory.path, "--commits", "main..HEAD"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("not a git repository"), "\(run.stderr)")
    }

    @Test("--mode check writes nothing, prints what it would fix and exits 1")
    func checkMode() async throws {
        let feature = try await FeatureRepository(base: ["a.txt": "a\n"])
        let target = try await feature.commit(["b.txt": "b  \n"], "work")
        let (run, json) = try await SparkctlBinary.json(["fixup", "--repo", feature.repo.path, "--commits", "main..feature", "--mode", "check"])
        #expect(run.status == 1)
        #expect(json["branch_action"] as? String == "check")
        let fixups = try #require(json["fixups"] as? [[String: Any]])
        #expect(fixups.count == 1)
        #expect(fixups.first?["target"] as? String == target)
        #expect(fixups.first?["commit"] == nil || fixups.first?["commit"] is NSNull)
        await #expect(await feature.branchTip("spark/fixup/feature") == nil)
        #expect(try await feature.repo.git("for-each-ref", "refs/heads/spark") == "")
    }

    @Test("running twice keeps the branch; a new commit regenerates it on the new tip instead of stacking")
    func idempotent() async throws {
        let feature = try await FeatureRepository(base: ["a.txt": "a\n"])
        try await feature.commit(["b.txt": "b  \n"], "work")
        #expect(try await feature.fixup(["--commits", "main..feature"]).status == 0)
        let first = try #require(await feature.branchTip("spark/fixup/feature"))
        let again = try await feature.fixup(["--commits", "main..feature"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("already holds"), "\(again.stdout)")
        await #expect(await feature.branchTip("spark/fixup/feature") == first)

        try await feature.commit(["c.txt": "c\t\n"], "more work")
        #expect(try await feature.fixup(["--commits", "main..feature"]).status == 0)
        let second = try #require(await feature.branchTip("spark/fixup/feature"))
        #expect(second != first)
        #expect(try await feature.repo.git("rev-list", "--count", "feature..\(second)") == "2", "one fixup per target, on the new tip")
        #expect(try await feature.repo.git("rev-parse", "\(second)~2") == feature.repo.git("rev-parse", "feature"))
    }

    @Test("a human commit on the fixup branch is never overwritten")
    func humanCommitBlocks() async throws {
        let feature = try await FeatureRepository(base: ["a.txt": "a\n"])
        try await feature.commit(["b.txt": "b  \n"], "work")
        #expect(try await feature.fixup(["--commits", "main..feature"]).status == 0)
        let worktree = feature.directory.path + "/review"
        try await feature.repo.git("worktree", "add", "-q", worktree, "spark/fixup/feature")
        try await GitFixture(path: worktree).commit(["note.txt": "reviewed\n"], message: "reviewer's note")
        try await feature.repo.git("worktree", "remove", worktree)
        let human = try #require(await feature.branchTip("spark/fixup/feature"))

        try await feature.commit(["c.txt": "c  \n"], "more work")
        let run = try await feature.fixup(["--commits", "main..feature"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("reviewer's note"), "\(run.stderr)")
        await #expect(await feature.branchTip("spark/fixup/feature") == human)
    }
}
