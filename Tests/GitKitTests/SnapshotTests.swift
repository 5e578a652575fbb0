import Foundation
import GitKit
import TestSupport
import Testing

@Suite("Reading snapshots")
struct SnapshotTests {
    @Test func snapshotMatchesLsTree() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await GitFixture.create(at: dir.path)
        try repo.write(["README.md": "hi\n", "src/a/b/c.swift": "let c = 1\n", "bin/run": "#!/bin/sh\n"])
        try await Command.check(["chmod", "+x", repo.path + "/bin/run"])
        try await Command.check(["ln", "-s", "README.md", repo.path + "/link"])
        try await repo.git("add", "-A")
        // A submodule entry (gitlink) without cloning anything.
        try await repo.git("update-index", "--add", "--cacheinfo", "160000,\(String(repeating: "a", count: 40)),vendor/lib")
        try await repo.git("commit", "-q", "-m", "tree")
        let head = try await repo.git("rev-parse", "HEAD")

        let opened = try Repository.open(at: repo.path)
        let snapshot = try opened.snapshot(of: opened.resolveCommit("HEAD"))
        #expect(snapshot.commit.description == head)
        #expect(snapshot.tree.description == (try await repo.git("rev-parse", "HEAD^{tree}")))

        let listed = try await repo.git("ls-tree", "-r", "HEAD").split(separator: "\n").map { line in
            let parts = line.split(separator: "\t")
            let meta = parts[0].split(separator: " ")
            return "\(meta[0]) \(meta[2]) \(parts[1])"
        }
        let ours = snapshot.entries.map { "\(String($0.mode.rawValue, radix: 8).leftPadded(6)) \($0.id) \($0.path)" }
        #expect(ours == listed)
        #expect(snapshot.entries.first { $0.path == "bin/run" }?.mode == .executable)
        #expect(snapshot.entries.first { $0.path == "link" }?.mode == .symlink)
        #expect(snapshot.entries.first { $0.path == "vendor/lib" }?.mode == .submodule)

        let readme = snapshot.entries.first { $0.path == "README.md" }!
        #expect(try opened.contents(of: readme) == Array("hi\n".utf8))
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }

    @Test func entriesUnderADirectoryMatchLsTreeOfThatDirectoryOnly() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await GitFixture.create(at: dir.path)
        try await repo.commit([
            ".sparkd/recipes/team/a.yml": "a", ".sparkd/recipes/b.yml": "b", ".sparkd/other.txt": "o", "src/x.swift": "x",
        ])
        let opened = try Repository.open(at: repo.path)
        let head = try opened.resolveCommit("HEAD")
        let entries = try opened.entries(of: head, under: ".sparkd/recipes")
        let expected = try await repo.git("ls-tree", "-r", "--name-only", "HEAD", ".sparkd/recipes/").split(separator: "\n").map(String.init)
        #expect(entries.map(\.path).sorted() == expected.sorted())
        #expect(entries.map(\.path).sorted() == [".sparkd/recipes/b.yml", ".sparkd/recipes/team/a.yml"])
        #expect(try opened.entries(of: head, under: "nowhere").isEmpty)
        #expect(try opened.entries(of: head, under: "src/x.swift").isEmpty, "a file is not a directory")
        // A shard's snapshot is the whole snapshot's entries under the directory.
        let shard = try opened.snapshot(of: head, under: ".sparkd")
        let whole = try opened.snapshot(of: head)
        #expect(shard.entries == whole.entries.filter { $0.path.hasPrefix(".sparkd/") })
        #expect(shard.tree == whole.tree && shard.commit == whole.commit)
        // The root's entries as git lists them, directories included.
        let top = try opened.topLevelEntries(of: head).map { "\($0.mode == .tree ? "tree" : "blob") \($0.path)" }
        let listed = try await repo.git("ls-tree", "HEAD").split(separator: "\n").map { line in
            let parts = line.split(separator: "\t")
            return "\(parts[0].split(separator: " ")[1]) \(parts[1])"
        }
        #expect(top == listed)
    }

    @Test("changedEntries: added and modified files at HEAD, as git diff-tree lists them; mode-only changes left out")
    func changedEntriesMatchGitDiffTree() async throws {
        let directory = try TemporaryDirectory()
        let repo = try await GitFixture.create(at: directory.path + "/repo")
        let base = try await repo.commit([
            "keep.txt": "same\n", "edit.txt": "old\n", "gone.txt": "bye\n", "mode.sh": "echo\n",
            "deep/a/b.txt": "b\n", "deep/a/c.txt": "c\n", "untouched/d.txt": "d\n", "moved.txt": "moving\n",
        ])
        try await repo.git("rm", "-q", "gone.txt")
        try await repo.git("mv", "moved.txt", "deep/moved.txt")
        try await repo.git("update-index", "--chmod=+x", "mode.sh")
        let head = try await repo.commit(["edit.txt": "new\n", "deep/a/c.txt": "c2\n", "deep/new.txt": "n\n", "top.txt": "t\n"])
        let opened = try Repository.open(at: repo.path)
        let changed = try opened.changedEntries(from: try #require(ObjectID(hex: base)), to: try #require(ObjectID(hex: head)))
        let listed = try await repo.git("diff-tree", "-r", "--no-renames", "--diff-filter=AM", "--format=", base, head)
            .split(separator: "\n").compactMap { line -> String? in
                let fields = line.split(separator: " ")
                // ":<old mode> <new mode> <old id> <new id> <status>\t<path>": same content is a mode-only change.
                guard fields[2] != fields[3] else { return nil }
                return "\(fields[3]) \(line.split(separator: "\t")[1])"
            }
        #expect(changed.map { "\($0.id) \($0.path)" } == listed)
        #expect(changed.map(\.path) == ["deep/a/c.txt", "deep/moved.txt", "deep/new.txt", "edit.txt", "top.txt"])
    }
}
