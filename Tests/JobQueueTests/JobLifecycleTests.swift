import JobQueue
import Testing

/// Every event from every state: the allowed transitions and their effects, and that every
/// other event is refused without changing anything.
@Suite struct JobLifecycleTests {
    enum Event: CaseIterable, Sendable {
        case claim, succeed, noChange, block, fail, failFatal, leaseExpired, orphaned, cancel, supersede, retry

        func apply(_ lifecycle: inout JobLifecycle) throws(JobTransitionError) -> JobLifecycle.Effect {
            switch self {
            case .claim: try lifecycle.claim()
            case .succeed: try lifecycle.complete(.succeeded(branch: "spark/x", commit: "abc"))
            case .noChange: try lifecycle.complete(.noChange)
            case .block: try lifecycle.complete(.blocked(reason: "human commit"))
            case .fail: try lifecycle.fail(reason: "boom")
            case .failFatal: try lifecycle.fail(reason: "bad recipe", retryable: false)
            case .leaseExpired: try lifecycle.leaseExpired()
            case .orphaned: try lifecycle.orphaned()
            case .cancel: try lifecycle.cancel()
            case .supersede: try lifecycle.supersede()
            case .retry: try lifecycle.retry()
            }
        }
    }

    static let policy = RetryPolicy(maxAttempts: 3, baseDelay: 5, maxDelay: 60)

    /// (state, attempts) → event → (new state, effect). Attempts 1 of 3 for a running job.
    static let allowed: [JobState: [Event: (JobState, JobLifecycle.Effect)]] = [
        .queued: [
            .claim: (.running, .run(attempt: 1)),
            .cancel: (.cancelled, .finish(.cancelled)),
            .supersede: (.superseded, .finish(.superseded)),
        ],
        .running: [
            .succeed: (.succeeded, .finish(.succeeded)),
            .noChange: (.noChange, .finish(.noChange)),
            .block: (.blocked, .finish(.blocked)),
            .fail: (.queued, .requeue(delay: 5)),
            .failFatal: (.failed, .finish(.failed)),
            .leaseExpired: (.queued, .requeue(delay: 5)),
            .orphaned: (.queued, .requeue(delay: 0)),
            .cancel: (.cancelled, .stopWorker(.cancelled)),
            .supersede: (.superseded, .stopWorker(.superseded)),
        ],
        .succeeded: [:],
        .noChange: [:],
        .superseded: [:],
        .blocked: [.retry: (.queued, .requeue(delay: 0))],
        .failed: [.retry: (.queued, .requeue(delay: 0))],
        .cancelled: [.retry: (.queued, .requeue(delay: 0))],
    ]

    @Test("every state has a row in the table")
    func tableCoversEveryState() {
        #expect(Set(Self.allowed.keys) == Set(JobState.allCases))
    }

    @Test("allowed and forbidden transitions", arguments: JobState.allCases, Event.allCases)
    func transition(from state: JobState, event: Event) throws {
        let start = JobLifecycle(state: state, attempts: state == .queued ? 0 : 1, policy: Self.policy)
        var lifecycle = start
        if let (next, effect) = Self.allowed[state]?[event] {
            let actual = try event.apply(&lifecycle)
            #expect(lifecycle.state == next)
            #expect(actual == effect)
        } else {
            let error = #expect(throws: JobTransitionError.self) { try event.apply(&lifecycle) }
            #expect(error?.state == state)
            #expect(lifecycle == start, "a refused event changes nothing")
        }
    }

    @Test("failures back off exponentially, then the job fails when attempts run out")
    func backoffThenFail() throws {
        var lifecycle = JobLifecycle(policy: Self.policy)
        var effects: [JobLifecycle.Effect] = []
        for _ in 1...3 {
            effects.append(try lifecycle.claim())
            effects.append(try lifecycle.fail(reason: "network"))
        }
        #expect(
            effects == [
                .run(attempt: 1), .requeue(delay: 5), .run(attempt: 2), .requeue(delay: 10), .run(attempt: 3), .finish(.failed),
            ])
        #expect(lifecycle.state == .failed)
        #expect(lifecycle.reason == "network")
        // A manual retry starts the attempts again.
        #expect(try lifecycle.retry() == .requeue(delay: 0))
        #expect(try lifecycle.claim() == .run(attempt: 1))
    }

    @Test("a lease that expires on the last attempt fails the job with the reason")
    func leaseExpiryOnLastAttempt() throws {
        var lifecycle = JobLifecycle(state: .running, attempts: 3, policy: Self.policy)
        #expect(try lifecycle.leaseExpired() == .finish(.failed))
        #expect(lifecycle.reason?.contains("stopped renewing its lease") == true)
    }

    @Test("the backoff is capped")
    func backoffCap() {
        let policy = RetryPolicy(maxAttempts: 100, baseDelay: 2, maxDelay: 300)
        #expect((1...6).map(policy.delay(afterAttempt:)) == [2, 4, 8, 16, 32, 64])
        #expect(policy.delay(afterAttempt: 9) == 300)
        #expect(policy.delay(afterAttempt: 90) == 300)
    }

    @Test("a refused event says why and what to do")
    func refusalMessage() {
        var lifecycle = JobLifecycle(state: .succeeded, attempts: 1, policy: Self.policy)
        let error = #expect(throws: JobTransitionError.self) { try lifecycle.cancel() }
        #expect(error?.description == "cannot cancel a job that is succeeded; it is finished (retry it, or enqueue a new job)")
    }
}
