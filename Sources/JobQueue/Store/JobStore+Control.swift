package import Foundation
internal import GRDB

extension JobStore {
    /// Cancels a queued or running job. A running job's worker learns it at its next heartbeat
    /// (`leaseLost`) and publishes nothing.
    @discardableResult
    package func cancel(_ id: Job.ID, now: Date = Date()) async throws(JobQueueError) -> Job {
        try await write { [self] db in
            try transition(try existing(id, in: db), in: db, now: now, detail: "cancelled") {
                lifecycle throws(JobTransitionError) in try lifecycle.cancel()
            }.job
        }
    }

    /// Queues a failed, blocked or cancelled job again, with its attempts reset.
    @discardableResult
    package func retry(_ id: Job.ID, now: Date = Date()) async throws(JobQueueError) -> Job {
        try await write { [self] db in
            let job = try existing(id, in: db)
            if let active = try Job.fetchAll(
                db, sql: "SELECT * FROM jobs WHERE dedupe_key = (SELECT dedupe_key FROM jobs WHERE id = ?) AND state IN ('queued', 'running')",
                arguments: [id]
            ).first {
                throw JobQueueError(
                    .invalidTransition, "job \(id) is already being done again by job \(active.id)", jobID: id,
                    hint: "follow job \(active.id) with 'sparkctl job \(active.id)'")
            }
            var retried = try transition(job, in: db, now: now, detail: "retried") { lifecycle throws(JobTransitionError) in
                try lifecycle.retry()
            }.job
            try db.execute(sql: "UPDATE jobs SET finished_at = NULL WHERE id = ?", arguments: [id])
            retried.finishedAt = nil
            return retried
        }
    }
}
