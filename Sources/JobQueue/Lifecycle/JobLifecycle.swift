/// The job state machine as a value: each event checks that the current state allows it,
/// changes the state and returns the ``Effect`` the caller must carry out. It does no I/O; the
/// store persists the new state before acting on the effect.
///
/// ```
/// queued ──claim──▶ running ──complete──▶ succeeded | no-change | blocked
///   ▲                  │ ──fail / lease expired, attempts left──▶ queued (after backoff)
///   │                  │ ──fail / lease expired, none left──▶ failed
///   │   cancel / supersede (queued or running) ──▶ cancelled / superseded
///   └──retry (failed, blocked, cancelled; attempts start again)
/// ```
package struct JobLifecycle: Sendable, Hashable {
    package private(set) var state: JobState
    /// Attempts started so far (claims).
    package private(set) var attempts: Int
    package let policy: RetryPolicy
    /// Why the job is `blocked`, `failed`, or was last re-queued after a failure.
    package private(set) var reason: String?

    /// What the caller does after a transition.
    package enum Effect: Sendable, Hashable {
        /// Run attempt number `attempt` (1-based).
        case run(attempt: Int)
        /// Put the job back in the queue, to be claimed no sooner than `delay` seconds from now.
        case requeue(delay: Double)
        /// The job reached a final state; release its lease.
        case finish(JobState)
        /// The job was running: tell its worker to stop, and discard what it produces.
        case stopWorker(JobState)
    }

    /// A new job, queued.
    package init(policy: RetryPolicy = RetryPolicy()) {
        self.init(state: .queued, attempts: 0, policy: policy, reason: nil)
    }

    /// A job restored from storage.
    package init(state: JobState, attempts: Int, policy: RetryPolicy, reason: String? = nil) {
        self.state = state
        self.attempts = attempts
        self.policy = policy
        self.reason = reason
    }

    /// A worker takes the job.
    package mutating func claim() throws(JobTransitionError) -> Effect {
        guard state == .queued else { throw JobTransitionError(event: "claim", state: state) }
        state = .running
        attempts += 1
        return .run(attempt: attempts)
    }

    /// The worker's attempt ended without an error.
    package mutating func complete(_ outcome: JobOutcome) throws(JobTransitionError) -> Effect {
        guard state == .running else { throw JobTransitionError(event: "complete", state: state) }
        switch outcome {
        case .succeeded:
            state = .succeeded
            reason = nil
        case .noChange:
            state = .noChange
            reason = nil
        case .blocked(let why):
            state = .blocked
            reason = why
        case .superseded(let why):
            state = .superseded
            reason = why
        }
        return .finish(state)
    }

    /// The worker's attempt failed. A `retryable` failure is queued again after the backoff
    /// while attempts are left; otherwise the job fails.
    package mutating func fail(reason why: String, retryable: Bool = true) throws(JobTransitionError) -> Effect {
        guard state == .running else { throw JobTransitionError(event: "fail", state: state) }
        return failAttempt(why, retryable: retryable)
    }

    /// The worker stopped heartbeating (it died, or hangs): the attempt counts as failed.
    package mutating func leaseExpired() throws(JobTransitionError) -> Effect {
        guard state == .running else { throw JobTransitionError(event: "expire the lease of", state: state) }
        return failAttempt("the worker running attempt \(attempts) stopped renewing its lease", retryable: true)
    }

    /// The process that ran the job is gone (sparkd restarted after kill -9 or a power loss): the
    /// job is queued again at once, even after its last attempt — the crash was not the job's
    /// doing, and kill -9 must lose no job. The attempt stays counted in the history.
    package mutating func orphaned() throws(JobTransitionError) -> Effect {
        guard state == .running else { throw JobTransitionError(event: "recover the orphaned", state: state) }
        state = .queued
        reason = "sparkd stopped while attempt \(attempts) was running"
        return .requeue(delay: 0)
    }

    /// A user cancels the job.
    package mutating func cancel() throws(JobTransitionError) -> Effect {
        try end(.cancelled, event: "cancel")
    }

    /// A newer base of the same branch replaces the job.
    package mutating func supersede() throws(JobTransitionError) -> Effect {
        try end(.superseded, event: "supersede")
    }

    /// A user runs a finished job again: attempts start from zero.
    package mutating func retry() throws(JobTransitionError) -> Effect {
        guard [.failed, .blocked, .cancelled].contains(state) else {
            throw JobTransitionError(event: "retry", state: state)
        }
        state = .queued
        attempts = 0
        reason = nil
        return .requeue(delay: 0)
    }

    private mutating func failAttempt(_ why: String, retryable: Bool) -> Effect {
        reason = why
        if retryable, attempts < policy.maxAttempts {
            state = .queued
            return .requeue(delay: policy.delay(afterAttempt: attempts))
        }
        state = .failed
        return .finish(.failed)
    }

    private mutating func end(_ final: JobState, event: String) throws(JobTransitionError) -> Effect {
        switch state {
        case .queued:
            state = final
            return .finish(final)
        case .running:
            state = final
            return .stopWorker(final)
        default:
            throw JobTransitionError(event: event, state: state)
        }
    }
}
