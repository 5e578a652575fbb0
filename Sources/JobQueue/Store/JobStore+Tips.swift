package import Foundation
internal import GRDB

extension JobStore {
    /// The processed tip of every watched branch, keyed by repository and branch.
    package func watchedTips() async throws(JobQueueError) -> [WatchedTip] {
        try await read { [self] db in
            try Row.fetchAll(db, sql: "SELECT repository, branch, tip FROM watched_tips ORDER BY repository, branch").map {
                WatchedTip(repository: $0["repository"], branch: $0["branch"], tip: $0["tip"])
            }
        }
    }

    /// Records `tip` as processed (no jobs: e.g. a branch with no `push` recipes, or deleted).
    package func record(_ tip: WatchedTip, now: Date = Date()) async throws(JobQueueError) {
        try await write { [self] db in try record(tip, in: db, now: now) }
    }

    func record(_ tip: WatchedTip, in db: Database, now: Date) throws {
        try db.execute(
            sql: """
                INSERT INTO watched_tips (repository, branch, tip, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT(repository, branch) DO UPDATE SET tip = excluded.tip, updated_at = excluded.updated_at
                """,
            arguments: [tip.repository, tip.branch, tip.tip, now.timeIntervalSince1970])
    }

    /// Remembers that a review branch is being created, for the per-hour limit (from the
    /// heartbeat right before the ref moves: ``heartbeat(_:worker:lease:creatingBranch:at:now:)``).
    static func insertCreation(of branch: String, in repository: String, at date: Date, db: Database) throws {
        try db.execute(
            sql: "INSERT INTO review_branch_creations (repository, branch, created_at) VALUES (?, ?, ?)",
            arguments: [repository, branch, date.timeIntervalSince1970])
    }

    /// Review branches created in `repository` since `date`.
    package func branchesCreated(repository: String, since date: Date) async throws(JobQueueError) -> Int {
        try await read { [self] db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM review_branch_creations WHERE repository = ? AND created_at >= ?",
                arguments: [repository, date.timeIntervalSince1970]) ?? 0
        }
    }
}
