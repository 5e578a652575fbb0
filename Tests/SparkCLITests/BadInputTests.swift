import Foundation
import TestSupport
import Testing

/// Bad input: one clear message, the exit status from DESIGN.md, and nothing written.
@Suite("sparkctl apply: bad input")
struct BadInputTests {
    private func apply(_ repo: String, _ extra: [String] = ["--recipe", "fixup/end-of-file"]) throws -> CommandResult {
        try SparkctlBinary.run(["apply", "--repo", repo] + extra)
    }

    @Test func notARepository() throws {
        let dir = try TemporaryDirectory()
        let result = try apply(dir.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("'\(dir.path)' is not a git repository"))
        #expect(result.stderr.contains("hint: pass --repo"))
    }

    @Test func unknownRevisionUnknownRecipeAndMissingRecipe() throws {
        let dir = try TemporaryDirectory()
        let repo = try GitFixture.create(at: dir.path)
        try repo.commit(["a.txt": "a \n"])
        let state = try CheckoutState(repo)

        let revision = try apply(repo.path, ["--recipe", "fixup/end-of-file", "--base", "nope~3"])
        #expect(revision.status == 2)
        #expect(revision.stderr.contains("unknown revision 'nope~3'"))

        let recipe = try apply(repo.path, ["--recipe", "fixup/trailing-whitespac"])
        #expect(recipe.status == 2)
        #expect(recipe.stderr.contains("fixup/trailing-whitespac"))
        #expect(recipe.stderr.contains("fixup/trailing-whitespace"), "suggests the nearest id: \(recipe.stderr)")

        let missing = try apply(repo.path, [])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--recipe"))

        let branch = try apply(repo.path, ["--recipe", "fixup/end-of-file", "--branch", "bad..name"])
        #expect(branch.status == 2)
        #expect(branch.stderr.contains("'bad..name' is not a valid branch name"))

        #expect(try CheckoutState(repo) == state)
        #expect(try repo.git("for-each-ref", "--format=%(refname)") == "refs/heads/main")
    }

    @Test func emptyRepository() throws {
        let dir = try TemporaryDirectory()
        let repo = try GitFixture.create(at: dir.path)
        let result = try apply(repo.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("has no commits yet"))
        #expect(try repo.git("for-each-ref") == "")
    }

    @Test func branchLockedByAnotherProcess() throws {
        let dir = try TemporaryDirectory()
        let repo = try GitFixture.create(at: dir.path)
        try repo.commit(["a.txt": "a\n\n"])
        try FileManager.default.createDirectory(atPath: repo.path + "/.git/refs/heads/spark", withIntermediateDirectories: true)
        let lock = repo.path + "/.git/refs/heads/spark/fixup-end-of-file.lock"
        #expect(FileManager.default.createFile(atPath: lock, contents: Data("held\n".utf8)))
        let objectsBefore = try repo.git("count-objects", "-v")
        let result = try apply(repo.path)
        #expect(try repo.git("count-objects", "-v") == objectsBefore, "no object is written for a job that cannot land")
        #expect(result.status == 1)
        #expect(result.stderr.contains("locked by another process"))
        #expect(result.stderr.contains(".lock"))
        #expect(try repo.git("for-each-ref", "--format=%(refname)") == "refs/heads/main")
        #expect(try Data(contentsOf: URL(fileURLWithPath: lock)) == Data("held\n".utf8), "someone else's lock is left alone")
    }

    @Test func readOnlyRepository() throws {
        let dir = try TemporaryDirectory()
        let repo = try GitFixture.create(at: dir.path + "/repo")
        try repo.commit(["a.txt": "a\n\n"])
        let refsBefore = try repo.git("for-each-ref")
        let objectsBefore = try repo.git("count-objects", "-v")
        let result: CommandResult
        if getuid() == 0 {
            // Root ignores permission bits: make the repository a read-only mount in a private
            // mount namespace that lives only as long as this one sparkctl process.
            let script = "mount --bind \"$1\" \"$1\" && mount -o remount,ro,bind \"$1\" \"$1\" && shift && exec \"$@\""
            result = try Command.run(
                ["unshare", "-m", "sh", "-c", script, "sh", repo.path, SparkctlBinary.path, "apply", "--repo", repo.path,
                 "--recipe", "fixup/end-of-file"])
        } else {
            try Command.check(["chmod", "-R", "a-w", repo.path + "/.git"])
            result = try apply(repo.path)
        }
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("Read-only file system") || result.stderr.contains("Permission denied"))
        #expect(result.stderr.contains("hint: make the repository writable"))
        #expect(try repo.git("for-each-ref") == refsBefore)
        #expect(try repo.git("count-objects", "-v") == objectsBefore)
        try repo.git("fsck", "--full")
    }
}
