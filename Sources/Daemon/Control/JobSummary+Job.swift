package import ControlAPI
package import JobQueue

extension JobSummary {
    /// The control API's view of a stored job.
    package init(_ job: Job) {
        self.init(
            id: job.id, repository: job.request.repository, branch: job.request.branch, base: job.request.base,
            recipes: job.request.recipes, parameters: job.request.parameters, trigger: job.request.trigger,
            state: job.state.rawValue, attempts: job.attempts, maxAttempts: job.maxAttempts, reason: job.reason,
            supersededBy: job.supersededBy, resultBranch: job.resultBranch, resultCommit: job.resultCommit,
            scope: job.request.scope, fixupBase: job.request.fixupBase,
            createdAt: job.createdAt, updatedAt: job.updatedAt, finishedAt: job.finishedAt)
    }
}

extension JobDetail {
    /// A stored job with its history (oldest first).
    package init(_ job: Job, events: [JobEvent]) {
        self.init(
            job: JobSummary(job),
            events: events.map {
                Event(at: $0.at, from: $0.from?.rawValue, to: $0.to.rawValue, worker: $0.worker, detail: $0.detail)
            })
    }
}

extension EnqueueResponse {
    /// What ``JobStore/enqueue(_:now:)`` did, as the control API reports it.
    package init(_ result: EnqueueResult) {
        switch result {
        case .enqueued(let job, let superseded):
            self.init(job: JobSummary(job), deduplicated: false, superseded: superseded)
        case .duplicate(let job):
            self.init(job: JobSummary(job), deduplicated: true)
        }
    }
}

extension StatusResponse {
    /// Job counts by state name, with every state present (0 when it has no job).
    package static func jobCounts(_ counts: [JobState: Int]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: JobState.allCases.map { ($0.rawValue, counts[$0] ?? 0) })
    }
}
