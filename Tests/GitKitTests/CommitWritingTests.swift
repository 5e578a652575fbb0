import Foundation
import GitKit
import TestSupport
import Testing

@Suite("Writing trees and commits")
struct CommitWritingTests {
    /// A repository with nested files, an executable and a file that will become a directory.
    private func makeRepository(_ dir: TemporaryDirectory) async throws -> GitFixture {
        let repo = try await GitFixture.create(at: dir.path + "/repo")
        try await repo.commit([
            "keep.txt": "keep\n", "modify.txt": "old\n", "delete.txt": "bye\n", "mode.sh": "echo\n",
            "becomes-dir": "I am a file\n", "dir-becomes-file/a": "a\n", "dir-becomes-file/sub/b": "b\n",
            "deep/er/than/that.txt": "deep\n",
        ])
        return repo
    }

    private let changes: [FileChange] = [
        .write("modify.txt", Array("new\n".utf8)),
        .write("added/nested/new.txt", Array("fresh\n".utf8)),
        .delete("delete.txt"),
        .write("mode.sh", Array("echo\n".utf8), mode: .executable),
        .delete("becomes-dir"), .write("becomes-dir/inside.txt", Array("now a dir\n".utf8)),
        .delete("dir-becomes-file"), .write("dir-becomes-file", Array("now a file\n".utf8)),
        .write("deep/er/than/that.txt", Array("deeper\n".utf8)),
    ]

    private let expectedTree = """
        100644 added/nested/new.txt
        100644 becomes-dir/inside.txt
        100644 deep/er/than/that.txt
        100644 dir-becomes-file
        100644 keep.txt
        100755 mode.sh
        100644 modify.txt
        """

