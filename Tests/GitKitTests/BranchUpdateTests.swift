import Foundation
import GitKit
import TestSupport
import Testing

@Suite("Moving branches with compare-and-swap")
struct BranchUpdateTests {
    private func commitOnTop(_ opened: Repository, _ base: ObjectID, _ text: String) throws -> ObjectID {
        try opened.writeCommit(
            CommitRequest(
                parent: base, changes: [.write("f.txt", Array(text.utf8))], message: "\(text)\n",
                author: .sparkd, committer: .sparkd))
    }

    @Test func createsThenUpdatesWithTheExpectedOldValue() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await GitFixture.create(at: dir.path)
        try await repo.commit(["f.txt": "0\n"])
        let opened = try Repository.open(at: repo.path)
        let base = try opened.resolveCommit("HEAD")
        let first = try commitOnTop(opened, base, "1")
        try opened.updateBranch("spark/test", to: first, expecting: nil, reflogMessage: "sparkd: create")
        #expect(try await repo.git("rev-parse", "spark/test") == first.description)
        #expect(try await repo.git("reflog", "-1", "--format=%gs", "spark/test") == "sparkd: create")

        let second = try commitOnTop(opened, base, "2")
        try opened.updateBranch("spark/test", to: second, expecting: first, reflogMessage: "sparkd: update")
        #expect(try await repo.git("rev-parse", "spark/test") == second.description)
        try await repo.git("fsck", "--full")
    }

    @Test func lostRaceIsRefusedAndTheOtherWritersCommitSurvives() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await GitFixture.create(at: dir.path)
        try await repo.commit(["f.txt": "0\n"])
        let opened = try Repository.open(at: repo.path)
        let base = try opened.resolveCommit("HEAD")
        let ours = try commitOnTop(opened, base, "ours")
        try opened.updateBranch("spark/race", to: ours, expecting: nil, reflogMessage: "create")

        // sparkd reads the branch ...
        let readValue = try #require(try await opened.branchTip("spark/race"))
        // ... a human pushes a commit onto it with the git CLI ...
        try await repo.git("checkout", "-q", "spark/race")
        let theirs = try await repo.commit(["f.txt": "human\n"], message: "human fix")
        try await repo.git("checkout", "-q", "main")
        // ... and sparkd's update, still expecting the old value, must be refused.
        let next = try commitOnTop(opened, base, "next")
        let error = #expect(throws: GitError.self) {
            try opened.updateBranch("spark/race", to: next, expecting: readValue, reflogMessage: "update")
        }
        #expect(error?.code == .modified)
        #expect(error?.message.contains("changed since sparkd read it") == true)
        #expect(try await repo.git("rev-parse", "spark/race") == theirs)

        // Creating a branch that appeared meanwhile is the same lost race.
        try await repo.git("branch", "spark/appeared", "main")
        let created = #expect(throws: GitError.self) {
            try opened.updateBranch("spark/appeared", to: next, expecting: nil, reflogMessage: "create")
        }
        #expect(created?.code == .modified)
        #expect(try await repo.git("rev-parse", "spark/appeared") == base.description)
    }

    @Test func refusesABranchCheckedOutInAnyWorktree() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await GitFixture.create(at: dir.path + "/repo")
        try await repo.commit(["f.txt": "0\n"])
        try await repo.git("worktree", "add", "-q", "-b", "elsewhere", dir.path + "/linked")
        let opened = try Repository.open(at: repo.path)
        let base = try opened.resolveCommit("HEAD")
        let next = try commitOnTop(opened, base, "x")
        for branch in ["main", "elsewhere"] {
            let error = #expect(throws: GitError.self) {
                try opened.updateBranch(branch, to: next, expecting: base, reflogMessage: "update")
            }
            #expect(error?.code == .checkedOut, "branch \(branch)")
            #expect(try await repo.git("rev-parse", branch) == base.description)
        }
    }

    @Test func retriesALockAndReportsOneThatStaysHeld() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await GitFixture.create(at: dir.path)
        try await repo.commit(["f.txt": "0\n"])
        let opened = try Repository.open(at: repo.path)
        let base = try opened.resolveCommit("HEAD")
        let next = try commitOnTop(opened, base, "x")
        let lock = repo.path + "/.git/refs/heads/spark/locked.lock"
        try FileManager.default.createDirectory(atPath: repo.path + "/.git/refs/heads/spark", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: lock, contents: Data())

        let held = #expect(throws: GitError.self) {
            try opened.updateBranch("spark/locked", to: next, expecting: nil, reflogMessage: "c", lockRetryBudget: .milliseconds(100))
        }
        #expect(held?.code == .locked)
        #expect(held?.hint?.contains(".lock") == true)
        #expect(try await opened.branchTip("spark/locked") == nil)

        // A lock released while sparkd retries: the update goes through.
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { try? FileManager.default.removeItem(atPath: lock) }
        try opened.updateBranch("spark/locked", to: next, expecting: nil, reflogMessage: "c", lockRetryBudget: .seconds(3))
        #expect(try await repo.git("rev-parse", "spark/locked") == next.description)
    }

    @Test func rejectsInvalidNamesAndDeletesOnlyTheExpectedValue() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await GitFixture.create(at: dir.path)
        try await repo.commit(["f.txt": "0\n"])
        let opened = try Repository.open(at: repo.path)
        let base = try opened.resolveCommit("HEAD")
        let next = try commitOnTop(opened, base, "x")
        let invalid = #expect(throws: GitError.self) {
            try opened.updateBranch("bad..name", to: next, expecting: nil, reflogMessage: "c")
        }
        #expect(invalid?.code == .invalidName)

        try opened.updateBranch("spark/gone", to: next, expecting: nil, reflogMessage: "c")
        let moved = #expect(throws: GitError.self) { try opened.deleteBranch("spark/gone", expecting: base) }
        #expect(moved?.code == .modified)
        try opened.deleteBranch("spark/gone", expecting: next)
        #expect(try await opened.branchTip("spark/gone") == nil)
    }

    @Test func listsCommitsPastTheBase() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await GitFixture.create(at: dir.path)
        let base = try await repo.commit(["f.txt": "0\n"])
        try await repo.git("checkout", "-q", "-b", "topic")
        let one = try await repo.commit(["f.txt": "1\n"])
        let two = try await repo.commit(["f.txt": "2\n"])
        let opened = try Repository.open(at: repo.path)
        let listed = try opened.commits(from: #require(ObjectID(hex: two)), excluding: #require(ObjectID(hex: base)))
        #expect(listed.map(\.description) == [two, one])
    }
}
