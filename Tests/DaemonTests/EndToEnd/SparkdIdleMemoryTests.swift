import Foundation
import TestSupport
import Testing

/// An idle sparkd gives back its start-up pages (`IdleMemory`) and keeps working afterwards.
@Suite("sparkd idle memory")
struct SparkdIdleMemoryTests {
    @Test("once quiet, the daemon gives memory back, and a later push still becomes a branch")
    func givesBackAndKeepsWorking() async throws {
        let fixture = try DaemonFixture(rules: ["{ id: fixup/trailing-whitespace, on: [push] }"])
        let daemon = try #require(fixture.start())
        #expect(await eventually { fixture.branchTip("spark/fixup-trailing-whitespace") != nil }, "\(daemon.log)")
        let busy = Self.resident(daemon.pid)
        #expect(await eventually(timeout: 20) { daemon.log.contains("idle: memory given back") }, "\(daemon.log)")
        let idle = Self.resident(daemon.pid)
        #expect(idle < busy, "resident \(idle) kB after giving back, \(busy) kB before")

        try fixture.repo.commit(["later.txt": "later  \n"], message: "after the trim")
        let tip = try fixture.repo.git("rev-parse", "main")
        #expect(await eventually {
            guard let branch = fixture.branchTip("spark/fixup-trailing-whitespace") else { return false }
            return (try? fixture.repo.git("rev-parse", "\(branch)^")) == tip
        }, "\(daemon.log)")
        #expect(try fixture.repo.git("show", "spark/fixup-trailing-whitespace:later.txt") == "later")
        daemon.signal(SIGTERM)
        #expect(await daemon.exit() == 0, "\(daemon.log)")
    }

    /// VmRSS of a process, in kB.
    static func resident(_ pid: Int32) -> Int {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}
