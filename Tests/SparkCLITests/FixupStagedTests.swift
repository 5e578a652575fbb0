import Foundation
import GitKit
import TestSupport
import Testing

/// `sparkctl fixup --staged` through a real `git commit` with the hook installed: the commit gets
/// the fixed staged content, and no unstaged byte is lost.
@Suite("sparkctl fixup --staged")
struct FixupStagedTests {
    @Test func fixesStagedContentAndTheWorkingCopyThatEqualsIt() async throws {
        let hooked = try await HookedRepository()
        try hooked.write("a.txt", "one  \ntwo\t\n\n\n")
        try hooked.write("new.txt", "no newline")
        try await hooked.repo.git("add", "a.txt", "new.txt")
        let commit = try await hooked.commit()
        #expect(commit.status == 0, "\(commit.stderr)")
        #expect(commit.stderr.contains("sparkd: fixed a.txt"), "\(commit.stderr)")
        #expect(try await hooked.committed("a.txt") == "one\ntwo\n")
        #expect(try await hooked.committed("new.txt") == "no newline\n")
        #expect(try hooked.read("a.txt") == "one\ntwo\n", "the working copy equalled the staged content")
        #expect(try await hooked.repo.git("status", "--porcelain") == "", "nothing left over")
    }

    @Test func partiallyStagedFileKeepsItsUnstagedEdit() async throws {
        let hooked = try await HookedRepository(["a.txt": Array("1\n2\n3\n".utf8)])
        // Staged: a trailing space on line 1. Unstaged: line 1 rewritten (conflicts with the fix).
        try hooked.write("a.txt", "1 \n2\n3\n")
        try await hooked.repo.git("add", "a.txt")
        let unstaged = "1 changed later  \n2\n3\n"
        try hooked.write("a.txt", unstaged)
        let commit = try await hooked.commit()
        #expect(commit.status == 0, "\(commit.stderr)")
        #expect(commit.stderr.contains("keeps them unfixed"), "\(commit.stderr)")
        #expect(try await hooked.committed("a.txt") == "1\n2\n3\n")
        #expect(try hooked.read("a.txt") == unstaged, "byte for byte")
    }

    @Test func partiallyStagedFileGetsTheFixWhenItMergesCleanly() async throws {
        let base = (1...9).map { "line \($0)\n" }.joined()
        let hooked = try await HookedRepository(["a.txt": Array(base.utf8)])
        try hooked.write("a.txt", base.replacingOccurrences(of: "line 1\n", with: "line 1   \n"))
        try await hooked.repo.git("add", "a.txt")
        let working = base.replacingOccurrences(of: "line 1\n", with: "line 1   \n").replacingOccurrences(of: "line 9\n", with: "line 9 edited\n")
        try hooked.write("a.txt", working)
        let commit = try await hooked.commit()
        #expect(commit.status == 0, "\(commit.stderr)")
        #expect(try await hooked.committed("a.txt") == base)
        #expect(try hooked.read("a.txt") == base.replacingOccurrences(of: "line 9\n", with: "line 9 edited\n"), "fix merged, edit kept")
    }

    @Test func commitAllUsesGitIndexFile() async throws {
        let hooked = try await HookedRepository(["a.txt": Array("a\n".utf8), "b.txt": Array("b\n".utf8)])
        try hooked.write("a.txt", "a  \n")
        try hooked.write("b.txt", "b\r\nb\n")
        let commit = try await hooked.commit(["-a"])
        #expect(commit.status == 0, "\(commit.stderr)")
        #expect(try await hooked.committed("a.txt") == "a\n")
        #expect(try await hooked.committed("b.txt") == "b\nb\n")
        #expect(try hooked.read("a.txt") == "a\n")
        #expect(try await hooked.repo.git("status", "--porcelain") == "", "index and working tree agree with the commit")
    }

