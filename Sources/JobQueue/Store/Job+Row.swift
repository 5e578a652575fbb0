import Foundation
internal import GRDB

extension Job {
    /// A `jobs` row.
    init(row: Row) throws {
        let decoder = JSONDecoder()
        func date(_ column: String) -> Date? {
            (row[column] as Double?).map(Date.init(timeIntervalSince1970:))
        }
        let recipes: String = row["recipes"]
        let parameters: String = row["parameters"]
        let stateName: String = row["state"]
        guard let state = JobState(rawValue: stateName) else {
            throw JobQueueError(
                .database, "job \(row["id"] as Int64) has an unknown state '\(stateName)'",
                hint: "the database was changed by another program or a newer sparkd")
        }
        self.init(
            id: row["id"],
            request: JobRequest(
                repository: row["repository"], branch: row["branch"], base: row["base"],
                recipes: try decoder.decode([String].self, from: Data(recipes.utf8)),
                parameters: try decoder.decode([String: String].self, from: Data(parameters.utf8)),
                trigger: row["trigger"], scope: row["scope"], fixupBase: row["fixup_base"]),
            state: state, attempts: row["attempts"], maxAttempts: row["max_attempts"], reason: row["reason"],
            notBefore: date("not_before")!, leaseOwner: row["lease_owner"], leaseExpiresAt: date("lease_expires_at"),
            supersededBy: row["superseded_by"], resultBranch: row["result_branch"], resultCommit: row["result_commit"],
            createdAt: date("created_at")!, updatedAt: date("updated_at")!, finishedAt: date("finished_at"))
    }

    static func fetch(_ db: Database, id: ID) throws -> Job? {
        try Row.fetchOne(db, sql: "SELECT * FROM jobs WHERE id = ?", arguments: [id]).map(Job.init(row:))
    }

    static func fetchAll(_ db: Database, sql: String, arguments: StatementArguments = []) throws -> [Job] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map(Job.init(row:))
    }
}
