internal import CLibGit2

extension Repository {
    /// Whether `ancestor` is reachable from `descendant` (`git merge-base --is-ancestor`). A commit
    /// counts as its own ancestor, unlike in `git_graph_descendant_of`.
    ///
    /// - Throws: ``GitError/Code/notFound`` when either commit is not in the object database (for
    ///   example an old tip that `git gc` pruned after a force-push).
    package func isAncestor(_ ancestor: ObjectID, of descendant: ObjectID) throws(GitError) -> Bool {
        if ancestor == descendant { return true }
        var commit = descendant.raw
        var base = ancestor.raw
        let result = git_graph_descendant_of(handle, &commit, &base)
        try LibGit2.check(result) { code, _ in
            GitError(
                code == GIT_ENOTFOUND.rawValue ? .notFound : .other,
                "cannot tell whether \(ancestor.short) is an ancestor of \(descendant.short) in '\(path)'",
                subject: path)
        }
        return result == 1
    }
}

extension Repository {
    /// The best common ancestor of two commits (`git merge-base one two`), or nil when they share
    /// no history.
    package func mergeBase(_ one: ObjectID, _ two: ObjectID) throws(GitError) -> ObjectID? {
        var out = git_oid()
        var first = one.raw
        var second = two.raw
        let code = git_merge_base(&out, handle, &first, &second)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try LibGit2.check(code, "finding the merge base of \(one.short) and \(two.short)", subject: path)
        return ObjectID(out)
    }
}
