package import Executors
internal import Foundation
package import GitKit
package import JobQueue
package import Logging
internal import Recipes

/// Turns what happens — a watched branch moved, a schedule fired, `sparkctl trigger`/`enqueue`,
/// sparkd started after being down — into queued jobs. Jobs and the processed tip are written in
/// one transaction before anything acts on them (DESIGN.md: durable before acted on).
package struct JobTriggers: Sendable {
    let setup: SetupHolder
    let store: JobStore
    let executor: BlockingExecutor
    let logger: Logger
    /// Wakes the workers after jobs were queued.
    let wake: @Sendable () -> Void
    let metrics: DaemonMetrics?

    package init(
        setup: SetupHolder, store: JobStore, executor: BlockingExecutor, logger: Logger, metrics: DaemonMetrics? = nil,
        wake: @escaping @Sendable () -> Void
    ) {
        (self.setup, self.store, self.executor, self.logger, self.metrics, self.wake) = (setup, store, executor, logger, metrics, wake)
    }

    /// Start-up: every watched branch whose tip differs from the one last processed (or was never
    /// processed) gets its `push` jobs, as if the push had just happened.
    @discardableResult
    package func catchUp() async throws -> [EnqueueResult] {
        let processed = try await store.watchedTips()
        var results: [EnqueueResult] = []
        for branch in setup.current.resolved.branches {
            let tip = try? await tipOf(repository: branch.repository, branch: branch.branch)
            let last = processed.first { $0.repository == branch.repository && $0.branch == branch.branch }
            if let tip, last?.tip != tip {
                results += try await branchMoved(repository: branch.repository, branch: branch.branch, to: tip)
            }
        }
        return results
    }

    /// A watched branch points at `tip` now (new commits or rewritten history): its `push` jobs on
    /// the new tip. The repository's `.sparkd.yml` is read again at that tip first.
    @discardableResult
    package func branchMoved(repository: String, branch: String, to tip: String) async throws -> [EnqueueResult] {
        let resolution = try await executor.run { [setup] in setup.current.resolving(repository: repository) }
        setup.update { $0.replacing(resolution) }
        for problem in resolution.problems {
            logger.warning("repository configuration problem", metadata: ["repo.path": "\(repository)", "error.message": "\(problem)"])
        }
        let resolved = resolution.branches.first { $0.branch == branch }
        var requests: [JobRequest] = []
        if let resolved { requests = try await plan(resolved, trigger: Trigger.push, base: tip) }
        // An unresolved branch (a configuration problem) is not marked processed: once the
        // problem is fixed and sparkd reloaded, the catch-up queues this tip's jobs.
        let processed = resolved.map { _ in WatchedTip(repository: repository, branch: branch, tip: tip) }
        return try await submit(requests, trigger: Trigger.push, recordingTip: processed)
    }

    /// After a reload: `push` rules that are new on a branch run on its current tip, which was
    /// processed before they existed (Renovate runs a newly enabled rule at once, too).
    @discardableResult
    package func newPushRules(since old: DaemonSetup) async throws -> [EnqueueResult] {
        var requests: [JobRequest] = []
        for branch in setup.current.resolved.branches {
            let previous = old.branch(repository: branch.repository, branch: branch.branch)
            let before = Set(previous?.rules.filter { $0.on.contains(Trigger.push) }.map(\.id) ?? [])
            var added = branch
            added.rules = branch.rules.filter { $0.on.contains(Trigger.push) && !before.contains($0.id) }
            // Where the setting is written (it may move in sparkd.yml, or move there from the
            // branch's .sparkd.yml) is no change.
            if previous?.fixupCommits?.base == branch.fixupCommits?.base, previous?.fixupCommits?.recipes == branch.fixupCommits?.recipes {
                added.fixupCommits = nil
            }
            guard !added.rules.isEmpty || added.fixupCommits != nil, let tip = try? await tipOf(repository: branch.repository, branch: branch.branch) else { continue }
            requests += try await plan(added, trigger: Trigger.push, base: tip)
        }
        return try await submit(requests, trigger: Trigger.push)
    }

    /// A watched branch was deleted: remembered, so that its return counts as a push.
    package func branchDeleted(repository: String, branch: String) async throws {
        try await store.record(WatchedTip(repository: repository, branch: branch, tip: nil))
        logger.info("watched branch deleted", metadata: ["repo.path": "\(repository)", "ref.name": "\(branch)"])
    }

    /// A named trigger (`nightly`, a schedule, `manual` for everything marked so): the jobs of every
    /// watched branch whose rules name it, at the branch's current tip.
    package func fire(_ trigger: String) async throws -> [EnqueueResult] {
        let known = setup.current.configuration.triggerNames
        guard known.contains(trigger) else { throw TriggerError.unknownTrigger(trigger, known: known) }
        var requests: [JobRequest] = []
        for branch in setup.current.resolved.branches where branch.rules.contains(where: { $0.on.contains(trigger) }) {
            guard let tip = try? await tipOf(repository: branch.repository, branch: branch.branch) else { continue }
            requests += try await plan(branch, trigger: trigger, base: tip)
        }
        return try await submit(requests, trigger: trigger)
    }

    /// `sparkctl enqueue`: recipes on a configured repository at a revision (default: the watched
    /// branch's tip; the branch defaults to the first watched one). No recipes: the branch's rules
    /// marked `on: [manual]`, one job each.
    package func enqueue(
        repository: String, branch: String?, base: String?, recipes: [String], parameters: [String: String]
    ) async throws -> [EnqueueResult] {
        let current = setup.current
        guard let configured = current.repository(repository) else {
            throw TriggerError.unknownRepository(repository, known: current.configuration.repositories.map(\.path))
        }
        let branchName = branch ?? configured.branches.first ?? "main"
        let catalogIDs = Set(current.catalog.recipes.map(\.id))
        let commit = try await executor.run { () throws -> String in
            let opened: Repository
            let commit: ObjectID
            do {
                opened = try Repository.open(at: repository)
                commit = try base.map { try opened.resolveCommit($0) } ?? opened.resolveCommit("refs/heads/\(branchName)")
            } catch {
                throw TriggerError.unknownRevision(base ?? branchName, repository: repository, detail: (error as? GitError)?.message ?? "\(error)")
            }
            let local = try RepositoryRecipes.ids(in: opened, commit: commit)
            for id in recipes where !catalogIDs.contains(id) && !local.contains(id) {
                throw TriggerError.unknownRecipe(id)
            }
            return commit.description
        }
        var requests: [JobRequest]
        if recipes.isEmpty {
            var rules: [JobRequest] = []
            if let branch = current.branch(repository: repository, branch: branchName) {
                rules = try await plan(branch, trigger: Trigger.manual, base: commit)
            }
            guard !rules.isEmpty else { throw TriggerError.noRecipes(repository: repository, branch: branchName) }
            requests = rules
        } else {
            requests = [
                JobRequest(
                    repository: repository, branch: branchName, base: commit, recipes: recipes, parameters: parameters,
                    trigger: Trigger.manual)
            ]
        }
        return try await submit(requests, trigger: Trigger.manual)
    }

    /// ``JobPlanner/requests(for:trigger:base:shards:)``, reading the shards (the root tree's
    /// entries only) through git when a rule is sharded.
    private func plan(_ branch: ResolvedConfiguration.Branch, trigger: String, base: String) async throws -> [JobRequest] {
        var shards: [String] = []
        if JobPlanner.isSharded(branch, trigger: trigger) {
            shards = try await executor.run { () throws -> [String] in
                let repository = try Repository.open(at: branch.repository)
                return try JobPlanner.shards(in: repository, at: try repository.resolveCommit(base))
            }
        }
        return JobPlanner.requests(for: branch, trigger: trigger, base: base, shards: shards)
    }

    /// Queues `requests` (and records `tip`, in the same transaction), logs them, and wakes the
    /// workers when there is anything to do.
    private func submit(
        _ requests: [JobRequest], trigger: String, recordingTip tip: WatchedTip? = nil
    ) async throws -> [EnqueueResult] {
        let results = try await store.enqueue(requests, recordingTip: tip)
        log(results, trigger: trigger)
        if !requests.isEmpty { wake() }
        return results
    }

    private func tipOf(repository: String, branch: String) async throws -> String? {
        try await executor.run { try Repository.open(at: repository).branchTip(branch)?.description }
    }

    private func log(_ results: [EnqueueResult], trigger: String) {
        for result in results {
            let job = result.job
            let what: String
            if case .enqueued = result { metrics?.jobEnqueued(trigger: trigger) }
            switch result {
            case .enqueued(_, let superseded): what = superseded.isEmpty ? "queued" : "queued, superseding \(superseded.map(String.init))"
            case .duplicate: what = "already queued"
            }
            logger.info(
                "job \(what)",
                metadata: [
                    "job.id": "\(job.id)", "job.trigger": "\(trigger)", "repo.path": "\(job.request.repository)",
                    "ref.name": "\(job.request.branch)", "job.base": "\(job.request.base.prefix(12))",
                    "job.recipes": "\(job.request.recipes.joined(separator: ","))",
                ])
        }
    }
}
