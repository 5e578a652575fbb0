package import Foundation
internal import GRDB

/// A claimed job: run it, heartbeat, then complete or fail it.
package struct JobClaim: Sendable, Hashable {
    package var job: Job
    /// 1-based.
    package var attempt: Int
}

extension JobStore {
    /// Takes the oldest queued job that is due, under a lease of `lease` seconds held by `worker`.
    /// Jobs of a repository that already has a running job wait (branch updates of one repository
    /// are serialised). Jobs whose lease expired are first queued again (or failed, when no
    /// attempts are left). Nil when nothing is due.
    package func claim(worker: String, lease: Double = 60, now: Date = Date()) async throws(JobQueueError) -> JobClaim? {
        try await write { [self] db in
            try expireLeases(in: db, now: now)
            guard
                let job = try Job.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM jobs WHERE state = 'queued' AND not_before <= ?
                          AND repository NOT IN (SELECT repository FROM jobs WHERE state = 'running')
                        ORDER BY not_before, id LIMIT 1
                        """,
                    arguments: [now.timeIntervalSince1970]
                ).first
            else { return nil }
            let (claimed, effect) = try transition(
                job, in: db, now: now, worker: worker, lease: lease,
                detail: "claimed"
            ) { lifecycle throws(JobTransitionError) in
                try lifecycle.claim()
            }
            guard case .run(let attempt) = effect else { return nil }
            return JobClaim(job: claimed, attempt: attempt)
        }
    }

    /// The next moment after `now` at which a job becomes claimable without anything new being
    /// queued: the earliest end of a backoff among queued jobs, or the earliest lease expiry among
    /// running ones (a worker that stopped renewing its lease); nil when there is neither. Times
    /// already past are left out: such a job is claimable now or waits for its repository's
    /// running job, and those were looked for when they became so.
    package func nextDue(after now: Date = Date()) async throws(JobQueueError) -> Date? {
        try await read { [self] db in
            try Double.fetchOne(
                db,
                sql: """
                    SELECT MIN(due) FROM (
                      SELECT MIN(not_before) AS due FROM jobs WHERE state = 'queued' AND not_before > ?1
                      UNION ALL SELECT MIN(lease_expires_at) FROM jobs WHERE state = 'running' AND lease_expires_at > ?1)
                    """, arguments: [now.timeIntervalSince1970]
            ).map(Date.init(timeIntervalSince1970:))
        }
    }

    /// Extends the lease on a running job to `lease` seconds from `now`. Throws `leaseLost` when
    /// `worker` no longer holds it: stop and publish nothing.
    package func heartbeat(_ id: Job.ID, worker: String, lease: Double = 60, now: Date = Date()) async throws(JobQueueError) {
        try await heartbeat(id, worker: worker, lease: lease, creatingBranch: nil, at: now, now: now)
    }

    /// ``heartbeat(_:worker:lease:now:)`` right before a review branch's ref moves; when the move
    /// creates `branch` (of the job's repository), it is recorded for the per-hour limit in the
    /// same transaction, dated `createdAt`: durable before the ref exists (a kill between the two
    /// can count a branch that never came, never miss one that did), and recorded only while the
    /// lease is still the worker's.
    package func heartbeat(
        _ id: Job.ID, worker: String, lease: Double, creatingBranch branch: String?, at createdAt: Date, now: Date = Date()
    ) async throws(JobQueueError) {
        try await write { [self] db in try renewLease(id, worker: worker, lease: lease, creatingBranch: branch, at: createdAt, db: db, now: now) }
    }

    /// The same, for a caller that already runs on a thread of its own and must not return before
    /// the lease is renewed: the publish check, called on the git thread right before a ref moves.
    @available(*, noasync, message: "blocks its thread on the database: use the async overload")
    package func heartbeat(
        _ id: Job.ID, worker: String, lease: Double, creatingBranch branch: String?, at createdAt: Date, now: Date = Date()
    ) throws(JobQueueError) {
        try writeBlocking { [self] db in try renewLease(id, worker: worker, lease: lease, creatingBranch: branch, at: createdAt, db: db, now: now) }
    }

    private func renewLease(
        _ id: Job.ID, worker: String, lease: Double, creatingBranch branch: String?, at createdAt: Date, db: Database, now: Date
    ) throws {
        let job = try owned(id, by: worker, in: db, now: now)
        try db.execute(
            sql: "UPDATE jobs SET lease_expires_at = ?, updated_at = ? WHERE id = ?",
            arguments: [now.addingTimeInterval(lease).timeIntervalSince1970, now.timeIntervalSince1970, job.id])
        if let branch { try Self.insertCreation(of: branch, in: job.request.repository, at: createdAt, db: db) }
    }

    /// Ends `worker`'s attempt at job `id` with `outcome`.
    @discardableResult
    package func complete(_ id: Job.ID, worker: String, outcome: JobOutcome, now: Date = Date()) async throws(JobQueueError) -> Job {
        try await write { [self] db in
            let job = try owned(id, by: worker, in: db, now: now)
            return try transition(job, in: db, now: now, worker: worker, outcome: outcome) {
                lifecycle throws(JobTransitionError) in try lifecycle.complete(outcome)
            }.job
        }
    }

    /// Ends `worker`'s attempt at job `id` with a failure; a `retryable` one is queued again after
    /// the backoff while attempts are left.
    @discardableResult
    package func fail(
        _ id: Job.ID, worker: String, reason: String, retryable: Bool = true, now: Date = Date()
    ) async throws(JobQueueError) -> Job {
        try await write { [self] db in
            let job = try owned(id, by: worker, in: db, now: now)
            return try transition(job, in: db, now: now, worker: worker) { lifecycle throws(JobTransitionError) in
                try lifecycle.fail(reason: reason, retryable: retryable)
            }.job
        }
    }

    /// Queues again (or fails) every running job whose lease expired before `now`; returns them.
    @discardableResult
    package func expireLeases(now: Date = Date()) async throws(JobQueueError) -> [Job] {
        try await write { [self] db in try expireLeases(in: db, now: now) }
    }

    /// Queues again (or fails, when no attempts are left) every running job, whatever its lease
    /// says. Only for a daemon that holds the state directory's lock: every running job was then
    /// left by a process that is gone.
    @discardableResult
    package func recoverOrphans(now: Date = Date()) async throws(JobQueueError) -> [Job] {
        try await write { [self] db in
            let running = try Job.fetchAll(db, sql: "SELECT * FROM jobs WHERE state = 'running' ORDER BY id")
            return try running.map { job in
                try transition(job, in: db, now: now, worker: job.leaseOwner) { lifecycle throws(JobTransitionError) in
                    try lifecycle.orphaned()
                }.job
            }
        }
    }

    @discardableResult
    func expireLeases(in db: Database, now: Date) throws -> [Job] {
        let expired = try Job.fetchAll(
            db, sql: "SELECT * FROM jobs WHERE state = 'running' AND lease_expires_at < ? ORDER BY id",
            arguments: [now.timeIntervalSince1970])
        return try expired.map { job in
            try transition(job, in: db, now: now, worker: job.leaseOwner) { lifecycle throws(JobTransitionError) in
                try lifecycle.leaseExpired()
            }.job
        }
    }

    /// The job, if it is running under `worker`'s unexpired lease; else `leaseLost`.
    private func owned(_ id: Job.ID, by worker: String, in db: Database, now: Date) throws -> Job {
        let job = try existing(id, in: db)
        let expired = (job.leaseExpiresAt ?? .distantPast) < now
        guard job.state == .running, job.leaseOwner == worker, !expired else {
            throw JobQueueError(
                .leaseLost,
                "worker '\(worker)' no longer holds job \(id) (it is \(job.state.rawValue)"
                    + (job.leaseOwner.map { ", leased to '\($0)'" } ?? "") + (expired && job.state == .running ? ", lease expired" : "") + ")",
                jobID: id, hint: "stop working on the job and publish nothing; heartbeat more often than the lease lasts")
        }
        return job
    }
}
