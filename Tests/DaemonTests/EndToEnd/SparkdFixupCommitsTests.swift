import Foundation
import JobQueue
import TestSupport
import Testing

/// `fixup_commits: { base: main }` through the real `sparkd --once`: a push to another watched
/// branch gets fixup! commits that `git rebase -i --autosquash` folds in.
@Suite("sparkd --once: fixup! commits for pushed branches", .tags(.large))
struct SparkdFixupCommitsTests {
    @Test("a watched feature branch gets spark/fixup/<branch> with one fixup! per commit that needs one")
    func fixupCommitsForFeatureBranch() async throws {
        let fixture = try await DaemonFixture(files: ["a.txt": "a\n"], rules: [])
        let repo = fixture.repo
        let base = try await repo.git("rev-parse", "main")
        try await repo.commitOnFeature([(["b.txt": "b  \n"], "add b"), (["c.txt": "c\n"], "add c"), (["d.txt": "no newline"], "add d")])
        try fixture.writeConfig(
            rules: ["{ id: fixup/trailing-whitespace, on: [manual] }"],
            repositoryExtra: "    fixup_commits: { base: main }", branches: ["main", "feature"])
        let before = try CheckoutState(repo)

        let result = try await fixture.once()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try CheckoutState(repo) == before)
        let branch = try #require(await fixture.branchTip("spark/fixup/feature"))
        let subjects = try await repo.git("log", "--reverse", "--format=%s", "feature..\(branch)").split(separator: "\n")
        #expect(subjects == ["fixup! add b", "fixup! add d"])
        let message = try await repo.git("log", "-1", "--format=%B", branch)
        #expect(message.contains("Spark-Job: "))
        #expect(try await repo.git("log", "-1", "--format=%cn <%ce>", branch) == "sparkd <sparkd@localhost>")
        await #expect(await fixture.branchTip("spark/fixup/main") == nil, "the base branch is not reviewed against itself")

        let jobs = try await fixture.store().jobs()
        let fixupJob = try #require(jobs.first { $0.request.fixupBase == "main" })
        #expect(fixupJob.state == .succeeded)
        #expect(fixupJob.resultBranch == "spark/fixup/feature")

        // The git CLI folds them in.
        let worktree = fixture.directory.path + "/rebase"
        try await repo.git("worktree", "add", "-q", "-b", "review", worktree, branch)
        let rebase = try await Command.run(
            ["git", "-C", worktree, "rebase", "-i", "--autosquash", base],
            environment: GitFixture.environment.merging(["GIT_SEQUENCE_EDITOR": "true", "GIT_EDITOR": "true"]) { _, new in new })
        #expect(rebase.status == 0, "\(rebase.stderr)")
        let folded = GitFixture(path: worktree)
        #expect(try await folded.git("rev-list", "--count", "\(base)..HEAD") == "3")
        #expect(try await folded.show("HEAD", "b.txt") == Array("b\n".utf8))
        #expect(try await folded.show("HEAD", "d.txt") == Array("no newline\n".utf8))
        try await repo.git("fsck", "--strict")
    }

    @Test("a feature branch's own .sparkd.yml can ask for fixup_commits, with its recipes; the daemon's config need not")
    func fixupCommitsFromRepositoryFile() async throws {
        let fixture = try await DaemonFixture(files: ["a.txt": "a\n"], rules: [])
        let repo = fixture.repo
        try await repo.commitOnFeature([
            ([".sparkd.yml": "version: 1\nfixup_commits: { base: main, recipes: [fixup/end-of-file] }\n"], "ask for fixups"),
            (["b.txt": "b  \n"], "add b"), (["d.txt": "no newline"], "add d"),
        ])
        try fixture.writeConfig(rules: ["{ id: fixup/trailing-whitespace, on: [manual] }"], branches: ["main", "feature"])

        let result = try await fixture.once()
        #expect(result.status == 0, "\(result.stderr)")
        let branch = try #require(await fixture.branchTip("spark/fixup/feature"), "\(result.stderr)")
        // Only end-of-file runs: "b  " keeps its trailing blanks.
        let subjects = try await repo.git("log", "--reverse", "--format=%s", "feature..\(branch)").split(separator: "\n")
        #expect(subjects == ["fixup! add d"])
        #expect(try await repo.show(branch, "d.txt") == Array("no newline\n".utf8))
        #expect(try await repo.show(branch, "b.txt") == Array("b  \n".utf8))
        try await repo.git("fsck", "--strict")
    }

    @Test("branch limits hold for fixup branches: a new one is blocked naming the limit, an existing one still moves")
    func fixupBranchWithinLimits() async throws {
        let fixture = try await DaemonFixture(files: ["a.txt": "a\n"], rules: [])
        let repo = fixture.repo
        try await repo.commitOnFeature([(["b.txt": "b  \n"], "add b")])
        // Someone else's branch under the prefix already fills `open_branches: 1`.
        try await repo.git("branch", "spark/other", "main")
        try fixture.writeConfig(
            rules: ["{ id: fixup/trailing-whitespace, on: [manual] }"],
            repositoryExtra: "    fixup_commits: { base: main }\n    limits: { open_branches: 1 }", branches: ["main", "feature"])

        var result = try await fixture.once()
        #expect(result.status == 0, "\(result.stderr)")
        await #expect(await fixture.branchTip("spark/fixup/feature") == nil)
        var fixupJob = try #require(try await fixture.store().jobs().first { $0.request.fixupBase == "main" })
        #expect(fixupJob.state == .blocked)
        #expect(fixupJob.reason?.contains("spark/fixup/feature") == true, "\(fixupJob.reason ?? "")")
        #expect(fixupJob.reason?.contains("limits.open_branches") == true, "\(fixupJob.reason ?? "")")

        // A blocked job stays blocked; the next push, with room for the branch, makes it. At the
        // limit again (the fixup branch is the open one), a later push still updates it.
        try await repo.git("branch", "-D", "spark/other")
        try await repo.commitOnFeature([(["c.txt": "c  \n"], "add c")])
        result = try await fixture.once()
        #expect(result.status == 0, "\(result.stderr)")
        let first = try #require(await fixture.branchTip("spark/fixup/feature"))
        try await repo.commitOnFeature([(["d.txt": "d  \n"], "add d")])
        result = try await fixture.once()
        #expect(result.status == 0, "\(result.stderr)")
        let second = try #require(await fixture.branchTip("spark/fixup/feature"))
        #expect(second != first)
        let subjects = try await repo.git("log", "--reverse", "--format=%s", "feature..\(second)").split(separator: "\n")
        #expect(subjects == ["fixup! add b", "fixup! add c", "fixup! add d"])
        fixupJob = try #require(try await fixture.store().jobs().filter { $0.request.fixupBase == "main" }.max { $0.id < $1.id })
        #expect(fixupJob.state == .succeeded)
    }
}

extension GitFixture {
    /// Commits `commits` (files, message; oldest first) on `feature`, made from the current branch
    /// the first time, then checks out `main` again.
    func commitOnFeature(_ commits: [(files: [String: String], message: String)]) async throws {
        if (try? await git("rev-parse", "--verify", "-q", "refs/heads/feature")) == nil {
            try await git("switch", "-q", "-c", "feature")
        } else {
            try await git("switch", "-q", "feature")
        }
        for commit in commits { try await self.commit(commit.files, message: commit.message) }
        try await git("switch", "-q", "main")
    }
}
