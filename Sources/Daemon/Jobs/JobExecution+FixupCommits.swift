internal import Executors
internal import Foundation
internal import GitKit
internal import JobQueue
internal import Recipes
internal import SparkEngine

extension JobExecution {
    /// A fixup-commits job (`fixup_commits:` in the daemon's configuration, or in the pushed
    /// branch's `.sparkd.yml` when the configuration has none): the job's recipes run over
    /// `merge-base(<base branch>, tip)..tip` through ``FixupCommitsRunner`` — the same code as
    /// `sparkctl fixup --commits` — and the `fixup!` commits land on `<prefix>fixup/<branch>`,
    /// under the same branch rules as review commits (frozen by a human commit, compare-and-swap,
    /// lease and base re-checked right before the ref moves), and within the repository's branch
    /// limits like any review branch: a fixup branch that would be new while they allow none
    /// ends the job `blocked`, naming the limit.
    func runFixupCommits(
        _ job: Job, base baseBranch: String, repository: RepositoryConfiguration, worker: String, lease: Double, now: Date
    ) async throws(JobFailure) -> Result {
        let request = job.request
        let identity = Signature(name: setup.configuration.identity.name, email: setup.configuration.identity.email)
        let prefix = repository.branchPrefix
        do {
            let createdLastHour = try await branchesCreatedLastHour(in: request.repository, now: now)
            let report = try await executor.run { [self] () throws -> FixupCommitsReport in
                let opened = try Repository.open(at: request.repository)
                let tip = try opened.resolveCommit(request.base)
                let prepared = try self.start(request, in: opened, at: tip, repository: repository, createdLastHour: createdLastHour)
                let plans = try RecipePreparation.prepare(prepared.recipes, parameters: prepared.parameters, catalog: prepared.catalog)
                    .map { $0.filePlan() }
                guard let baseTip = try opened.branchTip(baseBranch) else {
                    throw GitError(
                        .unknownRevision, "fixup_commits base branch '\(baseBranch)' does not exist in '\(request.repository)'",
                        subject: baseBranch, hint: "create it, or set fixup_commits: { base: … } to an existing branch")
                }
                guard let start = try opened.mergeBase(baseTip, tip) else {
                    throw GitError(
                        .invalidRange, "'\(request.branch)' shares no history with '\(baseBranch)' in '\(request.repository)'",
                        subject: request.branch, hint: "set fixup_commits: { base: … } to the branch the work starts from")
                }
                let branch = FixupCommitsRequest.defaultBranch(head: request.branch, headID: tip, repository: opened, prefix: prefix)
                var fixup = FixupCommitsRequest(
                    range: CommitRange(base: start.description, head: request.base), plans: plans, branch: branch,
                    branchPrefix: prefix, identity: (identity, identity))
                fixup.jobID = job.id
                fixup.publishCheck = self.publishCheck(job, worker: worker, lease: lease, branch: branch, now: now)
                fixup.mayCreateBranch = prepared.mayCreateBranch
                return try FixupCommitsRunner.run(fixup, in: opened)
            }
            switch report.branchAction {
            case .created, .updated, .unchanged:
                return Result(outcome: .succeeded(branch: report.branch, commit: report.fixups.last?.commit), report: nil)
            case .none, .deleted, .check:
                return Result(outcome: .noChange, report: nil)
            }
        } catch {
            return try Self.result(of: error)
        }
    }
}
