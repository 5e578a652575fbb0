import Foundation
import JobQueue
import TestSupport
import Testing

/// A real worker process claims a job and is killed with SIGKILL while holding the lease: the
/// job is retried exactly once.
@Suite struct LeaseHolderProcessTests {
    static var helperPath: String {
        let bundle = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = (bundle as NSString).deletingLastPathComponent
        while !directory.isEmpty, directory != "/" {
            let candidate = (directory as NSString).appendingPathComponent("JobQueueLeaseHolder")
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = (directory as NSString).deletingLastPathComponent
        }
        return "JobQueueLeaseHolder"
    }

    @Test("kill -9 of the worker holding a lease: the job is retried exactly once")
    func killedWorker() async throws {
        let directory = try TemporaryDirectory("jobqueue-kill")
        let path = directory.path + "/jobs.sqlite"
        let store = try JobStore(path: path, policy: RetryPolicy(maxAttempts: 3, baseDelay: 0, maxDelay: 0))
        let job = try await store.enqueue(
            JobRequest(
                repository: "/srv/git/app", branch: "main", base: "a1", recipes: ["fixup/end-of-file"], trigger: "push")
        ).job

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.helperPath)
        process.arguments = [path, "doomed-worker", "2"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // The helper prints its line only after the claim is committed.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        #expect(String(decoding: line, as: UTF8.self) == "claimed \(job.id)\n")
        let running = try #require(try await store.job(job.id))
        #expect(running.state == .running && running.leaseOwner == "doomed-worker")
        #expect(try await store.claim(worker: "survivor") == nil, "the lease is held")

        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        // Once the lease (2 s, renewed every 0.67 s) runs out, the job comes back exactly once.
        let expiry = try #require(try await store.job(job.id)?.leaseExpiresAt)
        let after = expiry.addingTimeInterval(0.01)
        let retry = try #require(try await store.claim(worker: "survivor", now: after))
        #expect(retry.job.id == job.id)
        #expect(retry.attempt == 2)
        #expect(try await store.claim(worker: "another", now: after) == nil)
        #expect(try await store.expireLeases(now: after).isEmpty)
        try await store.complete(job.id, worker: "survivor", outcome: .succeeded(branch: "spark/end-of-file", commit: "c0ffee"), now: after)
        #expect(try await store.claim(worker: "another", now: after.addingTimeInterval(3600)) == nil)
        let events = try await store.events(of: job.id)
        #expect(events.map(\.to) == [.queued, .running, .queued, .running, .succeeded])
        #expect(events[2].worker == "doomed-worker")
        #expect(try await store.job(job.id)?.attempts == 2)
    }
}
