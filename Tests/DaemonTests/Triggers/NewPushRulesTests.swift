import Daemon
import Executors
import Foundation
import GitKit
import JobQueue
import Logging
import TestSupport
import Testing

/// ``JobTriggers/newPushRules(since:)``, what a reload queues, between two setups loaded from real
/// configuration files, on a real repository and job store.
@Suite("Reload: what is new")
struct NewPushRulesTests {
    @Test("fixup_commits that only moved within sparkd.yml queues nothing; one with other recipes queues the fixup job")
    func fixupCommitsMoved() async throws {
        let fixture = try await DaemonFixture(files: ["a.txt": "a\n"], rules: [])
        try await fixture.repo.git("branch", "feature")
        let rules = ["{ id: fixup/trailing-whitespace, on: [manual] }"]
        try fixture.writeConfig(rules: rules, repositoryExtra: "    fixup_commits: { base: main }", branches: ["main", "feature"])
        let old = try DaemonSetup.load(file: fixture.configPath)
        let holder = SetupHolder(old)
        let triggers = JobTriggers(
            setup: holder, store: try fixture.store(), executor: BlockingExecutor.git, logger: Logger(label: "sparkd.test.reload"), wake: {})

        // The same setting two lines further down.
        try fixture.writeConfig(
            rules: rules, extra: "# a comment\n# and another",
            repositoryExtra: "    fixup_commits: { base: main }", branches: ["main", "feature"])
        holder.replace(try DaemonSetup.load(file: fixture.configPath))
        #expect(
            holder.current.resolved.branches.first { $0.branch == "feature" }?.fixupCommits?.location
                != old.resolved.branches.first { $0.branch == "feature" }?.fixupCommits?.location)
        #expect(try await triggers.newPushRules(since: old).isEmpty)

        let moved = holder.current
        try fixture.writeConfig(
            rules: rules, repositoryExtra: "    fixup_commits: { base: main, recipes: [fixup/end-of-file] }", branches: ["main", "feature"])
        holder.replace(try DaemonSetup.load(file: fixture.configPath))
        let queued = try await triggers.newPushRules(since: moved)
        #expect(queued.map(\.job.request.fixupBase) == ["main"])
        #expect(queued.map(\.job.request.branch) == ["feature"])
    }
}
