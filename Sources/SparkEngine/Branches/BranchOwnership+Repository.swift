package import GitKit

/// Reading a review branch's ownership from the repository, and the refusals that follow from
/// it: shared by `apply` (one commit on a base) and `fixup --commits` (`fixup!` commits on a
/// pushed tip), since both regenerate branches under the same rules.
extension BranchOwnership {
    /// The commits of the branch at `tip` past `base`, as ``BranchOwnership`` judges them. Each
    /// commit is read only until the walk's end (sparkd's commit on its own base): below it may
    /// lie a whole rewritten base history.
    package static func read(
        _ repository: Repository, tip: ObjectID, base: ObjectID, sparkdEmail: String?
    ) throws(GitError) -> BranchOwnership {
        var commits: [BranchOwnership.Commit] = []
        for id in try repository.commits(from: tip, excluding: base) {
            let message = try repository.message(of: id)
            let commit = BranchOwnership.Commit(
                id: id.description, subject: String(message.split(separator: "\n", maxSplits: 1).first ?? ""),
                sparkBase: try repository.trailers(of: id).last { $0.key == CommitMessage.baseTrailer }?.value,
                parents: try repository.parents(of: id).map(\.description),
                committerEmail: try repository.committerEmail(of: id))
            commits.append(commit)
            if endsTheWalk(commit, sparkdEmail: sparkdEmail) { break }
        }
        return BranchOwnership(commits: commits, sparkdEmail: sparkdEmail)
    }

    /// Deletes `branch` (at `tip`) with compare-and-swap when sparkd owns every commit on it and
    /// it is not on a newer base than `base`; `publishCheck` runs right before the ref goes.
    /// Whether it was deleted.
    package static func deleteIfOwned(
        _ repository: Repository, branch: String, tip: ObjectID, base: ObjectID, sparkdEmail: String?,
        publishCheck: PublishCheck?
    ) throws -> Bool {
        let ownership = try read(repository, tip: tip, base: base, sparkdEmail: sparkdEmail)
        guard ownership.isOwnedBySparkd, !ownership.isNewer(than: base, in: repository) else { return false }
        try publishCheck?(.delete)
        try repository.deleteBranch(branch, expecting: tip)
        return true
    }

    /// Whether the branch holds sparkd's change on a base that descends from `base` (a newer one).
    package func isNewer(than base: ObjectID, in repository: Repository) -> Bool {
        guard let text = sparkBase, let theirs = ObjectID(hex: text), theirs != base else { return false }
        return (try? repository.isAncestor(base, of: theirs)) ?? false
    }

    /// Throws ``ApplyError/Code/blocked`` when the branch has a commit sparkd did not make, and
    /// ``ApplyError/Code/staleBase`` when it already holds sparkd's change on a newer base.
    package static func check(
        _ repository: Repository, branch: String, tip: ObjectID, base: ObjectID, sparkdEmail: String?
    ) throws {
        let ownership = try read(repository, tip: tip, base: base, sparkdEmail: sparkdEmail)
        guard let foreign = ownership.foreignCommits.first else {
            if ownership.isNewer(than: base, in: repository) {
                throw ApplyError(
                    code: .staleBase,
                    message: "branch '\(branch)' already holds sparkd's change on \(ownership.sparkBase!.prefix(12)), "
                        + "which is newer than this job's base \(base.short); not moved back",
                    hint: nil)
            }
            return
        }
        throw ApplyError(
            code: .blocked,
            message: "branch '\(branch)' has \(ownership.foreignCommits.count) commit(s) sparkd did not make "
                + "(newest: \(foreign.id.prefix(7)) \"\(foreign.subject)\"); sparkd never overwrites them",
            hint: "merge or delete '\(branch)' (git branch -D \(branch)), or pass --branch with another name")
    }
}
