internal import CLibGit2

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
    /// as one pack: measured on a small VM's disk, a loose object cost about 0.6 ms, a whole pack 0.3 s.
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
            if mempack != nil { packedCommits.append(ObjectID(out)) }
            return ObjectID(out)
        }
    }

    /// Runs `body` on a second handle whose object writes go to an in-memory object database, then
    /// writes them all as one pack (indexed, visible to every other process) before returning:
    /// the blobs, and for each commit, itself and the trees it brought (those not on disk yet).
    /// Whole objects, no delta search: what `git commit` would have written as loose objects;
    /// `git gc` deltifies later.
    func withPackedObjects<T>(_ body: (Repository) throws(GitError) -> T) throws(GitError) -> T {
        let writer = try reopen()
        var odb: OpaquePointer?
        try LibGit2.check(git_repository_odb(&odb, writer.handle), "opening the object database")
        defer { git_odb_free(odb) }
        var mempack: UnsafeMutablePointer<git_odb_backend>?
        try LibGit2.check(git_mempack_new(&mempack), "creating an in-memory object database")
        // The object database owns the backend from here on and frees it with itself.
        try LibGit2.check(git_odb_add_backend(odb, mempack, 1000), "attaching the in-memory object database")
        writer.mempack = mempack
        let result = try body(writer)

        var disk: OpaquePointer?
        try LibGit2.check(git_repository_odb(&disk, handle), "opening the object database", subject: path)
        defer { git_odb_free(disk) }
        var objects: [PackWriter.Object] = []
        for (id, bytes) in writer.packedBlobs {
            guard bytes.count >= PackWriter.largestObject else {
                objects.append(PackWriter.Object(id: id, kind: .blob, content: bytes))
                continue
            }
            // Too large for one zlib call (32-bit counts): libgit2 writes it loose, in pieces.
            var raw = git_oid()
            try LibGit2.check(
                bytes.withUnsafeBytes { git_odb_write(&raw, disk, $0.baseAddress, $0.count, GIT_OBJECT_BLOB) },
                "writing a blob of \(bytes.count) bytes", subject: path)
        }
        var visited = Set<ObjectID>()
        for commit in writer.packedCommits {
            objects.append(try Self.rawObject(commit, in: odb))
            var pending = [try writer.treeOfCommit(commit)]
            while let tree = pending.popLast() {
                guard visited.insert(tree).inserted else { continue }
                var raw = tree.raw
                // A tree on disk already (an unchanged directory) holds nothing new. No refresh on
                // a miss: every new tree is one, and each would re-read the pack directory.
                guard git_odb_exists_ext(disk, &raw, UInt32(GIT_ODB_LOOKUP_NO_REFRESH.rawValue)) == 0 else { continue }
                objects.append(try Self.rawObject(tree, in: odb))
                pending += try writer.subtrees(of: tree)
            }
        }
        try PackWriter.write(objects, into: commonDirectory + "/objects/pack")
        try LibGit2.check(git_mempack_reset(mempack), "clearing the in-memory object database")
        writer.packedBlobs = []
        writer.packedCommits = []
        return result
    }

    /// The type and content of object `id` in `odb`, for the pack.
    private static func rawObject(_ id: ObjectID, in odb: OpaquePointer?) throws(GitError) -> PackWriter.Object {
        var raw = id.raw
        var object: OpaquePointer?
        try LibGit2.check(git_odb_read(&object, odb, &raw), "reading \(id.short) for the pack")
        defer { git_odb_object_free(object) }
        let data = UnsafeRawBufferPointer(start: git_odb_object_data(object), count: git_odb_object_size(object))
        guard let kind = PackWriter.Kind(rawValue: UInt8(truncatingIfNeeded: git_odb_object_type(object).rawValue)) else {
            throw GitError(.other, "object \(id.short) has no type a pack holds whole", subject: id.description)
        }
        return PackWriter.Object(id: id, kind: kind, content: Array(data))
    }

    /// The ids of the trees directly inside tree `id`.
    private func subtrees(of id: ObjectID) throws(GitError) -> [ObjectID] {
        var raw = id.raw
        var tree: OpaquePointer?
        try LibGit2.check(git_tree_lookup(&tree, handle, &raw), "reading tree \(id.short)", subject: path)
        defer { git_tree_free(tree) }
        var trees: [ObjectID] = []
        for index in 0..<git_tree_entrycount(tree) {
            guard let entry = git_tree_entry_byindex(tree, index), git_tree_entry_type(entry) == GIT_OBJECT_TREE else { continue }
            trees.append(ObjectID(git_tree_entry_id(entry)))
        }
        return trees
    }
}
