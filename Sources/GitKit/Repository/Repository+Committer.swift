internal import CLibGit2

extension Repository {
    /// The committer's email address of a commit: `git commit --amend` and `rebase` set it to
    /// whoever rewrote the commit, so it tells a reviewer's rewrite from sparkd's own commit.
    package func committerEmail(of commit: ObjectID) throws(GitError) -> String {
        try withCommit(commit) { pointer in
            guard let signature = git_commit_committer(pointer), let email = signature.pointee.email else { return "" }
            return String(cString: email)
        }
    }
}
