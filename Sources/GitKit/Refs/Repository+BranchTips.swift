extension Repository {
    /// The tips of several branches at once; a branch that does not exist is absent from the result.
    ///
    /// Reads each ref through libgit2, so loose refs and `packed-refs` agree with git. A branch
    /// that cannot be read (a corrupt ref file) throws; callers that must not stop at one bad
    /// branch read them one by one with ``branchTip(_:)``.
    package func branchTips(_ branches: some Sequence<String>) throws(GitError) -> [String: ObjectID] {
        var tips: [String: ObjectID] = [:]
        for branch in branches {
            if let tip = try branchTip(branch) { tips[branch] = tip }
        }
        return tips
    }
}
