/// Where a job is in its life. `queued` and `running` are active; every other state is final
/// (a manual ``JobLifecycle/retry()`` re-queues `failed`, `blocked` and `cancelled` jobs).
package enum JobState: String, Sendable, Hashable, CaseIterable, Codable {
    /// Waiting for a worker (possibly not before a backoff time).
    case queued
    /// Held by a worker under a lease.
    case running
    /// A review branch was written or updated.
    case succeeded
    /// The recipes changed nothing on this base: no branch.
    case noChange = "no-change"
    /// The review branch holds a commit sparkd did not make; it is never overwritten.
    case blocked
    /// Every attempt failed (or the failure cannot be retried).
    case failed
    /// Cancelled by a user.
    case cancelled
    /// A newer base of the same branch replaced it.
    case superseded

    /// Whether the job is waiting or being worked on.
    package var isActive: Bool { self == .queued || self == .running }
    /// Whether nothing happens to the job any more unless a user retries it.
    package var isFinal: Bool { !isActive }
}
