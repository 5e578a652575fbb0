internal import CLibGit2

extension Repository {
    /// Whether `ancestor` is reachable from `descendant` (`git merge-base --is-ancestor`). A commit
    /// counts as its own ancestor, unlike in `git_graph_descendant_of`.
    ///
    /// - Throws: ``GitError/Code/notFound`` when either commit is not in the object database (for
    ///   example an old tip that `git gc` pruned after a force-push).
    package func isAncestor(_ ancestor: ObjectID, of descendant: ObjectID) throws(GitError) -> Bool {
        if ancestor == descendant { return true }
        var commit = descendant.raw, base = ancestor.raw
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
