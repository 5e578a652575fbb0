import Foundation
import TestSupport
import Testing

/// Bad input: one clear message, the exit status from DESIGN.md, and nothing written.
@Suite("sparkctl apply: bad input")
struct BadInputTests {
    private func apply(_ repo: String, _ extra: [String] = ["--recipe", "fixup/end-of-file"]) async throws -> CommandResult {
        try await SparkctlBinary.run(["apply", "--repo", repo] + extra)
    }

    @Test func notARepository() async throws {
        let dir = try TemporaryDirectory()
        let result = try await apply(dir.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("'\(dir.path)' is not a git repository"))
        #expect(result.stderr.contains("hint: pass --repo"))
    }

    @Test func unknownRevisionUnknownRecipeAndMissingRecipe() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await GitFixture.create(at: dir.path)
        try await repo.commit(["a.txt": "a \n"])
        let state = try CheckoutState(repo)

        let revision = try await apply(repo.path, ["--recipe", "fixup/end-of-file", "--base", "nope~3"])
        #expect(revision.status == 2)
        #expect(revision.stderr.contains("unknown revision 'nope~3'"))

        let recipe = try await apply(repo.path, ["--recipe", "fixup/trailing-whitespac"])
        #expect(recipe.status == 2)
        #expect(recipe.stderr.contains("fixup/trailing-whitespac"))
        #expect(recipe.stderr.contains("fixup/trailing-whitespace"), "suggests the nearest id: \(recipe.stderr)")

        let missing = try await apply(repo.path, [])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--recipe"))

        let branch = try await apply(repo.path, ["--recipe", "fixup/end-of-file", "--branch", "bad..name"])
        #expect(branch.status == 2)
        #expect(branch.stderr.contains("'bad..name' is not a valid branch name"))

        #expect(try CheckoutState(repo) == state)
        #expect(try await repo.git("for-each-ref", "--format=%(refname)") == "refs/heads/main")
    }

    @Test func emptyRepository() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await GitFixture.create(at: dir.path)
        let result = try await apply(repo.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("has no commits yet"))
        #expect(try await repo.git("for-each-ref") == "")
    }

    @Test func branchLockedByAnotherProcess() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await GitFixture.create(at: dir.path)
        try await repo.commit(["a.txt": "a\n\n"])
        try FileManager.default.createDirectory(atPath: repo.path + "/.git/refs/heads/spark", withIntermediateDirectories: true)
        let lock = repo.path + "/.git/refs/heads/spark/fixup-end-of-file.lock"
        #expect(FileManager.default.createFile(atPath: lock, contents: Data("held\n".utf8)))
        let objectsBefore = try await repo.git("count-objects", "-v")
        let result = try await apply(repo.path)
        #expect(try await repo.git("count-objects", "-v") == objectsBefore, "no object is written for a job that cannot land")
        #expect(result.status == 1)
        #expect(result.stderr.contains("locked by another process"))
        #expect(result.stderr.contains(".lock"))
        #expect(try await repo.git("for-each-ref", "--format=%(refname)") == "refs/heads/main")
        #expect(try Data(contentsOf: URL(fileURLWithPath: lock)) == Data("held\n".utf8), "someone else's lock is left alone")
    }

    @Test func readOnlyRepository() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await GitFixture.create(at: dir.path + "/repo")
        try await repo.commit(["a.txt": "a\n\n"])
        let refsBefore = try await repo.git("for-each-ref")
        let objectsBefore = try await repo.git("count-objects", "-v")
        let result: CommandResult
        if getuid() == 0 {
            // Root ignores permission bits: make the repository a read-only mount in a private
            // mount namespace that lives only as long as this one sparkctl process.
            let script = "mount --bind \"$1\" \"$1\" && mount -o remount,ro,bind \"$1\" \"$1\" && shift && exec \"$@\""
            result = try await Command.run(
                [
                    "unshare", "-m", "sh", "-c", script, "sh", repo.path, SparkctlBinary.path, "apply", "--repo", repo.path,
                    "--recipe", "fixup/end-of-file",
                ])
        } else {
            try await Command.check(["chmod", "-R", "a-w", repo.path + "/.git"])
            result = try await apply(repo.path)
        }
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("Read-only file system") || result.stderr.contains("Permission denied"))
        #expect(result.stderr.contains("hint: make the repository writable"))
        #expect(try await repo.git("for-each-ref") == refsBefore)
        #expect(try await repo.git("count-objects", "-v") == objectsBefore)
        try await repo.git("fsck", "--full")
    }
}
