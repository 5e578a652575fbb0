internal import CLibGit2

extension Repository {
    /// The entry at `path` in the tree of `commit` (mode and object id), or nil when there is
    /// none or it is a directory. Looks up only the path's own subtrees.
    package func entry(at path: String, in commit: ObjectID) throws(GitError) -> Snapshot.Entry? {
        var rootID = try treeOfCommit(commit).raw
        var root: OpaquePointer?
        try LibGit2.check(git_tree_lookup(&root, handle, &rootID), "reading the tree of \(commit.short)")
        defer { git_tree_free(root) }
        var entry: OpaquePointer?
        let code = git_tree_entry_bypath(&entry, root, path)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try LibGit2.check(code, "looking up '\(path)' in \(commit.short)", subject: path)
        defer { git_tree_entry_free(entry) }
        guard let mode = FileMode(git_tree_entry_filemode(entry)), mode != .tree else { return nil }
        return Snapshot.Entry(path: path, mode: mode, id: ObjectID(git_tree_entry_id(entry)!))
    }

    /// The short name of the branch HEAD points at (`main`), or nil for a detached or unborn HEAD.
    package func headBranchName() -> String? {
        var reference: OpaquePointer?
        guard git_repository_head(&reference, handle) == 0 else { return nil }
        defer { git_reference_free(reference) }
        guard git_reference_is_branch(reference) == 1, let name = git_reference_shorthand(reference) else { return nil }
        return String(cString: name)
    }
}
