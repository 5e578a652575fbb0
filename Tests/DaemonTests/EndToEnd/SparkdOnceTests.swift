import Foundation
import JobQueue
import TestSupport
import Testing

/// `sparkd --config F --once`, the real binary on real repositories: the branch rules of
/// DESIGN.md ("Review branches and commits") checked with the git command line.
@Suite("sparkd --once: review branches from the daemon", .tags(.large))
struct SparkdOnceTests {
    @Test("the tip of a watched branch becomes a review branch; nothing else in the repository moves")
    func reviewBranchFromTip() async throws {
        let fixture = try await DaemonFixture()
        let before = try CheckoutState(fixture.repo)
        let result = try await fixture.once()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try CheckoutState(fixture.repo) == before)

        let tip = try await fixture.repo.git("rev-parse", "main")
        let branch = try #require(await fixture.branchTip("spark/fixup-trailing-whitespace"))
        #expect(try await fixture.repo.git("rev-parse", "\(branch)^") == tip)
        let message = try await fixture.repo.git("log", "-1", "--format=%B", branch)
        #expect(message.contains("Spark-Base: \(tip)"))
        #expect(message.contains("Spark-Job: "))
        #expect(try await fixture.repo.git("show", "\(branch):a.txt") == "trailing\nclean")
        #expect(try await fixture.repo.git("log", "-1", "--format=%an <%ae>", branch) == "sparkd <sparkd@localhost>")
        // end-of-file has its own branch.
        #expect(await fixture.branchTip("spark/fixup-end-of-file") != nil)
        try await fixture.repo.git("fsck", "--strict")

