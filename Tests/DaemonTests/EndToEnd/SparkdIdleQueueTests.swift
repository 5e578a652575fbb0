import ControlAPI
import Foundation
import JobQueue
import TestSupport
import Testing

/// The workers look at the queue when there is a reason to: a job queued, an attempt ended, a
/// backoff or a lease ending. An idle daemon does not ask SQLite every second.
@Suite("sparkd idle queue", .tags(.large))
struct SparkdIdleQueueTests {
    @Test("idle, the workers do not poll the queue; a queued job is still taken at once")
    func idleDaemonDoesNotPoll() async throws {
        let fixture = try await DaemonFixture(rules: ["{ id: fixup/end-of-file, on: [manual] }"])
        let daemon = try #require(fixture.start())
        let socket = fixture.stateDirectory + "/sparkd.sock"
        #expect(await eventually { FileManager.default.fileExists(atPath: socket) }, "\(daemon.log)")
        let client = ControlClient(socketPath: socket)
        try await Task.sleep(for: .milliseconds(500))
        let before = try await offPool { try Self.looks(client) }
        try await Task.sleep(for: .seconds(3))
        // One look per worker per second before: 6 or more in these 3 s.
        #expect(try await offPool { try Self.looks(client) } == before, "\(daemon.log)")

        let enqueue = try await SparkctlBinary.run(["enqueue", "--socket", socket, "--repo", fixture.repo.path])
        #expect(enqueue.status == 0, "\(enqueue.stderr)")
        #expect(await eventually { await fixture.branchTip("spark/fixup-end-of-file") != nil }, "\(daemon.log)")
        #expect(try await offPool { try Self.looks(client) } > before)
        daemon.signal(SIGTERM)
        #expect(await daemon.exit() == 0, "\(daemon.log)")
    }

    @Test("a failed attempt is retried when its backoff ends, with nothing else happening")
    func retriedAfterBackoff() async throws {
        let fixture = try await DaemonFixture(rules: ["{ id: fixup/trailing-whitespace, on: [push] }"])
        // The review branch's ref is locked: the first attempt fails and is queued again after
        // the 5 s backoff.
        let refs = fixture.repo.path + "/.git/refs/heads/spark"
        try FileManager.default.createDirectory(atPath: refs, withIntermediateDirectories: true)
        let lock = refs + "/fixup-trailing-whitespace.lock"
        FileManager.default.createFile(atPath: lock, contents: Data())
        let daemon = try #require(fixture.start())
        let store = try fixture.store()
        // Watched from a thread of its own, and the lock removed at once: the job stays queued
        // for only the 5 s of its first backoff, and a busy test run can starve a slower poll.
        let failedOnce = try await offPool {
            guard pollUntil(timeout: 20, { daemon.log.contains("is locked by another process") }) else { return false }
            try FileManager.default.removeItem(atPath: lock)
            return true
        }
        #expect(failedOnce, "\(daemon.log)")
        // The safety net alone would wake the workers only after a minute.
        #expect(await eventually(timeout: 20) { await fixture.branchTip("spark/fixup-trailing-whitespace") != nil }, "\(daemon.log)")
        #expect(try await store.jobs().first?.state == .succeeded)
        daemon.signal(SIGTERM)
        #expect(await daemon.exit() == 0, "\(daemon.log)")
    }

    /// `sparkd_queue_looks_total` from `/metrics`.
    static func looks(_ client: ControlClient) throws -> Int {
        let text = String(decoding: try client.send("GET", "/metrics").body, as: UTF8.self)
        let line = text.split(separator: "\n").first { $0.hasPrefix("sparkd_queue_looks_total ") }
        return Int(line?.split(separator: " ").last ?? "") ?? -1
    }
}