    @Test func pathspecCommitFixesTheCommitAndTheIndexGitKeeps() async throws {
        let hooked = try await HookedRepository(["a.txt": Array("a\n".utf8), "b.txt": Array("b\n".utf8)])
        try hooked.write("a.txt", "a  \n")
        try hooked.write("b.txt", "b  \n")
        try await hooked.repo.git("add", "b.txt")
        let commit = try await hooked.commit(["--", "a.txt"])
        #expect(commit.status == 0, "\(commit.stderr)")
        #expect(try await hooked.committed("a.txt") == "a\n")
        #expect(try await hooked.committed("b.txt") == "b\n", "b.txt was not part of this commit")
        #expect(try hooked.read("a.txt") == "a\n")
        #expect(try await hooked.staged("a.txt") == "a\n", "the index git installs after the commit has the fix too")
        #expect(try await hooked.staged("b.txt") == "b  \n", "other staged work untouched")
        #expect(try await hooked.repo.git("status", "--porcelain") == "M  b.txt")
    }

    /// More fixed files than the pack threshold: the fixed blobs go into one pack, so the hook
    /// leaves no loose object, and the index names only objects that are on disk.
    @Test func manyFixesAreWrittenAsOnePack() async throws {
        let count = Repository.defaultPackThreshold + 1
        let paths = (0..<count).map { "d\($0 % 25)/f\($0).txt" }
        let hooked = try await HookedRepository(Dictionary(uniqueKeysWithValues: paths.enumerated().map { ($1, Array("line \($0)\n".utf8)) }))
        // Fixed content that exists nowhere yet: the pack must carry every new blob.
        try hooked.repo.write(Dictionary(uniqueKeysWithValues: paths.enumerated().map { ($1, Array("line \($0) edited  \n".utf8)) }))
        try await hooked.repo.git("add", "-u")
        // Pack what `git add` wrote loose (the staged blobs too), so every loose object after the
        // fixup is one the fixup wrote.
        try await hooked.repo.git("repack", "-a", "-d", "-q")
        #expect(try await hooked.repo.git("count-objects", "-v").contains("count: 0"))

        let (result, json) = try await SparkctlBinary.json(["fixup", "--staged", "--repo", hooked.repo.path])
        #expect(result.status == 0, "\(result.stderr)")
        let files = json["files"] as? [[String: Any]] ?? []
        #expect(files.filter { $0["status"] as? String == "fixed" && $0["working_copy"] as? String == "updated" }.count == count)
        let counts = try await hooked.repo.git("count-objects", "-v")
        #expect(counts.contains("count: 0"), "no loose objects: \(counts)")
        #expect(counts.contains("packs: 2"), "\(counts)")
        try await hooked.repo.git("fsck", "--full")
        #expect(try hooked.read("d7/f7.txt") == "line 7 edited\n", "the working copy equalled the staged content")

        let commit = try await hooked.commit()
        #expect(commit.status == 0, "\(commit.stderr)")
        let committed = try await catFile(hooked.repo, paths.map { "HEAD:" + $0 })
        let wrong = paths.enumerated().filter { committed["HEAD:" + $1] != Array("line \($0) edited\n".utf8) }.map(\.element)
        #expect(wrong.count == 0, "not fixed in the commit, for example: \(wrong.prefix(5))")
        #expect(try await hooked.repo.git("status", "--porcelain") == "", "nothing left over")
    }

    @Test func checkModeFailsAndChangesNothing() async throws {
        let hooked = try await HookedRepository(install: false)
        try await HookedRepository.install(in: hooked.repo, ["--mode", "check"])
        try hooked.write("a.txt", "x  \n")
        try await hooked.repo.git("add", "a.txt")
        let before = try await ContentState(hooked.repo)
        let commit = try await hooked.commit()
        #expect(commit.status != 0, "pre-commit's semantics: the commit fails")
        #expect(commit.stderr.contains("would fix a.txt"), "\(commit.stderr)")
        #expect(commit.stderr.contains("-x  "), "shows the change")
        #expect(try await ContentState(hooked.repo) == before)
        let direct = try await SparkctlBinary.run(["fixup", "--staged", "--mode", "check", "--repo", hooked.repo.path])
        #expect(direct.status == 1)
        try hooked.write("a.txt", "x\n")
        try await hooked.repo.git("add", "a.txt")
        #expect(try await SparkctlBinary.run(["fixup", "--staged", "--mode", "check", "--repo", hooked.repo.path]).status == 0)
    }

