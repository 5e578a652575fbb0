internal import SparkEngine

/// The review branch of a job: `<prefix><recipe slug>` for the repository's first watched branch,
/// `<prefix><base branch>/<recipe slug>` for the others, so that two watched branches never share
/// a review branch. Stable: the same job on a new base regenerates the same branch. A shard of
/// a sharded rule adds `-<directory>` (`-top-level` for the files at the top level).
enum ReviewBranchNaming {
    static func branch(recipes: [String], base branch: String, repository: RepositoryConfiguration, scope: String? = nil) -> String {
        let prefix = repository.branchPrefix
        let primary = repository.branches.first ?? branch
        var name = ReviewBranchName.forRecipes(recipes, prefix: "")
        if let scope { name += "-" + (scope.isEmpty ? "top-level" : ReviewBranchName.slug(scope)) }
        return branch == primary ? prefix + name : "\(prefix)\(branch)/\(name)"
    }
}
