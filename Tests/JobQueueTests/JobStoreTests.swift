import Foundation
import JobQueue
import TestSupport
import Testing

/// The store on a real SQLite file in a temporary directory. Times are passed explicitly, so
/// leases and backoff are tested without sleeping.
@Suite struct JobStoreTests {
    let directory: TemporaryDirectory
    let store: JobStore
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    init() throws {
        directory = try TemporaryDirectory("jobqueue")
        store = try JobStore(
            path: directory.path + "/state/jobs.sqlite", policy: RetryPolicy(maxAttempts: 3, baseDelay: 10, maxDelay: 100))
    }

    func request(repo: String = "/srv/git/app", branch: String = "main", base: String = "a1", recipes: [String] = ["fixup/end-of-file"], trigger: String = "push") -> JobRequest {
        JobRequest(repository: repo, branch: branch, base: base, recipes: recipes, trigger: trigger)
    }

    @Test("the file is in WAL mode and the migrations are the append-only list")
    func schema() async throws {
        #expect(try await store.journalMode() == "wal")
        #expect(try await store.appliedMigrations() == ["v1 jobs and job events", "v2 watched tips and review branch creations", "v3 job scope", "v4 job fixup base"])
        // Reopening applies nothing twice and keeps the jobs.
        try await store.enqueue(request(), now: t0)
        let reopened = try JobStore(path: store.path)
        #expect(try await reopened.jobs().count == 1)
        #expect(try await reopened.appliedMigrations() == ["v1 jobs and job events", "v2 watched tips and review branch creations", "v3 job scope", "v4 job fixup base"])
    }

    @Test("a database from a newer sparkd is refused with a hint")
    func newerSchema() async throws {
        _ = try await Command.check(["sqlite3", store.path, "INSERT INTO grdb_migrations VALUES ('v99 from the future')"])
        let error = #expect(throws: JobQueueError.self) { try JobStore(path: store.path) }
        #expect(error?.code == .newerSchema)
    }

    @Test("same repository, recipes and base: one job; different recipes or repository: separate jobs")
    func dedupe() async throws {
        let first = try await store.enqueue(request(), now: t0)
        guard case .enqueued(let job, let superseded) = first else {
            Issue.record("not enqueued")
            return
        }
        #expect(superseded.isEmpty)
        #expect(try await store.enqueue(request(trigger: "nightly"), now: t0) == .duplicate(job))
        // Still a duplicate while running.
        _ = try #require(try await store.claim(worker: "w1", now: t0))
        #expect(try await store.enqueue(request(), now: t0).job.id == job.id)
        #expect(try await store.enqueue(request(recipes: ["fixup/trailing-whitespace"]), now: t0).job.id != job.id)
        #expect(try await store.enqueue(request(repo: "/srv/git/lib"), now: t0).job.id != job.id)
        // Once finished, the same work may be queued again (a nightly re-check, a new recipe version).
        try await store.complete(job.id, worker: "w1", outcome: .noChange, now: t0)
        #expect(try await store.enqueue(request(), now: t0).job.id != job.id)
    }

    @Test("a newer base supersedes the queued job of the same branch and recipes, not a running one")
    func supersede() async throws {
        let old = try await store.enqueue(request(base: "a1"), now: t0).job
        let other = try await store.enqueue(request(branch: "release", base: "a1"), now: t0).job
        let newer = try await store.enqueue(request(base: "b2"), now: t0)
        #expect(newer == .enqueued(newer.job, superseded: [old.id]))
        let stored = try #require(try await store.job(old.id))
        #expect(stored.state == .superseded)
        #expect(stored.supersededBy == newer.job.id)
        #expect(other.id != old.id, "another watched branch gets its own job and review branch")
        #expect(try await store.job(other.id)?.state == .queued)
        try await store.cancel(other.id, now: t0)
        // Running jobs are left alone: their worker checks the base before publishing.
        let running = try #require(try await store.claim(worker: "w1", now: t0))
        #expect(running.job.id == newer.job.id)
        let newest = try await store.enqueue(request(base: "c3"), now: t0)
        #expect(newest == .enqueued(newest.job, superseded: []))
        #expect(try await store.job(running.job.id)?.state == .running)
    }

    @Test("jobs of one repository run one at a time; other repositories go ahead")
    func serialisedPerRepository() async throws {
        let a = try await store.enqueue(request(recipes: ["a"]), now: t0).job
        let b = try await store.enqueue(request(recipes: ["b"]), now: t0).job
        let c = try await store.enqueue(request(repo: "/srv/git/lib", recipes: ["a"]), now: t0).job
        #expect(try await store.claim(worker: "w1", now: t0)?.job.id == a.id)
        #expect(try await store.claim(worker: "w2", now: t0)?.job.id == c.id)
        #expect(try await store.claim(worker: "w3", now: t0) == nil)
        try await store.complete(a.id, worker: "w1", outcome: .succeeded(branch: "spark/a", commit: "ffff"), now: t0)
        #expect(try await store.claim(worker: "w3", now: t0)?.job.id == b.id)
        let done = try #require(try await store.job(a.id))
        #expect(done.state == .succeeded)
        #expect(done.resultBranch == "spark/a")
        #expect(done.leaseOwner == nil)
    }