    @Test func skipsBinaryAndFilteredFiles() async throws {
        let hooked = try await HookedRepository()
        try hooked.write(".gitattributes", "*.lfs filter=fake\n")
        try await hooked.repo.git("config", "filter.fake.clean", "cat")
        try await hooked.repo.git("config", "filter.fake.smudge", "cat")
        try hooked.write("data.bin", [0, 1, 2, 32, 32, 10])
        try hooked.write("big.lfs", "filtered  \n")
        try await hooked.repo.git("add", "-A")
        let (result, json) = try await SparkctlBinary.json(["fixup", "--staged", "--repo", hooked.repo.path])
        #expect(result.status == 0, "\(result.stderr)")
        let files = json["files"] as? [[String: Any]] ?? []
        #expect(files.contains { $0["path"] as? String == "data.bin" && $0["reason"] as? String == "binary" })
        #expect(files.contains { $0["path"] as? String == "big.lfs" && $0["reason"] as? String == "filter=fake" })
        let commit = try await hooked.commit()
        #expect(commit.status == 0)
        #expect(commit.stderr.contains("skipped big.lfs (filter=fake)"), "\(commit.stderr)")
        #expect(try await hooked.repo.show("HEAD", "data.bin") == [0, 1, 2, 32, 32, 10])
        #expect(try await hooked.committed("big.lfs") == "filtered  \n")
    }

    @Test func conflictedPathsOfAMergeInProgressAreSkipped() async throws {
        let hooked = try await HookedRepository(["a.txt": Array("base\n".utf8)])
        let repo = hooked.repo
        try await repo.git("checkout", "-q", "-b", "other")
        try hooked.write("a.txt", "other  \n")
        try await repo.git("commit", "-q", "-a", "--no-verify", "-m", "other")
        try await repo.git("checkout", "-q", "main")
        try hooked.write("a.txt", "mine\n")
        try await repo.git("commit", "-q", "-a", "--no-verify", "-m", "mine")
        _ = try await Command.run(["git", "-C", repo.path, "merge", "other"], environment: GitFixture.environment)
        let before = try CheckoutState(repo)
        let (result, json) = try await SparkctlBinary.json(["fixup", "--staged", "--repo", repo.path])
        #expect(result.status == 0, "\(result.stderr)")
        let files = json["files"] as? [[String: Any]] ?? []
        #expect(files.contains { $0["path"] as? String == "a.txt" && $0["reason"] as? String == "conflict" })
        #expect(try CheckoutState(repo) == before, "nothing touched")
        // Resolved: the merge commit gets the fix.
        try hooked.write("a.txt", "resolved  \n")
        try await repo.git("add", "a.txt")
        #expect(try await hooked.commit(["--no-edit"]).status == 0)
        #expect(try await hooked.committed("a.txt") == "resolved\n")
    }

    @Test func crlfIsKeptAsPreCommitHooksDoesAndAutocrlfIsRespected() async throws {
        let hooked = try await HookedRepository()
        try hooked.write("dos.txt", "a  \r\nb\r\n")
        try hooked.write("mixed.txt", "a\r\nb\r\nc\n")
        try await hooked.repo.git("add", "-A")
        #expect(try await hooked.commit().status == 0)
        #expect(try await hooked.committed("dos.txt") == "a\r\nb\r\n", "CRLF stays CRLF")
        #expect(try await hooked.committed("mixed.txt") == "a\r\nb\r\nc\r\n", "the most common ending wins")

        let crlf = try await HookedRepository(config: ["core.autocrlf=true"])
        try crlf.write("win.txt", "x  \r\ny\r\n")
        try await crlf.repo.git("add", "win.txt")
        #expect(try await crlf.commit().status == 0)
        #expect(try await crlf.committed("win.txt") == "x\ny\n", "stored normalised")
        #expect(try crlf.read("win.txt") == "x\r\ny\r\n", "the working copy in its checkout form")
        #expect(try await crlf.repo.git("status", "--porcelain") == "")
    }

