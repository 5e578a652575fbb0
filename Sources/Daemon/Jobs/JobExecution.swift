internal import Diagnostics
package import Executors
package import Foundation
package import GitKit
package import JobQueue
package import Recipes
package import SparkEngine
internal import WSESim

/// One attempt at one job: the job's recipes run through the Spark engine on the snapshot of its
/// base, and the result is delivered to its review branch under the daemon's branch rules
/// (DESIGN.md, "Review branches and commits"): stable name, regenerated from the new base,
/// frozen by a human commit, compare-and-swap, deleted once its change is in the base, and
/// created only within the repository's limits.
package struct JobExecution: Sendable {
    package var setup: DaemonSetup
    package var store: JobStore
    package var executor: BlockingExecutor

    package init(setup: DaemonSetup, store: JobStore, executor: BlockingExecutor) {
        (self.setup, self.store, self.executor) = (setup, store, executor)
    }

    /// What the attempt did, when it ended without an error worth retrying.
    package struct Result: Sendable {
        package var outcome: JobOutcome
        package var report: ApplyReport?
    }

    /// Runs `job` as `worker`, whose lease (`lease` seconds) is renewed once more right before the
    /// branch moves: a job cancelled or taken over meanwhile publishes nothing. Throws
    /// ``JobFailure`` for what the worker records as a failed attempt.
    package func run(_ job: Job, worker: String, lease: Double, now: Date = Date()) async throws(JobFailure) -> Result {
        let request = job.request
        guard let repository = setup.repository(request.repository) else {
            throw JobFailure(
                message: "repository '\(request.repository)' is no longer in the configuration; its jobs do not run "
                    + "(add it back under 'repositories:' and reload, then 'sparkctl retry \(job.id)')",
                retryable: false)
        }
        if let fixupBase = request.fixupBase {
            return try await runFixupCommits(job, base: fixupBase, repository: repository, worker: worker, lease: lease, now: now)
        }
        do {
            let createdLastHour = try await branchesCreatedLastHour(in: request.repository, now: now)
            let (start, branch) = try await executor.run { [self] in
                let opened = try Repository.open(at: request.repository)
                let base = try opened.resolveCommit(request.base)
                // A shard's name depends on its siblings at the base (names that slug alike).
                let shards = request.scope == nil ? [] : try JobPlanner.shards(in: opened, at: base)
                let branch = ReviewBranchNaming.branch(
                    recipes: request.recipes, base: request.branch, repository: repository, scope: request.scope, shards: shards)
                return (try self.start(request, in: opened, at: base, repository: repository, createdLastHour: createdLastHour), branch)
            }
            let identity = Signature(name: setup.configuration.identity.name, email: setup.configuration.identity.email)
            let apply = ApplyRequest(
                repositoryPath: request.repository, recipes: start.recipes, parameters: start.parameters, catalog: start.catalog,
                base: request.base, branch: branch, identity: (identity, identity),
                backend: try backendConfiguration(), validators: nil)
            var configured = apply
            configured.jobID = job.id
            configured.scope = request.scope
            configured.branchPolicy = .init(mayCreate: start.mayCreateBranch, deleteWhenNoChange: true)
            configured.publishCheck = publishCheck(job, worker: worker, lease: lease, branch: branch, now: now)
            let report = try await ApplyRunner(executor: executor).run(configured)
            return Result(outcome: Self.outcome(of: report), report: report)
        } catch {
            return try Self.result(of: error)
        }
    }

    /// What every job starts from, read at the job's base (``start(_:in:at:repository:createdLastHour:)``).
    struct Start {
        /// The daemon's catalog with the repository's own recipes (`.sparkd/recipes/`) at the base.
        var catalog: RecipeCatalog
        var recipes: [Recipe]
        /// The job's parameters routed to its recipes.
        var parameters: [[String: String]]
        /// Whether the branch limits allow a new review branch.
        var mayCreateBranch: Bool
    }

    /// Reads ``Start`` in `opened` at `base` (the job's base, resolved; on the job's git executor);
    /// `createdLastHour` comes from the store.
    func start(
        _ request: JobRequest, in opened: Repository, at base: ObjectID, repository: RepositoryConfiguration, createdLastHour: Int
    ) throws -> Start {
        let catalog = try RepositoryRecipes.catalog(setup.catalog, repository: opened, commit: base)
        let recipes = try request.recipes.map { id throws(RecipeError) in try catalog.recipe(id) }
        let open = try opened.branchNames(withPrefix: repository.branchPrefix).count
        return Start(
            catalog: catalog, recipes: recipes, parameters: try Self.parameters(request.parameters, for: recipes),
            mayCreateBranch: repository.limits.allowNewBranch(open: open, createdLastHour: createdLastHour))
    }

    /// Review branches created in `path` in the hour before `now`, for the branch limits.
    func branchesCreatedLastHour(in path: String, now: Date) async throws -> Int {
        try await store.branchesCreated(repository: path, since: now.addingTimeInterval(-3600))
    }

    /// Right before the ref moves: for pushes and schedules the watched branch is still at the
    /// base (else a job on the new base is coming, and this one's result would be stale), and the
    /// lease is still ours (not cancelled, not taken over). A branch about to be created is
    /// recorded for the per-hour limit in the lease's transaction, before the ref exists.
    func publishCheck(_ job: Job, worker: String, lease: Double, branch: String, now: Date) -> PublishCheck {
        let request = job.request
        let watched = request.trigger == Trigger.manual ? nil : request.branch
        return { [store] move in
            if let watched, let tip = try Repository.open(at: request.repository).branchTip(watched), tip.description != request.base {
                throw BaseMoved(branch: watched, base: request.base, tip: tip.description)
            }
            try store.heartbeat(job.id, worker: worker, lease: lease, creatingBranch: move == .create ? branch : nil, at: now)
        }
    }

    /// What an attempt that threw ends as: the branch rules' refusals are outcomes, the rest
    /// failures (``JobFailure`` says whether to retry).
    static func result(of error: any Error) throws(JobFailure) -> Result {
        switch error {
        case let error as ApplyError where error.code == .blocked || error.code == .limitReached:
            return Result(outcome: .blocked(reason: error.description), report: nil)
        case let error as ApplyError where error.code == .staleBase:
            // A job on a newer base already delivered: nothing for this one to do.
            return Result(outcome: .noChange, report: nil)
        case let moved as BaseMoved:
            return Result(outcome: .superseded(reason: moved.description), report: nil)
        case let error as GitError where error.code == .checkedOut:
            return Result(outcome: .blocked(reason: error.description), report: nil)
        default:
            throw JobFailure(error)
        }
    }

    static func outcome(of report: ApplyReport) -> JobOutcome {
        switch report.branchAction {
        case .created, .updated, .unchanged: .succeeded(branch: report.branch, commit: report.commit)
        case .none, .deleted, .dryRun: .noChange
        }
    }

    func backendConfiguration() throws -> BackendConfiguration {
        let backend = setup.configuration.backend
        let transport = Transport.Kind(rawValue: backend.transport) ?? .webSocket
        return BackendConfiguration(
            profile: try Profile.named(backend.profile), transport: .named(transport),
            pace: backend.pace.map { .paced(speedup: $0) } ?? .virtual)
    }
}

/// The watched branch moved past a job's base while it ran: nothing is published.
struct BaseMoved: Error, CustomStringConvertible {
    var branch: String
    var base: String
    var tip: String

    var description: String {
        "'\(branch)' moved from \(base.prefix(12)) to \(tip.prefix(12)) while the job ran; nothing published, "
            + "the job on the new base regenerates the review branch"
    }
}

extension JobExecution {
    /// A job's parameters as each of its recipes gets them: `NAME` to every recipe that declares
    /// it, `RECIPE:NAME` to that recipe only — what `sparkctl apply --param` does
    /// (``ParameterRouting``). Handing every parameter to every recipe made a second recipe fail
    /// on a parameter only the first declares, and a scoped one was never understood.
    package static func parameters(_ parameters: [String: String], for recipes: [Recipe]) throws(RecipeError) -> [[String: String]] {
        let assignments = try parameters.sorted { $0.key < $1.key }.map { key, value throws(RecipeError) in
            try ParameterAssignment(parsing: key + "=" + value)
        }
        return try ParameterRouting.route(assignments, to: recipes)
    }
}
