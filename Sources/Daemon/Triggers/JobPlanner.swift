package import GitKit
package import JobQueue

/// Which jobs a trigger queues on one watched branch: one job per recipe rule whose `on:` names
/// the trigger (one review branch per recipe, as DESIGN.md's "one branch per repository, base
/// branch and recipe" asks), at the branch's tip. A rule with `shard: directory` queues one job
/// per shard of the tree instead.
package enum JobPlanner {
    /// `shards` lists the tree's shards at `base` (top-level directories, and `""` for top-level
    /// files); the caller reads them only when ``isSharded(_:trigger:)``.
    package static func requests(
        for branch: ResolvedConfiguration.Branch, trigger: String, base: String, shards: [String] = []
    ) -> [JobRequest] {
        var requests: [JobRequest] = []
        for rule in branch.rules where rule.on.contains(trigger) {
            let request = JobRequest(
                repository: branch.repository, branch: branch.branch, base: base, recipes: [rule.id],
                parameters: rule.parameters, trigger: trigger)
            guard rule.shardByDirectory else {
                requests.append(request)
                continue
            }
            for shard in shards {
                var part = request
                part.scope = shard
                requests.append(part)
            }
        }
        if trigger == "push", let fixup = branch.fixupCommits {
            requests.append(
                JobRequest(
                    repository: branch.repository, branch: branch.branch, base: base, recipes: fixup.recipes, trigger: trigger,
                    fixupBase: fixup.base))
        }
        return requests
    }

    /// Whether a rule of `branch` that `trigger` runs is sharded by directory.
    package static func isSharded(_ branch: ResolvedConfiguration.Branch, trigger: String) -> Bool {
        branch.rules.contains { $0.on.contains(trigger) && $0.shardByDirectory }
    }

    /// The shards of `commit`'s tree, from its root entries only.
    package static func shards(in repository: Repository, at commit: ObjectID) throws(GitError) -> [String] {
        shards(of: try repository.topLevelEntries(of: commit).map { $0.mode == .tree ? $0.path + "/" : $0.path })
    }

    /// The shards of a tree given its paths (a directory may be given as `name/`): each
    /// top-level directory, and `""` when files sit at the top level.
    package static func shards(of paths: some Sequence<String>) -> [String] {
        var shards = Set<String>()
        for path in paths {
            if let slash = path.firstIndex(of: "/") { shards.insert(String(path[..<slash])) } else { shards.insert("") }
        }
        return shards.sorted()
    }
}
