import Foundation
import GitKit
import TestSupport
import Testing

/// `Repository.blame(path:at:oldest:)` against `git blame --porcelain`, line by line.
@Suite("GitKit blame")
struct BlameTests {
    /// `git blame --porcelain` as (commit, boundary) per final line.
    static func porcelain(_ repo: GitFixture, _ arguments: [String]) async throws -> [(commit: String, boundary: Bool)] {
        let text = try await repo.git(["blame", "--porcelain"] + arguments)
        var lines: [(String, Bool)] = []
        var boundaries: Set<String> = []
        var current = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let fields = line.split(separator: " ")
            if let first = fields.first, first.count == 40, first.allSatisfy(\.isHexDigit), fields.count >= 3 {
                current = String(first)
                lines.append((current, false))
            } else if line == "boundary" {
                boundaries.insert(current)
            }
        }
        return lines.map { ($0.0, boundaries.contains($0.0)) }
    }

    static func libgit2(_ repo: GitFixture, path: String, newest: String, oldest: String?) throws -> [(commit: String, boundary: Bool)] {
        let repository = try Repository.open(at: repo.path)
        let blame = try repository.blame(
            path: path, at: try repository.resolveCommit(newest), oldest: try oldest.map { try repository.resolveCommit($0) })
        return blame.hunks.flatMap { hunk in Array(repeating: (hunk.commit.description, hunk.isBoundary), count: hunk.lineCount) }
    }

    @Test("every line names the commit git blame names; lines older than the range are boundary lines")
    func matchesGitBlame() async throws {
        let directory = try TemporaryDirectory("sparkd-blame")
        let repo = try await GitFixture.create(at: directory.path + "/repo")
        try await repo.commit(["f.txt": "one\ntwo\nthree\nfour\n"], message: "root")
        let base = try await repo.commit(["f.txt": "one\ntwo changed\nthree\nfour\n"], message: "base")
        try await repo.commit(["f.txt": "one\ntwo changed\nthree\nfour\nfive\nsix\n"], message: "append")
        try await repo.commit(["f.txt": "zero\none\ntwo changed\nthree again\nfour\nfive\nsix\n", "g.txt": "g\n"], message: "edit")
        try await repo.commit(["g.txt": "g2\n"], message: "other file")

        let whole = try Self.libgit2(repo, path: "f.txt", newest: "HEAD", oldest: nil)
        let wholeGit = try await Self.porcelain(repo, ["HEAD", "--", "f.txt"])
        #expect(whole.map(\.commit) == wholeGit.map(\.commit))
        #expect(whole.count == 7)

        let ranged = try Self.libgit2(repo, path: "f.txt", newest: "HEAD", oldest: base)
        let rangedGit = try await Self.porcelain(repo, ["\(base)..HEAD", "--", "f.txt"])
        #expect(ranged.map(\.boundary) == rangedGit.map(\.boundary))
        // Lines changed inside the range name the same commit; older ones are boundary lines.
        for (ours, theirs) in zip(ranged, rangedGit) where !theirs.boundary {
            #expect(ours.commit == theirs.commit)
        }
        #expect(ranged.map(\.boundary) == [false, true, true, false, true, false, false])
    }

    @Test("a path that is not in the commit is notFound")
    func missingPath() async throws {
        let directory = try TemporaryDirectory("sparkd-blame")
        let repo = try await GitFixture.create(at: directory.path + "/repo")
        try await repo.commit(["f.txt": "one\n"], message: "root")
        let repository = try Repository.open(at: repo.path)
        let error = #expect(throws: GitError.self) {
            try repository.blame(path: "nope.txt", at: try repository.resolveCommit("HEAD"))
        }
        #expect(error?.code == .notFound)
    }

    @Test("zero-context hunks: each run of changed lines is its own hunk")
    func lineHunks() throws {
        let old = Array("a\nb\nc\nd\ne\n".utf8)
        let new = Array("a\nB\nc\nd\nE\nf\n".utf8)
        let hunks = try LineHunk.between(old, new, path: "x")
        #expect(
            hunks == [
                LineHunk(oldStart: 2, oldCount: 1, newStart: 2, newCount: 1),
                LineHunk(oldStart: 5, oldCount: 1, newStart: 5, newCount: 2),
            ])
    }
}
