package import Foundation
internal import GRDB

/// What ``JobStore/enqueue(_:now:)`` did.
package enum EnqueueResult: Sendable, Hashable {
    /// A new job, queued; `superseded` are the queued jobs of the same branch and recipes on an
    /// older base that it replaced.
    case enqueued(Job, superseded: [Job.ID])
    /// An active job already does this work (same repository, recipes, parameters and base).
    case duplicate(Job)

    package var job: Job {
        switch self {
        case .enqueued(let job, _), .duplicate(let job): job
        }
    }
}

extension JobStore {
    /// Queues `request`, unless an active job already does the same work (dedupe). A queued job of
    /// the same repository, branch, recipes and parameters on another base is superseded by it;
    /// a running one is left to finish (its worker checks the base before publishing).
    @discardableResult
    package func enqueue(_ request: JobRequest, now: Date = Date()) async throws(JobQueueError) -> EnqueueResult {
        try await write { [self] db in try enqueue(request, in: db, now: now) }
    }

    /// Queues `requests` and records `tip` as the watched branch's processed tip, in one
    /// transaction: after a crash, either both happened or neither, so a restart re-reads the
    /// branch and queues the same work again (where dedupe meets it) — nothing is lost.
    @discardableResult
    package func enqueue(
        _ requests: [JobRequest], recordingTip tip: WatchedTip?, now: Date = Date()
    ) async throws(JobQueueError) -> [EnqueueResult] {
        try await write { [self] db in
            let results = try requests.map { request in try enqueue(request, in: db, now: now) }
            if let tip { try record(tip, in: db, now: now) }
            return results
        }
    }

    func enqueue(_ request: JobRequest, in db: Database, now: Date) throws -> EnqueueResult {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if let duplicate = try Job.fetchAll(
            db, sql: "SELECT * FROM jobs WHERE dedupe_key = ? AND state IN ('queued', 'running')",
            arguments: [request.dedupeKey]
        ).first {
            return .duplicate(duplicate)
        }
        let seconds = now.timeIntervalSince1970
        try db.execute(
            sql: """
                INSERT INTO jobs (repository, branch, base, recipes, parameters, trigger, scope, fixup_base, dedupe_key, lineage_key,
                    state, attempts, max_attempts, not_before, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?, ?, ?)
                """,
            arguments: [
                request.repository, request.branch, request.base,
                String(decoding: try encoder.encode(request.recipes), as: UTF8.self),
                String(decoding: try encoder.encode(request.parameters), as: UTF8.self),
                request.trigger, request.scope, request.fixupBase, request.dedupeKey, request.lineageKey, policy.maxAttempts, seconds, seconds, seconds,
            ])
        let id = db.lastInsertedRowID
        try recordEvent(job: id, from: nil, to: .queued, worker: nil, detail: "trigger \(request.trigger)", in: db, now: now)
        let older = try Job.fetchAll(
            db, sql: "SELECT * FROM jobs WHERE lineage_key = ? AND state = 'queued' AND id != ?",
            arguments: [request.lineageKey, id])
        for job in older {
            try transition(
                job, in: db, now: now, detail: "superseded by job \(id) on base \(request.base)",
                supersededBy: id
            ) { lifecycle throws(JobTransitionError) in try lifecycle.supersede() }
        }
        return .enqueued(try existing(id, in: db), superseded: older.map(\.id))
    }
}
