package import GitKit
internal import Recipes

/// Runs an ``ApplyRequest``: reads the base snapshot through libgit2, runs the recipes over every
/// file in memory, and writes the result as one commit on the review branch with a
/// compare-and-swap update. HEAD, the index and the working tree are never read or written.
package struct ApplyRunner: Sendable {
    package var executor: GitExecutor

    package init(executor: GitExecutor = .shared) {
        self.executor = executor
    }

    package func run(_ request: ApplyRequest) async throws -> ApplyReport {
        try await executor.run { try Self.runSynchronously(request) }
    }

    /// The whole job on the calling thread (the executor's): libgit2 handles never leave it.
    static func runSynchronously(_ request: ApplyRequest) throws -> ApplyReport {
        let branch = request.branch ?? ReviewBranchName.forRecipes(request.recipes.map(\.id))
        guard Repository.isValidBranchName(branch) else {
            throw GitError(
                .invalidName, "'\(branch)' is not a valid branch name", subject: branch,
                hint: "pass --branch with letters, digits, '-', '_', '.' and '/' (see `git check-ref-format --help`)")
        }
        var clock = PhaseClock()
        // Bad parameters are usage errors: found before the repository is opened.
        let prepared = try request.preparedRecipes()
        clock.lap("prepare")
        let repository = try Repository.open(at: request.repositoryPath)
        let base = try repository.resolveCommit(request.base)
        let snapshot = try repository.snapshot(of: base)
        clock.lap("snapshot")
        var transform = SnapshotTransform(recipes: prepared)
        try transform.run(over: snapshot, reading: { entry throws(GitError) in try repository.contents(of: entry) })
        clock.lap("transform")

        var report = transform.report(base: base.description, baseRevision: request.base, branch: branch)
        for index in report.recipes.indices where index < request.parameters.count {
            report.recipes[index].parameters = request.parameters[index]
        }
        if request.dryRun {
            report.branchAction = .dryRun
            report.dryRun = true
            report.timingsMilliseconds = clock.laps
            return report
        }
        guard !transform.changes.isEmpty else {
            report.timingsMilliseconds = clock.laps
            return report
        }

        let existing = try repository.branchTip(branch)
        if let existing { try checkOwnership(repository, branch: branch, tip: existing, base: base) }
        try repository.waitUntilBranchUnlocked(branch)
        let identity = request.identity ?? CommitIdentity.resolve(repository: repository)
        let commit = try repository.writeCommit(
            CommitRequest(
                parent: base, changes: transform.changes,
                message: CommitMessage.make(recipes: request.recipes, report: report),
                author: identity.author, committer: identity.committer),
            packThreshold: request.packThreshold)
        clock.lap("commit")

        // Re-running a job on the same base must not churn the branch: keep an identical change.
        if let existing, try repository.parents(of: existing) == [base],
           try repository.treeOfCommit(existing) == repository.treeOfCommit(commit) {
            report.commit = existing.description
            report.branchAction = .unchanged
            clock.lap("branch")
            report.timingsMilliseconds = clock.laps
            return report
        }
        try repository.updateBranch(
            branch, to: commit, expecting: existing,
            reflogMessage: "sparkd: \(request.recipes.map(\.id).joined(separator: ", ")) on \(base.short)")
        report.commit = commit.description
        report.branchAction = existing == nil ? .created : .updated
        clock.lap("branch")
        report.timingsMilliseconds = clock.laps
        return report
    }

    private static func checkOwnership(_ repository: Repository, branch: String, tip: ObjectID, base: ObjectID) throws {
        let commits = try repository.commits(from: tip, excluding: base).map { id throws(GitError) in
            let message = try repository.message(of: id)
            let subject = String(message.split(separator: "\n", maxSplits: 1).first ?? "")
            return (id: id.description, subject: subject, trailerKeys: try repository.trailers(of: id).map(\.key))
        }
        let ownership = BranchOwnership(commits: commits)
        guard let foreign = ownership.foreignCommits.first else { return }
        throw ApplyError(
            code: .blocked,
            message: "branch '\(branch)' has \(ownership.foreignCommits.count) commit(s) sparkd did not make "
                + "(newest: \(foreign.id.prefix(7)) \"\(foreign.subject)\"); sparkd never overwrites them",
            hint: "merge or delete '\(branch)' (git branch -D \(branch)), or pass --branch with another name")
    }
}
