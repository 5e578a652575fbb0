import Foundation
import GitKit
import TestSupport
import Testing

/// GitKit's index access for `sparkctl fixup --staged`, checked against the git command line.
@Suite("Staged index")
struct StagedIndexTests {
    @Test func listsStagedPathsAndUpdatesOneEntry() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await GitFixture.create(at: dir.path)
        try await repo.commit(["kept.txt": "same\n", "old.txt": "moved\n", "edit.txt": "v1\n"])
        try await repo.git("mv", "old.txt", "new.txt")
        try repo.write(["edit.txt": "v2\n", "later.txt": "ita\n"])
        try await repo.git("add", "edit.txt")
        try await repo.git("add", "-N", "later.txt")

        let opened = try Repository.open(at: repo.path)
        let index = try opened.openIndex(indexFile: nil)
        let staged = try opened.stagedPaths(in: index).map { "\($0.status.rawValue) \($0.path)" }
        #expect(staged.contains("added new.txt") && staged.contains("deleted old.txt") && staged.contains("modified edit.txt"))
        #expect(!staged.contains { $0.hasSuffix("kept.txt") }, "only paths that differ from HEAD")
        #expect(index.entry(at: "later.txt")?.isIntentToAdd == true)
        #expect(index.entry(at: "edit.txt")?.isIntentToAdd == false)

        let blob = try opened.writeBlob(Array("v3\n".utf8))
        try index.setBlob(blob, for: "edit.txt")
        try index.write()
        #expect(try await repo.git("show", ":edit.txt") == "v3")
        #expect(try await repo.git("ls-files", "-s", "kept.txt").contains(try await repo.git("rev-parse", "HEAD:kept.txt")), "other entries kept")
        // Stat data cleared: git compares the working file's content and sees the unstaged v2.
        #expect(try await repo.git("diff", "--name-only").split(separator: "\n").contains("edit.txt"))
    }

    @Test func opensGitIndexFileRelativeToTheWorkingDirectoryAndReportsALock() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await GitFixture.create(at: dir.path + "/repo")
        try await repo.commit(["a.txt": "a\n"])
        try FileManager.default.copyItem(atPath: repo.path + "/.git/index", toPath: dir.path + "/other-index")
        let opened = try Repository.open(at: repo.path)
        let other = try opened.openIndex(indexFile: "other-index", currentDirectory: dir.path)
        #expect(other.file == dir.path + "/other-index")
        #expect(other.entry(at: "a.txt") != nil)

        let index = try opened.openIndex(indexFile: nil)
        try index.setBlob(try opened.writeBlob(Array("b\n".utf8)), for: "a.txt")
        FileManager.default.createFile(atPath: repo.path + "/.git/index.lock", contents: Data())
        let error = #expect(throws: GitError.self) { try index.write() }
        #expect(error?.code == .locked, "\(String(describing: error))")
        try FileManager.default.removeItem(atPath: repo.path + "/.git/index.lock")
        #expect(try await repo.git("show", ":a.txt") == "a", "the index is untouched")
    }

    @Test func mergesCleanlyOrReportsAConflict() throws {
        let base = Array("1\n2\n3\n4\n5\n".utf8)
        let ours = Array("1\n2\n3\n4\n5 edited\n".utf8)
        let theirs = Array("1 \n2\n3\n4\n5\n".utf8)
        #expect(try MergeFile.merge(ancestor: base, ours: ours, theirs: theirs, path: "f") == Array("1 \n2\n3\n4\n5 edited\n".utf8))
        #expect(try MergeFile.merge(ancestor: base, ours: Array("1 x\n2\n3\n4\n5\n".utf8), theirs: theirs, path: "f") == nil)
    }

    @Test func resolvesCoreHooksPath() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await GitFixture.create(at: dir.path)
        let opened = try Repository.open(at: repo.path)
        #expect(try opened.hooksDirectory() == repo.path + "/.git/hooks")
        try await repo.git("config", "core.hooksPath", ".githooks")
        #expect(try Repository.open(at: repo.path).hooksDirectory() == repo.path + "/.githooks")
        try await repo.git("config", "core.hooksPath", "/opt/hooks")
        #expect(try Repository.open(at: repo.path).hooksDirectory() == "/opt/hooks")
    }
}
