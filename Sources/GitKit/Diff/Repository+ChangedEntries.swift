internal import CLibGit2

extension Repository {
    /// The files of commit `head` whose content differs from commit `base`'s at the same path:
    /// added ones and modified ones, in path order, as entries of `head`'s tree. Compares the two
    /// trees (`git diff-tree -r`), so unchanged directories are skipped rather than listed; a file
    /// whose only change is its mode is not included (its content is the same).
    package func changedEntries(from base: ObjectID, to head: ObjectID) throws(GitError) -> [Snapshot.Entry] {
        var baseRaw = try treeOfCommit(base).raw
        var headRaw = try treeOfCommit(head).raw
        var baseTree: OpaquePointer?
        var headTree: OpaquePointer?
        try LibGit2.check(git_tree_lookup(&baseTree, handle, &baseRaw), "reading the tree of \(base.short)", subject: path)
        defer { git_tree_free(baseTree) }
        try LibGit2.check(git_tree_lookup(&headTree, handle, &headRaw), "reading the tree of \(head.short)", subject: path)
        defer { git_tree_free(headTree) }
        var diff: OpaquePointer?
        try LibGit2.check(
            git_diff_tree_to_tree(&diff, handle, baseTree, headTree, nil),
            "comparing \(base.short) with \(head.short)", subject: path)
        defer { git_diff_free(diff) }
        var entries: [Snapshot.Entry] = []
        for position in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, position)?.pointee,
                delta.status == GIT_DELTA_ADDED || delta.status == GIT_DELTA_MODIFIED,
                let mode = FileMode(git_filemode_t(UInt32(delta.new_file.mode)))
            else { continue }
            let id = ObjectID(delta.new_file.id)
            if delta.status == GIT_DELTA_MODIFIED, ObjectID(delta.old_file.id) == id { continue }
            entries.append(Snapshot.Entry(path: String(cString: delta.new_file.path), mode: mode, id: id))
        }
        return entries
    }
}
