import Foundation
import JobQueue
import TestSupport
import Testing

/// DESIGN.md's reliability rule, against the real binary: kill -9 at any point loses no job and
/// leaves no half-written ref.
@Suite("sparkd killed with SIGKILL during a job", .tags(.large))
struct SparkdCrashTests {
    @Test("kill -9 while a job runs, then restart: the job completes exactly once, no half-written ref, git fsck clean")
    func killNineDuringJob() async throws {
        // A paced backend on the GPU profile, slowed down, makes the job take most of a minute: it is
        // seen running however busy the machine; it is killed, not waited for.
        var files: [String: String] = [:]
        for index in 0..<20 { files["src/file\(index).txt"] = String(repeating: "a line with trailing spaces   \n", count: 24) }
        let fixture = try await DaemonFixture(
            files: files, rules: ["{ id: fixup/trailing-whitespace, on: [push] }"],
            extra: "backend: { kind: wse-sim, profile: gpu-h100, pace: 0.25 }")
        let daemon = try #require(fixture.start(["--once"]))
        let store = try fixture.store()
        // Observe the running job and kill 300 ms into it: well inside the job, the lease held and
        // the branch not yet written.
        let killed = await eventually { try await store.jobs(in: [.running]).count == 1 }
        if killed {
            try await Task.sleep(for: .milliseconds(300))
            daemon.signal(SIGKILL)
        }
        #expect(killed, "\(daemon.log)")
        #expect(await daemon.exit() != nil)
        #expect(try await store.jobs(in: [.running]).count == 1, "the dead worker's job still looks running")
        #expect(await fixture.branchTip("spark/fixup-trailing-whitespace") == nil, "the ref is written only at the end")
        let gitDir = fixture.repo.path + "/.git"
        let locks = FileManager.default.enumerator(atPath: gitDir)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".lock") } ?? []
        #expect(locks.isEmpty, "no lock file left: \(locks)")
        try await fixture.repo.git("fsck", "--strict")

        // Restart without pacing: the orphaned job is queued again and finishes once.
        try fixture.writeConfig(rules: ["{ id: fixup/trailing-whitespace, on: [push] }"])
        let restart = try await fixture.once()
        #expect(restart.status == 0, "\(restart.stderr)")
        #expect(restart.stderr.contains("queued again"), "first run:\n\(daemon.log)\nrestart:\n\(restart.stderr)")
        let jobs = try await store.jobs()
        #expect(jobs.count == 1)
        let job = try #require(jobs.first)
        #expect(job.state == .succeeded)
        #expect(job.attempts == 2)
        let events = try await store.events(of: job.id)
        #expect(events.filter { $0.to == .succeeded }.count == 1)
        let branch = try #require(await fixture.branchTip("spark/fixup-trailing-whitespace"))
        #expect(job.resultCommit == branch)
        #expect(try await fixture.repo.git("rev-list", "--count", "main..\(branch)") == "1")
        try await fixture.repo.git("fsck", "--strict")
    }
}
