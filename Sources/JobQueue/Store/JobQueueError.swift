internal import Diagnostics

/// A job store operation that failed: what, for which job, and how to fix it.
///
/// Match on codes: `catch let error as JobQueueError where error.code == .leaseLost`.
package struct JobQueueError: DiagnosticError {
    package enum Code: String, Sendable, Hashable {
        /// The database file could not be opened, created or migrated.
        case unavailable
        /// A query failed (disk full, a locked database after the busy timeout, corruption).
        case database
        /// No job with this id.
        case notFound
        /// The job's state does not allow the operation (see `transition`).
        case invalidTransition
        /// The caller no longer holds the job's lease: it expired and the job was retried, or the
        /// job was cancelled or superseded. Stop working on it and publish nothing.
        case leaseLost
        /// The database was written by a newer sparkd (it has migrations this one does not know).
        case newerSchema
    }

    package var code: Code
    package var message: String
    package var jobID: Job.ID?
    package var hint: String?
    package var transition: JobTransitionError?
    /// The underlying error's description (SQLite's message).
    package var underlying: String?

    package init(
        _ code: Code, _ message: String, jobID: Job.ID? = nil, hint: String? = nil,
        transition: JobTransitionError? = nil, underlying: String? = nil
    ) {
        self.code = code
        self.message = message
        self.jobID = jobID
        self.hint = hint
        self.transition = transition
        self.underlying = underlying
    }

    package var detail: String? { underlying }
}
