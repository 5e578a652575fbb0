package import Foundation
internal import GRDB

extension JobStore {
    /// The job with `id`, or nil.
    package func job(_ id: Job.ID) async throws(JobQueueError) -> Job? {
        try await read { [self] db in try Job.fetch(db, id: id) }
    }

    /// Jobs in `states` (all when empty), newest first, at most `limit`.
    package func jobs(in states: Set<JobState> = [], limit: Int = 100) async throws(JobQueueError) -> [Job] {
        try await read { [self] db in
            if states.isEmpty {
                return try Job.fetchAll(db, sql: "SELECT * FROM jobs ORDER BY id DESC LIMIT ?", arguments: [limit])
            }
            let names = states.map(\.rawValue).sorted()
            let marks = Array(repeating: "?", count: names.count).joined(separator: ", ")
            return try Job.fetchAll(
                db, sql: "SELECT * FROM jobs WHERE state IN (\(marks)) ORDER BY id DESC LIMIT ?",
                arguments: StatementArguments(names) + [limit])
        }
    }

    /// How many jobs are in each state.
    package func counts() async throws(JobQueueError) -> [JobState: Int] {
        try await read { [self] db in
            var counts: [JobState: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT state, COUNT(*) AS n FROM jobs GROUP BY state") {
                if let state = JobState(rawValue: row["state"]) { counts[state] = row["n"] }
            }
            return counts
        }
    }

    /// The history of job `id`, oldest first.
    package func events(of id: Job.ID) async throws(JobQueueError) -> [JobEvent] {
        try await read { [self] db in
            try Row.fetchAll(db, sql: "SELECT * FROM job_events WHERE job_id = ? ORDER BY id", arguments: [id]).map { row in
                JobEvent(
                    jobID: row["job_id"], at: Date(timeIntervalSince1970: row["at"]),
                    from: (row["from_state"] as String?).flatMap(JobState.init(rawValue:)),
                    to: JobState(rawValue: row["to_state"]) ?? .failed, worker: row["worker"], detail: row["detail"])
            }
        }
    }

    /// Deletes finished jobs (and their history) that finished before `cutoff`, and beyond the
    /// newest `keep` finished jobs, and branch creations from over an hour before `cutoff`.
    /// Active jobs are never pruned. Returns how many jobs were deleted.
    @discardableResult
    package func prune(finishedBefore cutoff: Date, keep: Int = 0) async throws(JobQueueError) -> Int {
        try await write { [self] db in
            try db.execute(
                sql: """
                    DELETE FROM jobs WHERE state NOT IN ('queued', 'running') AND finished_at < ?
                      AND id NOT IN (SELECT id FROM jobs WHERE state NOT IN ('queued', 'running')
                                     ORDER BY finished_at DESC, id DESC LIMIT ?)
                    """,
                arguments: [cutoff.timeIntervalSince1970, max(0, keep)])
            let pruned = db.changesCount
            // Branch creations only count for the per-hour limit: an hour before the cutoff is
            // always older than any window that is read.
            try db.execute(
                sql: "DELETE FROM review_branch_creations WHERE created_at < ?",
                arguments: [cutoff.timeIntervalSince1970 - 3600])
            return pruned
        }
    }
}
