package import GitKit
package import Recipes

/// One `apply`: recipes run over the snapshot of a base commit, the result written as a review branch.
package struct ApplyRequest: Sendable {
    package var repositoryPath: String
    /// Run in this order; each recipe sees the previous one's output.
    package var recipes: [Recipe]
    /// Any revision `git rev-parse` accepts.
    package var base: String
    /// The review branch; nil: `spark/<slug of the recipe ids>`.
    package var branch: String?
    /// Compute and report the change, write nothing.
    package var dryRun: Bool
    /// Who the commit names; nil: the environment and the repository's configuration decide
    /// (see ``CommitIdentity``).
    package var identity: (author: Signature, committer: Signature)?
    /// Change sets at least this large go through one pack instead of loose objects.
    package var packThreshold: Int

    package init(
        repositoryPath: String, recipes: [Recipe], base: String = "HEAD", branch: String? = nil,
        dryRun: Bool = false, identity: (author: Signature, committer: Signature)? = nil,
        packThreshold: Int = Repository.defaultPackThreshold
    ) {
        self.repositoryPath = repositoryPath
        self.recipes = recipes
        self.base = base
        self.branch = branch
        self.dryRun = dryRun
        self.identity = identity
        self.packThreshold = packThreshold
    }
}
