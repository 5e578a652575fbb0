internal import CLibGit2

extension Repository {
    /// The paths whose index entries differ from HEAD's tree (all of the index's paths on an
    /// unborn branch), in path order. Renames show as an added and a deleted path; conflicts as
    /// `.conflicted`. Only these need reading: the rest of the index is what HEAD holds.
    package func stagedPaths(in index: StagedIndex) throws(GitError) -> [StagedIndex.StagedPath] {
        var tree: OpaquePointer?
        if !isHeadUnborn {
            let head = try resolveCommit("HEAD")
            let treeID = try treeOfCommit(head)
            var raw = treeID.raw
            try LibGit2.check(git_tree_lookup(&tree, handle, &raw), "reading HEAD's tree", subject: path)
        }
        defer { git_tree_free(tree) }
        var options = git_diff_options()
        git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
        options.flags |= GIT_DIFF_INCLUDE_TYPECHANGE.rawValue
        var diff: OpaquePointer?
        try LibGit2.check(
            git_diff_tree_to_index(&diff, handle, tree, index.handle, &options),
            "comparing the index with HEAD", subject: path)
        defer { git_diff_free(diff) }
        var paths: [StagedIndex.StagedPath] = []
        for position in 0..<git_diff_num_deltas(diff) {
            guard let delta = git_diff_get_delta(diff, position) else { continue }
            let status: StagedIndex.Status
            switch delta.pointee.status {
            case GIT_DELTA_ADDED, GIT_DELTA_COPIED, GIT_DELTA_RENAMED: status = .added
            case GIT_DELTA_DELETED: status = .deleted
            case GIT_DELTA_TYPECHANGE: status = .typeChanged
            case GIT_DELTA_CONFLICTED: status = .conflicted
            case GIT_DELTA_MODIFIED: status = .modified
            default: continue
            }
            let file = status == .deleted ? delta.pointee.old_file : delta.pointee.new_file
            paths.append(StagedIndex.StagedPath(path: String(cString: file.path), status: status))
        }
        return paths
    }
}
