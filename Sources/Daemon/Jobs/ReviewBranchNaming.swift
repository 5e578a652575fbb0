internal import SparkEngine

/// The review branch of a job: `<prefix><recipe slug>` for the repository's first watched branch,
/// `<prefix><base branch>/<recipe slug>` for the others, so that two watched branches never share
/// a review branch. Stable: the same job on a new base regenerates the same branch. A shard of
/// a sharded rule adds `-<directory>` (`-top-level` for the files at the top level); when another
/// of the base's `shards` gets the same suffix (`Docs` and `docs`, or a directory named
/// `top-level`), each of them adds 8 hex digits of its directory name's SHA-1 as well.
enum ReviewBranchNaming {
    static func branch(
        recipes: [String], base branch: String, repository: RepositoryConfiguration, scope: String? = nil, shards: [String] = []
    ) -> String {
        let prefix = repository.branchPrefix
        let primary = repository.branches.first ?? branch
        var name = ReviewBranchName.forRecipes(recipes, prefix: "")
        if let scope {
            name += "-" + label(scope)
            if shards.contains(where: { $0 != scope && label($0) == label(scope) }) { name += "-" + ReviewBranchName.shortHash(scope) }
        }
        return branch == primary ? prefix + name : "\(prefix)\(branch)/\(name)"
    }

    private static func label(_ shard: String) -> String {
        shard.isEmpty ? "top-level" : ReviewBranchName.slug(shard)
    }
}
