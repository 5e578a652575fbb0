internal import CLibGit2

extension Repository {
    /// Reads the flattened tree of `commit`: paths, modes and object ids, no file bytes.
    package func snapshot(of commit: ObjectID) throws(GitError) -> Snapshot {
        let treeID = try treeOfCommit(commit)
        var entries: [Snapshot.Entry] = []
        try walkTree(treeID, prefix: "", into: &entries)
        return Snapshot(commit: commit, tree: treeID, entries: entries)
    }

    /// The files of `commit` under the directory `directory` (`.sparkd/recipes`), with full
    /// paths; empty when there is no such directory. Walks only that subtree.
    package func entries(of commit: ObjectID, under directory: String) throws(GitError) -> [Snapshot.Entry] {
        try snapshot(of: commit, under: directory).entries
    }

    /// ``snapshot(of:)`` restricted to the files under `directory` (a shard of a migration),
    /// reading only that subtree.
    package func snapshot(of commit: ObjectID, under directory: String) throws(GitError) -> Snapshot {
        let treeID = try treeOfCommit(commit)
        var rootID = treeID.raw
        var root: OpaquePointer?
        try LibGit2.check(git_tree_lookup(&root, handle, &rootID), "reading the tree of \(commit.short)")
        defer { git_tree_free(root) }
        var entries: [Snapshot.Entry] = []
        var entry: OpaquePointer?
        if git_tree_entry_bypath(&entry, root, directory) == 0 {
            defer { git_tree_entry_free(entry) }
            if git_tree_entry_type(entry) == GIT_OBJECT_TREE {
                try walkTree(ObjectID(git_tree_entry_id(entry)!), prefix: directory, into: &entries)
            }
        }
        return Snapshot(commit: commit, tree: treeID, entries: entries)
    }

    /// The entries of `commit`'s root tree, directories (mode `.tree`) included, not descended into.
    package func topLevelEntries(of commit: ObjectID) throws(GitError) -> [Snapshot.Entry] {
        var raw = try treeOfCommit(commit).raw
        var tree: OpaquePointer?
        try LibGit2.check(git_tree_lookup(&tree, handle, &raw), "reading the tree of \(commit.short)")
        defer { git_tree_free(tree) }
        return (0..<git_tree_entrycount(tree)).compactMap { index in
            guard let entry = git_tree_entry_byindex(tree, index), let mode = FileMode(git_tree_entry_filemode(entry)) else { return nil }
            return Snapshot.Entry(path: String(cString: git_tree_entry_name(entry)), mode: mode, id: ObjectID(git_tree_entry_id(entry)!))
        }
    }

    /// Depth-first walk with `git_tree_entry_byindex`: no C callbacks, no per-entry allocations
    /// beyond the path string.
    private func walkTree(_ id: ObjectID, prefix: String, into entries: inout [Snapshot.Entry]) throws(GitError) {
        var raw = id.raw
        var tree: OpaquePointer?
        try LibGit2.check(git_tree_lookup(&tree, handle, &raw), "reading tree \(id.short)", subject: prefix)
        defer { git_tree_free(tree) }
        let count = git_tree_entrycount(tree)
        for index in 0..<count {
            guard let entry = git_tree_entry_byindex(tree, index) else { continue }
            let name = String(cString: git_tree_entry_name(entry))
            let path = prefix.isEmpty ? name : prefix + "/" + name
            let entryID = ObjectID(git_tree_entry_id(entry)!)
            guard let mode = FileMode(git_tree_entry_filemode(entry)) else { continue }
            if mode == .tree {
                try walkTree(entryID, prefix: path, into: &entries)
            } else {
                entries.append(Snapshot.Entry(path: path, mode: mode, id: entryID))
            }
        }
    }

    /// The stored bytes of a blob (no CRLF, smudge or LFS filters: what the commit holds).
    package func contents(of blob: ObjectID) throws(GitError) -> [UInt8] {
        var raw = blob.raw
        var object: OpaquePointer?
        try LibGit2.check(git_blob_lookup(&object, handle, &raw), "reading blob \(blob.short)")
        defer { git_blob_free(object) }
        let size = Int(git_blob_rawsize(object))
        guard size > 0, let bytes = git_blob_rawcontent(object) else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: size))
    }

    /// The stored bytes of a snapshot entry.
    package func contents(of entry: Snapshot.Entry) throws(GitError) -> [UInt8] {
        try contents(of: entry.id)
    }
}