    @Test func intentToAddRenameDeletionAmendAndEmptyCommits() async throws {
        let hooked = try await HookedRepository(["old.txt": Array("moved\n".utf8), "gone.txt": Array("bye\n".utf8)])
        let repo = hooked.repo
        try hooked.write("later.txt", "not yet  \n")
        try await repo.git("add", "-N", "later.txt")
        try await repo.git("mv", "old.txt", "new.txt")
        try hooked.write("new.txt", "moved  \n")
        try await repo.git("add", "new.txt")
        try await repo.git("rm", "-q", "gone.txt")
        #expect(try await hooked.commit().status == 0)
        #expect(try await hooked.committed("new.txt") == "moved\n")
        #expect(try await repo.git("ls-tree", "--name-only", "HEAD").split(separator: "\n").sorted() == ["new.txt"])
        #expect(try hooked.read("later.txt") == "not yet  \n", "intent-to-add content untouched")

        try hooked.write("amend.txt", "amended \n")
        try await repo.git("add", "amend.txt")
        #expect(try await hooked.commit(["--amend", "--no-edit"]).status == 0)
        #expect(try await hooked.committed("amend.txt") == "amended\n")

        let empty = try await hooked.commit(["--allow-empty"], message: "empty")
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(empty.stderr.contains("sparkd:") == false)
    }

    @Test func brokenConfigurationWarnsAndNeverBlocks() async throws {
        let hooked = try await HookedRepository()
        try hooked.write(".sparkd.yml", "recipes: [ {id: \n")
        try hooked.write("a.txt", "x  \n")
        try await hooked.repo.git("add", "-A")
        let commit = try await hooked.commit()
        #expect(commit.status == 0)
        #expect(commit.stderr.contains(".sparkd.yml"), "\(commit.stderr)")
        #expect(try await hooked.committed("a.txt") == "x  \n", "no fixups with a broken configuration")
    }

    @Test func configuredRecipesReplaceTheDefaultsAndFailOnErrorBlocks() async throws {
        let hooked = try await HookedRepository()
        try hooked.write(
            ".sparkd.yml",
            """
            version: 1
            hook: { fail_on_error: true }
            recipes:
              - { id: fixup/end-of-file, on: [pre-commit] }
              - { id: fixup/trailing-whitespace, on: [nightly] }

            """)
        try hooked.write("a.txt", "x  ")
        try await hooked.repo.git("add", "-A")
        #expect(try await hooked.commit().status == 0)
        #expect(try await hooked.committed("a.txt") == "x  \n", "only end-of-file runs")

        // An unexpected failure (the index locked by someone else) blocks only when configured.
        try hooked.write("a.txt", "y\n\n")
        try await hooked.repo.git("add", "a.txt")
        let lock = hooked.repo.path + "/.git/index.lock"
        FileManager.default.createFile(atPath: lock, contents: Data())
        defer { try? FileManager.default.removeItem(atPath: lock) }
        let blocked = try await SparkctlBinary.run(["fixup", "--staged", "--repo", hooked.repo.path])
        #expect(blocked.status == 1)
        #expect(blocked.stderr.contains("locked"), "\(blocked.stderr)")
        try FileManager.default.removeItem(atPath: lock)
        #expect(try await hooked.staged("a.txt") == "y\n\n", "index untouched")
    }

    @Test func unexpectedFailureIsAWarningByDefault() async throws {
        let hooked = try await HookedRepository()
        try hooked.write("a.txt", "y  \n")
        try await hooked.repo.git("add", "a.txt")
        let lock = hooked.repo.path + "/.git/index.lock"
        FileManager.default.createFile(atPath: lock, contents: Data())
        defer { try? FileManager.default.removeItem(atPath: lock) }
        let result = try await SparkctlBinary.run(["fixup", "--staged", "--repo", hooked.repo.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning") && result.stderr.contains("locked"), "\(result.stderr)")
        #expect(try await hooked.staged("a.txt") == "y  \n")
        #expect(try hooked.read("a.txt") == "y  \n", "working tree untouched when the index cannot be written")
    }
}