        let jobs = try await fixture.store().jobs()
        #expect(jobs.count == 2)
        #expect(jobs.allSatisfy { $0.state == .succeeded && $0.request.trigger == "push" && $0.request.base == tip })
    }

    @Test("branches_per_hour: of two new branches due at once, one is made; the other job is blocked naming the limit")
    func perHourLimit() async throws {
        let fixture = try await DaemonFixture()
        try fixture.writeConfig(
            rules: ["{ id: fixup/trailing-whitespace, on: [push] }", "{ id: fixup/end-of-file, on: [push] }"],
            repositoryExtra: "    limits: { branches_per_hour: 1 }")
        let result = try await fixture.once()
        #expect(result.status == 0, "\(result.stderr)")
        var made: [String] = []
        for branch in ["spark/fixup-trailing-whitespace", "spark/fixup-end-of-file"] where await fixture.branchTip(branch) != nil {
            made.append(branch)
        }
        #expect(made.count == 1, "\(made)")
        let jobs = try await fixture.store().jobs()
        #expect(jobs.map(\.state).sorted { "\($0)" < "\($1)" } == [.blocked, .succeeded])
        let blocked = try #require(jobs.first { $0.state == .blocked })
        #expect(blocked.reason?.contains("limits.branches_per_hour") == true, "\(blocked.reason ?? "")")
        #expect(try await fixture.store().branchesCreated(repository: fixture.repo.path, since: .distantPast) == 1)
    }

    @Test("a second run on the same tip queues nothing; a new commit regenerates the branch from the new base")
    func regeneratesOnNewBase() async throws {
        let fixture = try await DaemonFixture(rules: ["{ id: fixup/trailing-whitespace, on: [push] }"])
        #expect(try await fixture.once().status == 0)
        let first = try #require(await fixture.branchTip("spark/fixup-trailing-whitespace"))
        #expect(try await fixture.once().status == 0)
        #expect(try await fixture.store().jobs().count == 1)
        #expect(await fixture.branchTip("spark/fixup-trailing-whitespace") == first)

        try await fixture.repo.commit(["c.txt": "more  \n"], message: "second")
        let tip = try await fixture.repo.git("rev-parse", "main")
        #expect(try await fixture.once().status == 0)
        let second = try #require(await fixture.branchTip("spark/fixup-trailing-whitespace"))
        #expect(second != first)
        // Regenerated, not rebased: one commit on the new base.
        #expect(try await fixture.repo.git("rev-list", "--count", "main..\(second)") == "1")
        #expect(try await fixture.repo.git("rev-parse", "\(second)^") == tip)
        #expect(try await fixture.repo.git("show", "\(second):c.txt") == "more")
        try await fixture.repo.git("fsck", "--strict")
    }

    @Test("a human commit on the review branch freezes it: the job is blocked and the branch is never overwritten")
    func humanCommitBlocks() async throws {
        let fixture = try await DaemonFixture(rules: ["{ id: fixup/trailing-whitespace, on: [push] }"])
        #expect(try await fixture.once().status == 0)
        // A reviewer adds a commit to the review branch (in a worktree of their own).
        let worktree = fixture.directory.path + "/review"
        try await fixture.repo.git("worktree", "add", "-q", worktree, "spark/fixup-trailing-whitespace")
        let reviewer = GitFixture(path: worktree)
        try await reviewer.commit(["note.txt": "reviewed\n"], message: "reviewer's note")
        try await fixture.repo.git("worktree", "remove", worktree)
        let human = try #require(await fixture.branchTip("spark/fixup-trailing-whitespace"))

        try await fixture.repo.commit(["c.txt": "more  \n"], message: "second")
        #expect(try await fixture.once().status == 0)
        #expect(await fixture.branchTip("spark/fixup-trailing-whitespace") == human)
        let last = try #require(try await fixture.store().jobs().first)
        #expect(last.state == .blocked)
        #expect(last.reason?.contains("did not make") == true)
        #expect(last.reason?.contains("reviewer's note") == true)
    }

    @Test("a reviewer's amend keeps sparkd's trailers but not its committer: the branch is frozen too")
    func amendedCommitBlocks() async throws {
        let fixture = try await DaemonFixture(rules: ["{ id: fixup/trailing-whitespace, on: [push] }"])
        #expect(try await fixture.once().status == 0)
        let worktree = fixture.directory.path + "/review"
        try await fixture.repo.git("worktree", "add", "-q", worktree, "spark/fixup-trailing-whitespace")
        let reviewer = GitFixture(path: worktree)
        try reviewer.write(["a.txt": "trailing\nclean, and reviewed\n"])
        try await reviewer.git("commit", "-q", "-a", "--amend", "--no-edit")
        try await fixture.repo.git("worktree", "remove", worktree)
        let amended = try #require(await fixture.branchTip("spark/fixup-trailing-whitespace"))
        #expect(try await fixture.repo.git("log", "-1", "--format=%B", amended).contains("Spark-Base:"))

        try await fixture.repo.commit(["c.txt": "more  \n"], message: "second")
        #expect(try await fixture.once().status == 0)
        #expect(await fixture.branchTip("spark/fixup-trailing-whitespace") == amended)
        #expect(try await fixture.store().jobs().first?.state == .blocked)
    }

    @Test("a job that fails makes --once exit 1; a broken repository recipe is named with its position")
    func failedJobExitsOne() async throws {
        let fixture = try await DaemonFixture(rules: ["{ id: local/broken, on: [push] }"])
        try await fixture.repo.commit([".sparkd/recipes/local/broken.yml": "id: local/broken\nversion: 1\ntitel: typo\n"], message: "a local recipe")
        let result = try await fixture.once()
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("1 job failed"))
        let job = try #require(try await fixture.store().jobs().first)
        #expect(job.state == .failed)
        #expect(job.attempts == 1, "a broken recipe is not retried")
        #expect(job.reason?.contains(".sparkd/recipes/local/broken.yml:3:1") == true, "\(job.reason ?? "")")
        #expect(job.reason?.contains("title") == true)
    }

    @Test("history of the base rewritten (force-push): the branch is regenerated on the new base, not blocked")
    func rewrittenBase() async throws {
        let fixture = try await DaemonFixture(rules: ["{ id: fixup/trailing-whitespace, on: [push] }"])
        try await fixture.repo.commit(["c.txt": "to be rewritten  \n"], message: "second")
        #expect(try await fixture.once().status == 0)
        try await fixture.repo.git("reset", "-q", "--hard", "HEAD~1")
        try await fixture.repo.commit(["d.txt": "rewritten  \n"], message: "second, again")
        let tip = try await fixture.repo.git("rev-parse", "main")
        #expect(try await fixture.once().status == 0)
        let branch = try #require(await fixture.branchTip("spark/fixup-trailing-whitespace"))
        #expect(try await fixture.repo.git("rev-parse", "\(branch)^") == tip)
        #expect(try await fixture.store().jobs().first?.state == .succeeded)
    }

    @Test("once the change is in the base, the review branch is deleted")
    func deletedWhenMerged() async throws {
        let fixture = try await DaemonFixture(rules: ["{ id: fixup/trailing-whitespace, on: [push] }"])
        #expect(try await fixture.once().status == 0)
        try await fixture.repo.git("merge", "-q", "--ff-only", "spark/fixup-trailing-whitespace")
        #expect(try await fixture.once().status == 0)
        #expect(await fixture.branchTip("spark/fixup-trailing-whitespace") == nil)
        #expect(try await fixture.store().jobs().first?.state == .noChange)
    }

    @Test("the open-branch limit: a change that needs one more branch is blocked with the limit named")
    func openBranchLimit() async throws {
        let fixture = try await DaemonFixture(repositoryExtra: "    limits: { open_branches: 1 }")
        #expect(try await fixture.once().status == 0)
        let jobs = try await fixture.store().jobs()
        #expect(try await fixture.branches().filter { $0.hasPrefix("spark/") }.count == 1)
        #expect(jobs.map(\.state).sorted { $0.rawValue < $1.rawValue } == [.blocked, .succeeded])
        #expect(jobs.first { $0.state == .blocked }?.reason?.contains("open_branches") == true)
    }

    @Test("shard: directory — one review branch per top-level directory, each changing only its part")
    func shardedMigration() async throws {
        let fixture = try await DaemonFixture(
            files: ["Sources/App/a.txt": "a  \n", "Tests/AppTests/b.txt": "b  \n", "top.txt": "t  \n", "clean/c.txt": "clean\n"],
            rules: ["{ id: fixup/trailing-whitespace, on: [push], shard: directory }"])
        #expect(try await fixture.once().status == 0)
        let branches = try await fixture.branches().filter { $0.hasPrefix("spark/") }
        #expect(
            branches == [
                "spark/fixup-trailing-whitespace-sources", "spark/fixup-trailing-whitespace-tests",
                "spark/fixup-trailing-whitespace-top-level",
            ])
        #expect(try await fixture.repo.git("diff", "--name-only", "main", "spark/fixup-trailing-whitespace-sources") == "Sources/App/a.txt")
        #expect(try await fixture.repo.git("diff", "--name-only", "main", "spark/fixup-trailing-whitespace-tests") == "Tests/AppTests/b.txt")
        #expect(try await fixture.repo.git("diff", "--name-only", "main", "spark/fixup-trailing-whitespace-top-level") == "top.txt")
        let jobs = try await fixture.store().jobs()
        #expect(jobs.count == 4)
        #expect(Set(jobs.compactMap(\.request.scope)) == ["Sources", "Tests", "", "clean"])
        #expect(jobs.first { $0.request.scope == "clean" }?.state == .noChange)

        let shard = try await fixture.once()
        #expect(shard.status == 0)
        #expect(try await fixture.store().jobs().count == 4, "the same tip queues nothing again")
    }

    @Test("shards whose names slug alike (Docs and docs, a directory named top-level) get branches of their own")
    func shardsThatSlugAlike() async throws {
        let fixture = try await DaemonFixture(
            files: ["Docs/a.txt": "a  \n", "docs/b.txt": "b  \n", "top-level/c.txt": "c  \n", "top.txt": "t  \n", "src/d.txt": "d  \n"],
            rules: ["{ id: fixup/trailing-whitespace, on: [push], shard: directory }"])
        let result = try await fixture.once()
        #expect(result.status == 0, "\(result.stderr)")
        let jobs = try await fixture.store().jobs()
        #expect(jobs.count == 5)
        #expect(jobs.allSatisfy { $0.state == .succeeded }, "\(jobs.map { "\($0.request.scope ?? "-"): \($0.state) \($0.reason ?? "")" })")
        let branches = try await fixture.branches().filter { $0.hasPrefix("spark/") }
        #expect(branches.count == 5, "\(branches)")
        #expect(branches.contains("spark/fixup-trailing-whitespace-src"), "a shard without a twin keeps its plain name")
        for (scope, file) in [("Docs", "Docs/a.txt"), ("docs", "docs/b.txt"), ("top-level", "top-level/c.txt"), ("", "top.txt")] {
            let job = try #require(jobs.first { $0.request.scope == scope })
            let branch = try #require(job.resultBranch)
            let digest = await String(try Command.check(["sha1sum"], stdin: Array(scope.utf8)).prefix(8))
            #expect(branch.hasSuffix("-\(digest)"), "\(scope): \(branch)")
            #expect(try await fixture.repo.git("diff", "--name-only", "main", branch) == file)
        }
    }

    @Test("a broken configuration exits 2 naming file:line:column; a second sparkd on the same state exits 1")
    func badStarts() async throws {
        let fixture = try await DaemonFixture()
        try "state_dir: \(fixture.stateDirectory)\nworkerz: 2\n".write(toFile: fixture.configPath, atomically: true, encoding: .utf8)
        let broken = try await fixture.once()
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("\(fixture.configPath):2:1"))
        #expect(broken.stderr.contains("workers"))

        try fixture.writeConfig(rules: ["{ id: fixup/trailing-whitespace, on: [push] }"])
        let first = try #require(fixture.start())
        #expect(await eventually { first.log.contains("sparkd started") }, "\(first.log)")
        let second = try await fixture.once()
        #expect(second.status == 1)
        #expect(second.stderr.contains("another sparkd is already running"))
        first.signal(SIGTERM)
        #expect(await first.exit() == 0)
    }
}
