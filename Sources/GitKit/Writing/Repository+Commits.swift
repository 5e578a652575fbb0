internal import CLibGit2
internal import Foundation

/// What to commit: a change set on top of a base commit.
package struct CommitRequest: Sendable {
    /// The parent commit; its tree is the base the changes apply to.
    package var parent: ObjectID
    package var changes: [FileChange]
    package var message: String
    package var author: Signature
    package var committer: Signature

    package init(parent: ObjectID, changes: [FileChange], message: String, author: Signature, committer: Signature) {
        self.parent = parent
        self.changes = changes
        self.message = message
        self.author = author
        self.committer = committer
    }
}

extension Repository {
    /// Change sets at least this large are written into an in-memory object database and flushed
    /// as one pack: on these disks a loose object costs about 0.6 ms, a whole pack about 0.3 s.
    package static let defaultPackThreshold = 1000

    /// Writes the blobs, trees and commit for `request` and returns the commit id. Moves no ref and
    /// leaves HEAD, the index and the working tree alone. When the change set is large
    /// (`packThreshold`), every object goes into one pack, written before this returns, so a ref
    /// may point at the commit as soon as it does.
    package func writeCommit(_ request: CommitRequest, packThreshold: Int = defaultPackThreshold) throws(GitError) -> ObjectID {
        try writingObjects(count: request.changes.count, packThreshold: packThreshold) { writer throws(GitError) in
            try writer.writeCommitObjects(request)
        }
    }

    /// Runs `body` on the handle that `count` new objects should be written through: this one
    /// (a loose object each) below `packThreshold`, else a packed writer (``withPackedObjects(_:)``)
    /// whose pack is on disk before this returns. The one place that makes that choice, for
    /// commits and for the pre-commit hook's blobs alike.
    func writingObjects<T>(count: Int, packThreshold: Int, _ body: (Repository) throws(GitError) -> T) throws(GitError) -> T {
        if count >= packThreshold { return try withPackedObjects(body) }
        return try body(self)
    }

    private func writeCommitObjects(_ request: CommitRequest) throws(GitError) -> ObjectID {
        let baseTree = try treeOfCommit(request.parent)
        let treeID = try writeTree(base: baseTree, changes: request.changes)
        var treeRaw = treeID.raw
        var tree: OpaquePointer?
        try LibGit2.check(git_tree_lookup(&tree, handle, &treeRaw), "reading the new tree")
        defer { git_tree_free(tree) }
        let author = try request.author.makeLibGit2()
        defer { git_signature_free(author) }
        let committer = try request.committer.makeLibGit2()
        defer { git_signature_free(committer) }
        return try withCommit(request.parent) { parent throws(GitError) in
            var out = git_oid()
            var parents: [OpaquePointer?] = [parent]
            try LibGit2.check(
                git_commit_create(&out, handle, nil, author, committer, "UTF-8", request.message, tree, 1, &parents),
                "writing the commit", subject: path)
            if mempack != nil { packRoots.append(ObjectID(out)) }
            return ObjectID(out)
        }
    }

    /// Makes this handle's pack builder store whole objects: libgit2 skips delta search for objects
    /// larger than its big-file threshold. libgit2 up to at least 1.9 fills that threshold from
    /// `pack.deltaCacheSize` (a typo in `packbuilder_config`), so both keys are set: the misread
    /// one for the libgit2 here, the right one for a fixed release. Measured on 10,000 changed files: delta search took
    /// about 1.1 s of the 1.5 s commit; without it the pack is written in a fraction of that. The
    /// pack is what `git commit` would have written as loose objects (undeltified); `git gc`
    /// deltifies later. The setting is an extra configuration level on this handle only; no
    /// configuration file of the repository changes.
    private func disableDeltaSearch() throws(GitError) {
        var config: OpaquePointer?
        try LibGit2.check(git_repository_config(&config, handle), "reading configuration", subject: path)
        defer { git_config_free(config) }
        let file = try Self.noDeltaConfigFile()
        try LibGit2.check(
            git_config_add_file_ondisk(config, file, GIT_CONFIG_LEVEL_APP, handle, 1), "adding pack configuration")
    }

    /// A configuration file with `pack.bigFileThreshold = 1` and `pack.deltaCacheSize = 1`, written once per process.
    private static func noDeltaConfigFile() throws(GitError) -> String {
        if let path = noDeltaConfigPath { return path }
        throw GitError(.other, "cannot write a temporary configuration file in \(NSTemporaryDirectory())",
                       hint: "set TMPDIR to a writable directory")
    }

    private static let noDeltaConfigPath: String? = {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("sparkd-pack-\(getpid()).gitconfig")
        let written = FileManager.default.createFile(
            atPath: path, contents: Data("[pack]\n\tbigFileThreshold = 1\n\tdeltaCacheSize = 1\n".utf8))
        if written { atexit { unlink((NSTemporaryDirectory() as NSString).appendingPathComponent("sparkd-pack-\(getpid()).gitconfig")) } }
        return written ? path : nil
    }()

    /// Runs `body` on a second handle whose object writes go to an in-memory object database, then
    /// writes them all as one pack (indexed, visible to every other process) before returning.
    func withPackedObjects<T>(_ body: (Repository) throws(GitError) -> T) throws(GitError) -> T {
        let writer = try reopen()
        try writer.disableDeltaSearch()
        var odb: OpaquePointer?
        try LibGit2.check(git_repository_odb(&odb, writer.handle), "opening the object database")
        defer { git_odb_free(odb) }
        var mempack: UnsafeMutablePointer<git_odb_backend>?
        try LibGit2.check(git_mempack_new(&mempack), "creating an in-memory object database")
        // The object database owns the backend from here on and frees it with itself.
        try LibGit2.check(git_odb_add_backend(odb, mempack, 1000), "attaching the in-memory object database")
        writer.mempack = mempack
        let result = try body(writer)

        // What `git_mempack_dump` does, but from the recorded roots: it packs only commits (and
        // their trees and blobs), so blobs written for an index would never reach the disk.
        var builder: OpaquePointer?
        try LibGit2.check(git_packbuilder_new(&builder, writer.handle), "starting a pack")
        defer { git_packbuilder_free(builder) }
        for root in writer.packRoots {
            var raw = root.raw
            try LibGit2.check(git_packbuilder_insert_recur(builder, &raw, nil), "adding \(root.short) to the pack")
        }
        var pack = git_buf()
        defer { git_buf_dispose(&pack) }
        try LibGit2.check(git_packbuilder_write_buf(&pack, builder), "packing new objects")
        // A pack of no objects (everything existed already) is a 12-byte header and a 20-byte trailer.
        if pack.size > 32 {
            var writepack: UnsafeMutablePointer<git_odb_writepack>?
            try LibGit2.check(git_odb_write_pack(&writepack, odb, nil, nil), "opening a pack writer", subject: path)
            defer { writepack!.pointee.free(writepack) }
            var stats = git_indexer_progress()
            try LibGit2.check(writepack!.pointee.append(writepack, pack.ptr, pack.size, &stats), "writing the pack", subject: path)
            try LibGit2.check(writepack!.pointee.commit(writepack, &stats), "indexing the pack", subject: path)
        }
        try LibGit2.check(git_mempack_reset(mempack), "clearing the in-memory object database")
        writer.packRoots = []
        return result
    }
}
