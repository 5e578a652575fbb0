import Foundation
import TestSupport
import Testing

/// An idle sparkd gives back its start-up pages (`IdleMemory`) and keeps working afterwards.
@Suite("sparkd idle memory", .tags(.large))
struct SparkdIdleMemoryTests {
    @Test("once quiet, the daemon gives memory back, and a later push still becomes a branch")
    func givesBackAndKeepsWorking() async throws {
        let fixture = try await DaemonFixture(rules: ["{ id: fixup/trailing-whitespace, on: [push] }"])
        let daemon = try #require(fixture.start())
        #expect(await eventually { await fixture.branchTip("spark/fixup-trailing-whitespace") != nil }, "\(daemon.log)")
        #expect(await eventually(timeout: 20) { daemon.log.contains("idle: memory given back") }, "\(daemon.log)")
        // The daemon's own before/after (VmRSS around the release), from its log line: measuring
        // from here would race with the release, which may come before the branch is seen.
        let released = Self.releasedKilobytes(in: daemon.log)
        #expect((released ?? 0) > 0, "\(daemon.log)")

        try await fixture.repo.commit(["later.txt": "later  \n"], message: "after the trim")
        let tip = try await fixture.repo.git("rev-parse", "main")
        #expect(
            await eventually {
                guard let branch = await fixture.branchTip("spark/fixup-trailing-whitespace") else { return false }
                return (try? await fixture.repo.git("rev-parse", "\(branch)^")) == tip
            }, "\(daemon.log)")
        #expect(try await fixture.repo.git("show", "spark/fixup-trailing-whitespace:later.txt") == "later")
        daemon.signal(SIGTERM)
        #expect(await daemon.exit() == 0, "\(daemon.log)")
    }

    /// `memory.released_kb` of the first "memory given back" line.
    static func releasedKilobytes(in log: String) -> Int? {
        guard let line = log.split(separator: "\n").first(where: { $0.contains("idle: memory given back") }),
            let field = line.split(separator: " ").first(where: { $0.hasPrefix("memory.released_kb=") })
        else { return nil }
        return Int(field.dropFirst("memory.released_kb=".count))
    }
}
