package import GitKit
package import Recipes

/// One `sparkctl fixup --commits BASE..HEAD` (or the daemon's job for a pushed branch): the
/// fixup recipes run on the files BASE..HEAD changed, their fixes written as `fixup!` commits on
/// top of HEAD on a review branch, for `git rebase -i --autosquash BASE` to fold in.
package struct FixupCommitsRequest: Sendable {
    package var range: CommitRange
    /// The recipes, prepared (``PreparedRecipe/filePlan()``); run on each file in this order.
    package var plans: [RecipePlan]
    /// The review branch; nil: `<branchPrefix>fixup/<slug of HEAD's branch>` (``defaultBranch``).
    package var branch: String?
    package var branchPrefix: String
    /// Report what would be fixed; write nothing.
    package var checkOnly: Bool
    /// Who the commits name; nil: the environment and the repository's configuration decide
    /// (``CommitIdentity``).
    package var identity: (author: Signature, committer: Signature)?
    /// The daemon's job, named in each commit's `Spark-Job` trailer.
    package var jobID: Int64?
    /// Called right before the branch is created, moved or deleted (``PublishCheck``).
    package var publishCheck: PublishCheck?
    /// False when the repository's branch limits allow no new review branch now (the daemon):
    /// fixups that would create the branch end in ``ApplyError/Code/limitReached``; an existing
    /// branch is still updated or deleted.
    package var mayCreateBranch = true

    package init(
        range: CommitRange, plans: [RecipePlan], branch: String? = nil,
        branchPrefix: String = ReviewBranchName.defaultPrefix, checkOnly: Bool = false,
        identity: (author: Signature, committer: Signature)? = nil
    ) {
        self.range = range
        self.plans = plans
        self.branch = branch
        self.branchPrefix = branchPrefix
        self.checkOnly = checkOnly
        self.identity = identity
    }

    /// `spark/fixup/<slug>` of the branch HEAD names (`feature/login` → `spark/fixup/feature-login`);
    /// for `HEAD`, the branch checked out; for a commit id, its first 12 digits.
    package static func defaultBranch(head: String, headID: ObjectID, repository: Repository, prefix: String) -> String {
        var name = head
        if name == "HEAD" { name = repository.headBranchName() ?? headID.description }
        if name.hasPrefix("refs/heads/") { name = String(name.dropFirst("refs/heads/".count)) }
        if name.count == 40, ObjectID(hex: name) != nil { name = String(name.prefix(12)) }
        let slug = ReviewBranchName.slug(name)
        return "\(prefix)fixup/\(slug.isEmpty ? String(headID.description.prefix(12)) : slug)"
    }
}
