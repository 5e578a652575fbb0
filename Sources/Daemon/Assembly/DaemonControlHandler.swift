package import ControlAPI
internal import Foundation
internal import JobQueue
internal import Recipes

/// The daemon's answers on its control socket: the job store for jobs, ``JobTriggers`` for
/// `enqueue` and `trigger` (so requests go through the same dedupe, revision resolution and
/// wake-up as pushes), and the current setup for `status`.
struct DaemonControlHandler: ControlHandling {
    let daemon: SparkDaemon

    func status() async throws -> StatusResponse {
        let counts = try await daemon.store.counts()
        let setup = daemon.setup.current
        let repositories = setup.configuration.repositories.map { repository in
            let problem = setup.resolved.problems.first { $0.repository == repository.path }
            let served = setup.resolved.branches.filter { $0.repository == repository.path }.map(\.branch)
            return StatusResponse.Repository(
                path: repository.path, state: problem == nil ? "watching" : "unavailable", branches: served,
                error: problem.map(\.description))
        }
        return StatusResponse(
            version: SparkDaemon.version, pid: ProcessInfo.processInfo.processIdentifier,
            uptimeSeconds: Date().timeIntervalSince(daemon.started),
            workers: .init(busy: daemon.workers.busy, total: daemon.workers.options.workers),
            jobs: StatusResponse.jobCounts(counts), repositories: repositories)
    }

    func jobs(states: [String], limit: Int) async throws -> [JobSummary] {
        let wanted = Set(states.compactMap(JobState.init(rawValue:)))
        return try await daemon.store.jobs(in: wanted, limit: limit).map(JobSummary.init)
    }

    func job(_ id: Int64) async throws -> JobDetail {
        guard let job = try await daemon.store.job(id) else {
            throw ControlError.notFound("no job \(id)", hint: "list jobs with 'sparkctl jobs'")
        }
        return JobDetail(job, events: try await daemon.store.events(of: id))
    }

    func enqueue(_ request: EnqueueRequest) async throws -> EnqueueResponse {
        do {
            let results = try await daemon.triggers.enqueue(
                repository: request.repository, branch: request.branch, base: request.base, recipes: request.recipes,
                parameters: request.parameters)
            // Several jobs (the `manual` rules) come back as the first; each is in `sparkctl jobs`.
            guard let first = results.first else { throw ControlError.badRequest("nothing to enqueue") }
            return EnqueueResponse(first)
        } catch let error as TriggerError {
            throw ControlError(error)
        }
    }

    func cancel(_ id: Int64) async throws -> JobSummary {
        let job = JobSummary(try await daemon.store.cancel(id))
        // Jobs queued behind a cancelled running one of the same repository may start now.
        daemon.workers.wake()
        return job
    }

    func retry(_ id: Int64) async throws -> JobSummary {
        let job = JobSummary(try await daemon.store.retry(id))
        daemon.workers.wake()
        return job
    }

    func trigger(_ name: String) async throws -> TriggerResponse {
        do {
            let results = try await daemon.triggers.fire(name)
            return TriggerResponse(trigger: name, jobs: results.map(EnqueueResponse.init))
        } catch let error as TriggerError {
            throw ControlError(error)
        }
    }
}

extension ControlError {
    package init(_ error: TriggerError) {
        let code: Code = error.code == .unknownTrigger ? .notFound : .badRequest
        self.init(code, error.message, hint: error.hint)
    }
}