    @Test("a failed attempt waits out the backoff; the last one fails the job; retry starts over")
    func backoff() async throws {
        let job = try await store.enqueue(request(), now: t0).job
        _ = try #require(try await store.claim(worker: "w", now: t0))
        try await store.fail(job.id, worker: "w", reason: "backend unavailable", now: t0)
        #expect(try await store.claim(worker: "w", now: t0.addingTimeInterval(9)) == nil)
        let second = try #require(try await store.claim(worker: "w", now: t0.addingTimeInterval(10)))
        #expect(second.attempt == 2)
        try await store.fail(job.id, worker: "w", reason: "backend unavailable", now: t0.addingTimeInterval(10))
        #expect(try await store.claim(worker: "w", now: t0.addingTimeInterval(29)) == nil)
        #expect(try await store.claim(worker: "w", now: t0.addingTimeInterval(30))?.attempt == 3)
        let failed = try await store.fail(job.id, worker: "w", reason: "backend unavailable", now: t0.addingTimeInterval(30))
        #expect(failed.state == .failed)
        #expect(failed.reason == "backend unavailable")
        #expect(try await store.claim(worker: "w", now: t0.addingTimeInterval(10_000)) == nil)

        let retried = try await store.retry(job.id, now: t0.addingTimeInterval(40))
        #expect(retried.state == .queued && retried.attempts == 0 && retried.finishedAt == nil)
        #expect(try await store.claim(worker: "w", now: t0.addingTimeInterval(40))?.attempt == 1)
        await #expect(
            try store.events(of: job.id).map(\.to) == [
                .queued, .running, .queued, .running, .queued, .running, .failed, .queued, .running,
            ])
    }

    @Test("a non-retryable failure fails at once")
    func fatalFailure() async throws {
        let job = try await store.enqueue(request(), now: t0).job
        _ = try await store.claim(worker: "w", now: t0)
        #expect(try await store.fail(job.id, worker: "w", reason: "unknown recipe", retryable: false, now: t0).state == .failed)
    }

    @Test("heartbeats keep the lease; an expired lease is retried and the old worker is told")
    func leaseExpiry() async throws {
        let job = try await store.enqueue(request(), now: t0).job
        _ = try #require(try await store.claim(worker: "w1", lease: 30, now: t0))
        try await store.heartbeat(job.id, worker: "w1", lease: 30, now: t0.addingTimeInterval(25))
        #expect(try await store.claim(worker: "w2", now: t0.addingTimeInterval(50)) == nil, "renewed until +55 s")
        // w1 stops heartbeating; after the lease (and the backoff) w2 gets the job.
        #expect(try await store.claim(worker: "w2", now: t0.addingTimeInterval(56)) == nil, "backoff after the lost attempt")
        #expect(try await store.job(job.id)?.state == .queued)
        let second = try #require(try await store.claim(worker: "w2", now: t0.addingTimeInterval(66)))
        #expect(second.attempt == 2)
        let late = await #expect(throws: JobQueueError.self) {
            try await store.complete(job.id, worker: "w1", outcome: .noChange, now: t0.addingTimeInterval(67))
        }
        #expect(late?.code == .leaseLost)
        #expect(try await store.heartbeat(job.id, worker: "w2", now: t0.addingTimeInterval(67)) == ())
    }

    @Test("cancelling a running job makes its worker's next heartbeat fail")
    func cancelRunning() async throws {
        let job = try await store.enqueue(request(), now: t0).job
        _ = try await store.claim(worker: "w", now: t0)
        #expect(try await store.cancel(job.id, now: t0).state == .cancelled)
        let error = await #expect(throws: JobQueueError.self) { try await store.heartbeat(job.id, worker: "w", now: t0) }
        #expect(error?.code == .leaseLost)
        let again = await #expect(throws: JobQueueError.self) { try await store.cancel(job.id, now: t0) }
        #expect(again?.code == .invalidTransition)
        await #expect(#expect(throws: JobQueueError.self) { try await store.cancel(999, now: t0) }?.code == .notFound)
    }

    @Test("pruning deletes old finished jobs and their history, never active ones")
    func prune() async throws {
        var finished: [Int64] = []
        for index in 0..<5 {
            let job = try await store.enqueue(request(base: "old\(index)"), now: t0).job
            _ = try await store.claim(worker: "w", now: t0)
            try await store.complete(job.id, worker: "w", outcome: .noChange, now: t0.addingTimeInterval(Double(index)))
            finished.append(job.id)
        }
        let active = try await store.enqueue(request(base: "new"), now: t0).job
        #expect(try await store.prune(finishedBefore: t0.addingTimeInterval(100), keep: 2) == 3)
        #expect(try await store.jobs().map(\.id).sorted() == [finished[3], finished[4], active.id])
        #expect(try await store.events(of: finished[0]).isEmpty)
        #expect(try await store.prune(finishedBefore: t0.addingTimeInterval(100)) == 2)
        #expect(try await store.jobs().map(\.id) == [active.id])
        #expect(try await store.counts() == [.queued: 1])
    }

    @Test("nextDue: the next backoff end or lease expiry after now; past ones and an empty queue give none")
    func nextDue() async throws {
        #expect(try await store.nextDue(after: t0) == nil)
        let job = try await store.enqueue(request(), now: t0).job
        // Due at once (claimable now): nothing to wake for later.
        #expect(try await store.nextDue(after: t0.addingTimeInterval(1)) == nil)
        _ = try #require(try await store.claim(worker: "w", lease: 30, now: t0))
        #expect(try await store.nextDue(after: t0) == t0.addingTimeInterval(30), "the lease's expiry")
        try await store.fail(job.id, worker: "w", reason: "backend unavailable", now: t0.addingTimeInterval(5))
        #expect(try await store.nextDue(after: t0.addingTimeInterval(5)) == t0.addingTimeInterval(15), "the 10 s backoff's end")
        #expect(try await store.nextDue(after: t0.addingTimeInterval(15)) == nil, "due now, not later")
    }
}
