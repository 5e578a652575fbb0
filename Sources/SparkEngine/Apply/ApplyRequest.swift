package import GitKit
package import Recipes

/// One `apply`: recipes run over the snapshot of a base commit, the result written as a review branch.
package struct ApplyRequest: Sendable {
    package var repositoryPath: String
    /// Run in this order; each recipe sees the previous one's output.
    package var recipes: [Recipe]
    /// Parameter strings per recipe, in the order of `recipes` (missing entries: none given);
    /// see ``ParameterRouting`` for turning `--param` arguments into these.
    package var parameters: [[String: String]]
    /// Resolves the recipes' `include` steps.
    package var catalog: RecipeCatalog
    /// Replaces the current year as the built-in `year` parameter's default (reproducible tests).
    package var year: Int?
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
    /// The backend's profile, transport and pacing (``BackendConfiguration``).
    package var backend: BackendConfiguration
    /// The verification gate's parsers; nil: those registered in ``SourceValidators``.
    package var validators: [any SourceValidator]?
    /// Only this part of the tree is read and changed: a top-level directory, or `""` for the
    /// files at the top level (a sharded migration's job); nil: the whole tree.
    package var scope: String?
    /// The daemon's job, named in the commit's `Spark-Job` trailer; nil for a one-shot `apply`.
    package var jobID: Int64?
    /// What the delivery may do to branches beyond updating its own (``BranchPolicy``).
    package var branchPolicy = BranchPolicy()
    /// Called on the git thread right before the branch is created, moved or deleted
    /// (``PublishCheck``).
    package var publishCheck: PublishCheck?

    /// The daemon's rules for one delivery; `sparkctl apply` keeps the defaults.
    package struct BranchPolicy: Sendable, Equatable {
        /// False when the repository's limits (open branches, branches per hour) allow no new
        /// review branch: a change that would create one ends in ``ApplyError/Code/limitReached``.
        package var mayCreate = true
        /// Delete the review branch when the recipes change nothing on the base (its change is in
        /// the base already), as long as every commit on it is sparkd's own.
        package var deleteWhenNoChange = false

        package init(mayCreate: Bool = true, deleteWhenNoChange: Bool = false) {
            (self.mayCreate, self.deleteWhenNoChange) = (mayCreate, deleteWhenNoChange)
        }
    }

    /// Every recipe prepared once (see ``RecipePreparation``): binding errors (unknown or
    /// ill-typed parameters) surface here, before any git work.
    package func preparedRecipes() throws(RecipeError) -> [PreparedRecipe] {
        try RecipePreparation.prepare(recipes, parameters: parameters, catalog: catalog, year: year)
    }

    package init(
        repositoryPath: String, recipes: [Recipe], parameters: [[String: String]] = [],
        catalog: RecipeCatalog = RecipeCatalog(recipes: []), year: Int? = nil, base: String = "HEAD", branch: String? = nil,
        dryRun: Bool = false, identity: (author: Signature, committer: Signature)? = nil,
        packThreshold: Int = Repository.defaultPackThreshold, backend: BackendConfiguration = BackendConfiguration(),
        validators: [any SourceValidator]? = nil
    ) {
        self.repositoryPath = repositoryPath
        self.recipes = recipes
        self.parameters = parameters
        self.catalog = catalog
        self.year = year
        self.base = base
        self.branch = branch
        self.dryRun = dryRun
        self.identity = identity
        self.packThreshold = packThreshold
        self.backend = backend
        self.validators = validators
    }
}
