package import Foundation

/// One job as stored: the request, its lifecycle, its lease and what it produced.
package struct Job: Sendable, Hashable, Identifiable {
    package typealias ID = Int64

    package var id: ID
    package var request: JobRequest
    package var state: JobState
    /// Attempts started so far.
    package var attempts: Int
    package var maxAttempts: Int
    /// Why it is `blocked` or `failed`, or why the last attempt failed.
    package var reason: String?
    /// Not claimed before this time (the backoff after a failed attempt).
    package var notBefore: Date
    /// The worker holding the lease while `running`.
    package var leaseOwner: String?
    package var leaseExpiresAt: Date?
    /// The job that superseded this one.
    package var supersededBy: ID?
    /// The review branch and commit of a `succeeded` job.
    package var resultBranch: String?
    package var resultCommit: String?
    package var createdAt: Date
    package var updatedAt: Date
    package var finishedAt: Date?

    /// The state machine at this job's state, under `policy`'s backoff.
    package func lifecycle(backoff policy: RetryPolicy) -> JobLifecycle {
        var policy = policy
        policy.maxAttempts = maxAttempts
        return JobLifecycle(state: state, attempts: attempts, policy: policy, reason: reason)
    }
}
