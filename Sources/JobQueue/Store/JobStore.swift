import Foundation
internal import GRDB

/// The durable job queue: one SQLite file in WAL mode (through one GRDB `DatabasePool` per
/// process), several processes may share it. Every state change is one immediate transaction,
/// committed before the caller acts on it, so kill -9 at any point loses no job.
///
/// Workers ``claim(worker:lease:now:)`` a job under a lease, renew it with
/// ``heartbeat(_:worker:lease:now:)``, and end the attempt with ``complete(_:worker:outcome:now:)``
/// or ``fail(_:worker:reason:retryable:now:)``. A job whose lease expired (its worker died) is
/// queued again by the next claim, and counts as a failed attempt.
package final class JobStore: Sendable {
    /// The database file.
    package let path: String
    /// Attempts and backoff for new jobs.
    package let policy: RetryPolicy
    let pool: DatabasePool

    /// Opens (creating if needed) the queue at `path` and applies pending migrations.
    package init(path: String, policy: RetryPolicy = RetryPolicy()) throws(JobQueueError) {
        self.path = path
        self.policy = policy
        var configuration = Configuration()
        // Another process (a second daemon, sparkctl) may hold the write lock briefly.
        configuration.busyMode = .timeout(10)
        configuration.label = "sparkd.jobs"
        do {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw JobQueueError(
                .unavailable, "cannot open the job database '\(path)'",
                hint:
                    "check that the state directory exists, is writable by sparkd, and that the file is an SQLite database",
                underlying: String(describing: error))
        }
        try migrate()
    }

    /// The names of the migrations applied to the database, in order.
    package func appliedMigrations() async throws(JobQueueError) -> [String] {
        try await read { db in try JobStoreMigrations.migrator.appliedMigrations(db) }
    }

    /// SQLite's journal mode for the file (`wal`).
    package func journalMode() async throws(JobQueueError) -> String {
        try await read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    private func migrate() throws(JobQueueError) {
        let migrator = JobStoreMigrations.migrator
        do {
            let superseded = try pool.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded {
                throw JobQueueError(
                    .newerSchema, "the job database '\(path)' was written by a newer sparkd",
                    hint: "run the sparkd that created it, or move the file away to start with an empty queue")
            }
            try migrator.migrate(pool)
        } catch let error as JobQueueError {
            throw error
        } catch {
            throw JobQueueError(
                .unavailable, "cannot migrate the job database '\(path)'",
                hint: "check that the file is writable and not damaged (sqlite3 FILE 'PRAGMA integrity_check')",
                underlying: String(describing: error))
        }
    }

    // MARK: - Transactions

    /// Runs `body` on one of GRDB's reader threads; the caller's task waits without holding a
    /// thread of the cooperative pool. Not cancellable: a state change a caller asked for is
    /// recorded even when its task is being cancelled (a worker's last `complete` at shutdown).
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(JobQueueError) -> T {
        let result: Result<T, JobQueueError> = await withCheckedContinuation { continuation in
            pool.asyncRead { database in
                continuation.resume(
                    returning: Result { () throws(JobQueueError) -> T in
                        do { return try body(database.get()) } catch { throw Self.translate(error) }
                    })
            }
        }
        return try result.get()
    }

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction on GRDB's writer thread: it takes the
    /// write lock first, so a read followed by a write never fails halfway against another
    /// process. Not cancellable, as ``read(_:)``.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(JobQueueError) -> T {
        let result: Result<T, JobQueueError> = await withCheckedContinuation { continuation in
            pool.asyncWriteWithoutTransaction { db in
                continuation.resume(returning: Result { () throws(JobQueueError) -> T in try Self.transaction(db, body) })
            }
        }
        return try result.get()
    }

    /// ``write(_:)`` on the calling thread, which must not be one of the cooperative pool's.
    @available(*, noasync, message: "blocks its thread on the database: use write(_:)")
    func writeBlocking<T>(_ body: (Database) throws -> T) throws(JobQueueError) -> T {
        do {
            return try pool.writeWithoutTransaction { db in try Self.transaction(db, body) }
        } catch {
            throw Self.translate(error)
        }
    }

    private static func transaction<T>(_ db: Database, _ body: (Database) throws -> T) throws(JobQueueError) -> T {
        do {
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            return result!
        } catch {
            throw translate(error)
        }
    }

    private static func translate(_ error: any Error) -> JobQueueError {
        if let error = error as? JobQueueError { return error }
        return JobQueueError(
            .database, "the job database failed",
            hint: "check free disk space and that no other program holds the database locked",
            underlying: String(describing: error))
    }
}
