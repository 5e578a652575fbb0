import Foundation
import JobQueue
import TestSupport
import Testing

@Suite("Watched tips and review-branch creations")
struct WatchedTipTests {
    let directory: TemporaryDirectory
    let store: JobStore
    let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    init() throws {
        directory = try TemporaryDirectory()
        store = try JobStore(path: directory.path + "/jobs.sqlite")
    }

    @Test("jobs and the processed tip are written together, and a tip can be updated and cleared")
    func enqueueWithTip() async throws {
        let requests = ["fixup/end-of-file", "fixup/trailing-whitespace"].map {
            JobRequest(repository: "/srv/app", branch: "main", base: "b1", recipes: [$0], trigger: "push")
        }
        let results = try await store.enqueue(requests, recordingTip: WatchedTip(repository: "/srv/app", branch: "main", tip: "b1"), now: t0)
        #expect(results.count == 2)
        #expect(try await store.jobs().count == 2)
        #expect(try await store.watchedTips() == [WatchedTip(repository: "/srv/app", branch: "main", tip: "b1")])

        try await store.record(WatchedTip(repository: "/srv/app", branch: "main", tip: nil), now: t0)
        try await store.record(WatchedTip(repository: "/srv/app", branch: "dev", tip: "c1"), now: t0)
        await #expect(
            try store.watchedTips() == [
                WatchedTip(repository: "/srv/app", branch: "dev", tip: "c1"),
                WatchedTip(repository: "/srv/app", branch: "main", tip: nil),
            ])
        // Survives reopening (a restart).
        #expect(try await JobStore(path: store.path).watchedTips().count == 2)
    }

    @Test("the same request twice in one batch is queued once")
    func batchDedupe() async throws {
        let store = try JobStore(path: directory.path + "/batch.sqlite")
        let request = JobRequest(repository: "/srv/app", branch: "main", base: "b1", recipes: ["r"], trigger: "push")
        let results = try await store.enqueue([request, request], recordingTip: WatchedTip(repository: "/srv/app", branch: "main", tip: "b1"))
        guard case .duplicate = results[1] else {
            Issue.record("the second identical request should be a duplicate, got \(results[1])")
            return
        }
        #expect(try await store.jobs().count == 1)
    }

    /// Claims a job of `repository` for worker "w" and has its last heartbeat record `branch`.
    func create(_ branch: String, in repository: String, at date: Date) async throws {
        let job = try await store.enqueue(JobRequest(repository: repository, branch: "main", base: branch, recipes: ["r"], trigger: "push"), now: t0).job
        let claimed = try #require(try await store.claim(worker: "w", now: t0))
        #expect(claimed.job.id == job.id)
        try await store.heartbeat(job.id, worker: "w", lease: 60, creatingBranch: branch, at: date, now: t0)
        try await store.complete(job.id, worker: "w", outcome: .noChange, now: t0)
    }

    @Test("branch creations, recorded by the heartbeat before the ref moves, are counted per repository within a window")
    func creations() async throws {
        try await create("spark/a", in: "/srv/app", at: t0)
        try await create("spark/b", in: "/srv/app", at: t0.addingTimeInterval(1800))
        try await create("spark/a", in: "/srv/other", at: t0.addingTimeInterval(1800))
        #expect(try await store.branchesCreated(repository: "/srv/app", since: t0) == 2)
        #expect(try await store.branchesCreated(repository: "/srv/app", since: t0.addingTimeInterval(1)) == 1)
        #expect(try await store.branchesCreated(repository: "/srv/nothing", since: t0) == 0)
        // Pruning drops creations from over an hour before its cutoff, and keeps the rest.
        try await store.prune(finishedBefore: t0.addingTimeInterval(3601))
        #expect(try await store.branchesCreated(repository: "/srv/app", since: t0.addingTimeInterval(-1)) == 1)
        #expect(try await store.branchesCreated(repository: "/srv/other", since: t0) == 1)
    }

    @Test("a heartbeat whose lease is lost records no creation: the branch will not be made")
    func lostLeaseRecordsNothing() async throws {
        let job = try await store.enqueue(JobRequest(repository: "/srv/app", branch: "main", base: "b1", recipes: ["r"], trigger: "push"), now: t0).job
        _ = try #require(try await store.claim(worker: "w", now: t0))
        _ = try await store.cancel(job.id, now: t0)
        let error = #expect(throws: JobQueueError.self) {
            try store.heartbeat(job.id, worker: "w", lease: 60, creatingBranch: "spark/a", at: t0, now: t0)
        }
        #expect(error?.code == .leaseLost)
        #expect(try await store.branchesCreated(repository: "/srv/app", since: t0) == 0)
    }
}
