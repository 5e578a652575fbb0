import ControlAPI
import Daemon
import Foundation
import JobQueue
import TestSupport

/// The tests' ``ControlHandling``: a real ``JobStore`` on a real SQLite file behind the real
/// server. (The daemon's own handler adds the watcher, workers and git; this one resolves no
/// revisions: a missing base is the branch name.)
struct StoreControlHandler: ControlHandling {
    let store: JobStore
    let metrics: DaemonMetrics
    let started = Date()
    /// The one configured repository; `nightly` queues a job on it.
    let repository: String

    func status() async throws -> StatusResponse {
        let counts = try await store.counts()
        return StatusResponse(
            version: "test", pid: ProcessInfo.processInfo.processIdentifier, uptimeSeconds: Date().timeIntervalSince(started),
            workers: .init(busy: counts[.running] ?? 0, total: 2), jobs: StatusResponse.jobCounts(counts),
            repositories: [.init(path: repository, state: "watching", branches: ["main"])])
    }

    func jobs(states: [String], limit: Int) async throws -> [JobSummary] {
        try await store.jobs(in: Set(states.compactMap(JobState.init(rawValue:))), limit: limit).map(JobSummary.init)
    }

    func job(_ id: Int64) async throws -> JobDetail {
        guard let job = try await store.job(id) else {
            throw ControlError.notFound("no job \(id)", hint: "list jobs with 'sparkctl jobs'")
        }
        return JobDetail(job, events: try await store.events(of: id))
    }

    func enqueue(_ request: EnqueueRequest) async throws -> EnqueueResponse {
        let branch = request.branch ?? "main"
        let result = try await store.enqueue(
            JobRequest(
                repository: request.repository, branch: branch, base: request.base ?? branch, recipes: request.recipes,
                parameters: request.parameters, trigger: request.trigger))
        if case .enqueued = result { metrics.jobEnqueued(trigger: request.trigger) }
        return EnqueueResponse(result)
    }

    func cancel(_ id: Int64) async throws -> JobSummary {
        JobSummary(try await store.cancel(id))
    }

    func retry(_ id: Int64) async throws -> JobSummary {
        JobSummary(try await store.retry(id))
    }

    func trigger(_ name: String) async throws -> TriggerResponse {
        guard name == "nightly" else {
            throw ControlError.notFound("no recipe runs on trigger '\(name)'", hint: "configured triggers: nightly")
        }
        let response = try await enqueue(
            EnqueueRequest(repository: repository, base: "nightly-base", recipes: ["fixup/trailing-whitespace"], trigger: name))
        return TriggerResponse(trigger: name, jobs: [response])
    }
}