    @Test(arguments: [Int.max, 1])
    func writesEveryKindOfChangeWithoutTouchingTheCheckout(packThreshold: Int) async throws {
        let dir = try TemporaryDirectory()
        let repo = try await makeRepository(dir)
        // Staged and unstaged edits must survive untouched.
        try repo.write(["keep.txt": "staged edit\n"])
        try await repo.git("add", "keep.txt")
        try repo.write(["modify.txt": "unstaged edit\n", "untracked.txt": "u\n"])
        let before = try CheckoutState(repo)
        let looseBefore = try await repo.looseObjectCount()

        let opened = try Repository.open(at: repo.path)
        let base = try opened.resolveCommit("HEAD")
        let commit = try opened.writeCommit(
            CommitRequest(
                parent: base, changes: changes, message: "Fix things\n\nSpark-Recipe: test@1\nSpark-Base: \(base)\n",
                author: Signature(name: "A U Thor", email: "a@example.com"), committer: .sparkd),
            packThreshold: packThreshold)

        #expect(try CheckoutState(repo) == before)
        try await repo.git("fsck", "--full", "--strict")
        let tree = try await repo.git("ls-tree", "-r", "--format=%(objectmode) %(path)", commit.description)
        #expect(tree == expectedTree)
        #expect(try await repo.show(commit.description, "becomes-dir/inside.txt") == Array("now a dir\n".utf8))
        #expect(try await repo.git("rev-parse", "\(commit)^") == base.description)
        #expect(
            try await repo.git("log", "-1", "--format=%an <%ae>|%cn <%ce>", commit.description)
                == "A U Thor <a@example.com>|sparkd <sparkd@localhost>")
        #expect(
            try opened.trailers(of: commit).map { "\($0.key)=\($0.value)" }
                == ["Spark-Recipe=test@1", "Spark-Base=\(base)"])
        // No branch was created or moved.
        #expect(try await repo.git("for-each-ref", "--format=%(refname)") == "refs/heads/main")

        if packThreshold == 1 {
            #expect(try await repo.looseObjectCount() == looseBefore, "a packed write adds no loose objects")
            #expect(try await repo.packCount() == 1)
        } else {
            #expect(try await repo.looseObjectCount() > looseBefore)
            #expect(try await repo.packCount() == 0)
        }
    }

    @Test func packedWriteOfObjectsThatAlreadyExistWritesNoPack() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await makeRepository(dir)
        let opened = try Repository.open(at: repo.path)
        let base = try opened.resolveCommit("HEAD")
        let request = CommitRequest(
            parent: base, changes: [.write("keep.txt", Array("keep\n".utf8))], message: "same tree\n",
            author: .sparkd, committer: .sparkd)
        let first = try opened.writeCommit(request, packThreshold: 1)
        // The same commit (same second) again: every object exists, nothing new to pack.
        _ = try opened.writeCommit(request, packThreshold: 1)
        try await repo.git("fsck", "--full")
        #expect(try await repo.git("rev-parse", "\(first)^{tree}") == (try await repo.git("rev-parse", "HEAD^{tree}")))
    }

    @Test func blobIDsMatchGitHashObject() async throws {
        let dir = try TemporaryDirectory()
        for sample in [[UInt8](), Array("hello\n".utf8), [0, 255, 13, 10], Array(repeating: 0x61, count: 70_000)] {
            let file = try dir.write("sample", sample)
            let expected = try await Command.check(["git", "hash-object", file]).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(ObjectID.blob(of: sample).description == expected)
        }
    }

    @Test func precomputedBlobIDsLandInAValidPack() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await makeRepository(dir)
        let opened = try Repository.open(at: repo.path)
        let base = try opened.resolveCommit("HEAD")
        let bytes = Array("precomputed\n".utf8)
        let commit = try opened.writeCommit(
            CommitRequest(
                parent: base, changes: [.write("p.txt", bytes, id: ObjectID.blob(of: bytes))],
                message: "p\n", author: .sparkd, committer: .sparkd),
            packThreshold: 1)
        try await repo.git("fsck", "--full", "--strict")
        #expect(try await repo.show(commit.description, "p.txt") == bytes)
    }

    @Test(arguments: [Int.max, 1])
    func writesBlobsLooseBelowThePackThresholdAndAsOnePackFromIt(packThreshold: Int) async throws {
        let dir = try TemporaryDirectory()
        let repo = try await makeRepository(dir)
        try await repo.git("repack", "-a", "-d", "-q")
        #expect(try await repo.looseObjectCount() == 0)
        // Five new blobs and one that exists already ("keep\n").
        let contents = (0..<5).map { Array("blob \($0)\n".utf8) } + [Array("keep\n".utf8)]
        let opened = try Repository.open(at: repo.path)
        #expect(try opened.writeBlobs([], packThreshold: packThreshold).isEmpty)
        let ids = try opened.writeBlobs(contents, packThreshold: packThreshold)

        #expect(ids == contents.map { ObjectID.blob(of: $0) })
        // Readable at once through the handle that wrote them, as the hook reads them back.
        for (id, bytes) in zip(ids, contents) { #expect(try opened.contents(of: id) == bytes) }
        try await repo.git("fsck", "--full", "--strict")
        if packThreshold == 1 {
            #expect(try await repo.looseObjectCount() == 0, "a packed write adds no loose objects")
            #expect(try await repo.packCount() == 2, "the repacked history and one new pack")
        } else {
            #expect(try await repo.looseObjectCount() == 5, "one loose object per new blob; the existing one is reused")
            #expect(try await repo.packCount() == 1)
        }
    }

    @Test func lineStatCountsLikeGitDiff() throws {
        let stat = try LineStat.between(Array("a\nb\nc\n".utf8), Array("a\nB\nc\nd\n".utf8), path: "x.txt")
        #expect(stat == LineStat(added: 2, removed: 1, binary: false))
        let binary = try LineStat.between([0, 1, 2], [0, 1, 3], path: "x.bin")
        #expect(binary.binary)
    }
}

extension GitFixture {
    func looseObjectCount() async throws -> Int {
        let line = try await git("count-objects", "-v").split(separator: "\n").first { $0.hasPrefix("count:") }!
        return Int(line.split(separator: " ")[1])!
    }

    func packCount() async throws -> Int {
        let line = try await git("count-objects", "-v").split(separator: "\n").first { $0.hasPrefix("packs:") }!
        return Int(line.split(separator: " ")[1])!
    }
}
