internal import SparkEngine

/// The review branch of a job: `<prefix><recipe slug>` for the repository's first watched branch,
/// `<prefix><base branch>/<recipe slug>` for the others, so that two watched branches never share
/// a review branch. Stable: the same job on a new base regenerates the same branch.
enum ReviewBranchNaming {
    static func branch(recipes: [String], base branch: String, repository: RepositoryConfiguration) -> String {
        let prefix = repository.branchPrefix
        let primary = repository.branches.first ?? branch
        let name = ReviewBranchName.forRecipes(recipes, prefix: "")
        return branch == primary ? prefix + name : "\(prefix)\(branch)/\(name)"
    }
}
