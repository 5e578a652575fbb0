import Foundation
internal import GRDB

extension JobStore {
    /// Runs `event` on `job`'s state machine and writes the result (state, attempts, reason,
    /// backoff, lease, finish time) and a history event, inside the caller's transaction.
    /// Returns the job as stored and the effect for the caller.
    @discardableResult
    func transition(
        _ job: Job, in db: Database, now: Date, worker: String? = nil, lease: Double? = nil, detail: String? = nil,
        supersededBy: Job.ID? = nil, outcome: JobOutcome? = nil,
        _ event: (inout JobLifecycle) throws(JobTransitionError) -> JobLifecycle.Effect
    ) throws -> (job: Job, effect: JobLifecycle.Effect) {
        var lifecycle = job.lifecycle(backoff: policy)
        let effect: JobLifecycle.Effect
        do {
            effect = try event(&lifecycle)
        } catch {
            throw JobQueueError(
                .invalidTransition, "job \(job.id): \(error)", jobID: job.id, transition: error)
        }
        var updated = job
        updated.state = lifecycle.state
        updated.attempts = lifecycle.attempts
        updated.reason = lifecycle.reason
        updated.updatedAt = now
        switch effect {
        case .run:
            updated.leaseOwner = worker
            updated.leaseExpiresAt = now.addingTimeInterval(lease ?? 60)
        case .requeue(let delay):
            updated.leaseOwner = nil
            updated.leaseExpiresAt = nil
            updated.notBefore = now.addingTimeInterval(delay)
        case .finish, .stopWorker:
            updated.leaseOwner = nil
            updated.leaseExpiresAt = nil
            updated.finishedAt = now
        }
        if let supersededBy { updated.supersededBy = supersededBy }
        if case .succeeded(let branch, let commit) = outcome {
            updated.resultBranch = branch
            updated.resultCommit = commit
        }
        try db.execute(
            sql: """
                UPDATE jobs SET state = ?, attempts = ?, reason = ?, not_before = ?, lease_owner = ?,
                    lease_expires_at = ?, superseded_by = ?, result_branch = ?, result_commit = ?,
                    updated_at = ?, finished_at = ?
                WHERE id = ?
                """,
            arguments: [
                updated.state.rawValue, updated.attempts, updated.reason, updated.notBefore.timeIntervalSince1970,
                updated.leaseOwner, updated.leaseExpiresAt?.timeIntervalSince1970, updated.supersededBy,
                updated.resultBranch, updated.resultCommit, now.timeIntervalSince1970,
                updated.finishedAt?.timeIntervalSince1970, job.id,
            ])
        try recordEvent(
            job: job.id, from: job.state, to: updated.state, worker: worker, detail: detail ?? lifecycle.reason,
            in: db, now: now)
        return (updated, effect)
    }

    func recordEvent(
        job: Job.ID, from: JobState?, to: JobState, worker: String?, detail: String?, in db: Database, now: Date
    ) throws {
        try db.execute(
            sql: "INSERT INTO job_events (job_id, at, from_state, to_state, worker, detail) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [job, now.timeIntervalSince1970, from?.rawValue, to.rawValue, worker, detail])
    }

    func existing(_ id: Job.ID, in db: Database) throws -> Job {
        guard let job = try Job.fetch(db, id: id) else {
            throw JobQueueError(.notFound, "no job \(id)", jobID: id, hint: "list jobs with 'sparkctl jobs'")
        }
        return job
    }
}
