import ControlAPI
import Foundation
import JobQueue
import TestSupport
import Testing

/// The real `sparkctl` binary against the real control server running in this test process.
/// (Here rather than in SparkCLITests: only this target links the daemon's server.)
@Suite("sparkctl daemon commands")
struct SparkctlControlTests {
    private func sparkctl(_ arguments: [String], environment: [String: String] = [:]) async throws -> CommandResult {
        try await SparkctlBinary.run(arguments, environment: environment)
    }

    private func json(_ arguments: [String]) async throws -> (CommandResult, [String: Any]) {
        let result = try await sparkctl(arguments + ["--json"])
        return (result, try JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any] ?? [:])
    }

    @Test("enqueue, jobs, job, cancel, retry, trigger and status, in JSON and as tables")
    func commands() async throws {
        try await RunningControlServer.with { server in
            let socket = ["--socket", server.socketPath]
            let (enqueued, job) = try await json(
                ["enqueue", "--repo", "/srv/git/app", "--base", "abc", "--recipe", "fixup/end-of-file", "--param", "a=b=c"] + socket)
            #expect(enqueued.status == 0, "\(enqueued.stderr)")
            #expect(job["deduplicated"] as? Bool == false)
            let summary = try #require(job["job"] as? [String: Any])
            #expect(summary["parameters"] as? [String: String] == ["a": "b=c"])
            let id = try #require(summary["id"] as? Int)

            let (listed, jobs) = try await json(["jobs", "--state", "queued"] + socket)
            #expect(listed.status == 0, "\(listed.stderr)")
            let rows = try #require(jobs["jobs"] as? [[String: Any]])
            #expect(rows.map { $0["id"] as? Int } == [id])
            #expect(rows.first?["result_branch"] == nil || rows.first?["result_branch"] is NSNull)

            let table = try await sparkctl(["jobs"] + socket)
            #expect(table.status == 0)
            #expect(table.stdout.hasPrefix("ID"))
            #expect(table.stdout.contains("fixup/end-of-file"))

            let shown = try await sparkctl(["job", "\(id)"] + socket)
            #expect(shown.status == 0, "\(shown.stderr)")
            #expect(shown.stdout.contains("job \(id)"))
            #expect(shown.stdout.contains("fixup/end-of-file"))
            #expect(shown.stdout.contains("FROM"), "the history table")

            let (_, detail) = try await json(["job", "\(id)"] + socket)
            #expect((detail["events"] as? [Any])?.count == 1)

            let cancel = try await sparkctl(["cancel", "\(id)"] + socket)
            #expect(cancel.status == 0)
            #expect(cancel.stdout.contains("cancelled"))
            let again = try await sparkctl(["cancel", "\(id)"] + socket)
            #expect(again.status == 1, "a refused operation is a failure")
            #expect(again.stderr.contains("sparkctl: error:"))
            let retry = try await sparkctl(["retry", "\(id)"] + socket)
            #expect(retry.status == 0)
            #expect(retry.stdout.contains("queued again"))

            let trigger = try await sparkctl(["trigger", "nightly"] + socket)
            #expect(trigger.status == 0, "\(trigger.stderr)")
            #expect(trigger.stdout.contains("1 job queued"))

            let status = try await sparkctl(["status"] + socket)
            #expect(status.status == 0, "\(status.stderr)")
            #expect(status.stdout.contains("sparkd test (pid \(ProcessInfo.processInfo.processIdentifier))"))
            #expect(status.stdout.contains("2 queued"))
            #expect(status.stdout.contains("watching"))

            // $SPARKD_SOCKET stands in for --socket.
            let viaEnvironment = try await sparkctl(["status", "--json"], environment: ["SPARKD_SOCKET": server.socketPath])
            #expect(viaEnvironment.status == 0, "\(viaEnvironment.stderr)")
            #expect(viaEnvironment.stdout.contains("\"uptime_seconds\""))
        }
    }

    @Test("a shard's directory and a fixup job's base show in jobs and job, and in their JSON")
    func shardsAndFixupJobs() async throws {
        try await RunningControlServer.with { server in
            let socket = ["--socket", server.socketPath]
            for request in [
                JobRequest(repository: "/srv/git/app", branch: "main", base: "abc", recipes: ["fixup/x"], trigger: "push", scope: "Sources"),
                JobRequest(repository: "/srv/git/app", branch: "main", base: "abc", recipes: ["fixup/x"], trigger: "push", scope: ""),
                JobRequest(repository: "/srv/git/app", branch: "feature", base: "def", recipes: ["fixup/x"], trigger: "push", fixupBase: "main"),
            ] { _ = try await server.store.enqueue(request) }

            let table = try await sparkctl(["jobs"] + socket)
            #expect(table.status == 0, "\(table.stderr)")
            #expect(table.stdout.contains("fixup/x in Sources/"), "\(table.stdout)")
            #expect(table.stdout.contains("fixup/x in the top level"), "\(table.stdout)")
            #expect(table.stdout.contains("fixup/x as fixup! since main"), "\(table.stdout)")

            let (_, listed) = try await json(["jobs"] + socket)
            let rows = try #require(listed["jobs"] as? [[String: Any]])
            #expect(Set(rows.compactMap { $0["scope"] as? String }) == ["Sources", ""])
            #expect(rows.compactMap { $0["fixup_base"] as? String } == ["main"])

            let fixup = try #require(rows.first { $0["fixup_base"] as? String == "main" }?["id"] as? Int)
            let shown = try await sparkctl(["job", "\(fixup)"] + socket)
            #expect(shown.stdout.contains("fixup! since  main"), "\(shown.stdout)")
        }
    }

    @Test("not found is exit 1 with the daemon's message; a bad state is exit 2")
    func failures() async throws {
        try await RunningControlServer.with { server in
            let socket = ["--socket", server.socketPath]
            let missing = try await sparkctl(["job", "77"] + socket)
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("no job 77"))
            #expect(missing.stderr.contains("hint:"))

            let (missingJSON, body) = try await json(["job", "77"] + socket)
            #expect(missingJSON.status == 1)
            #expect((body["error"] as? [String: Any])?["code"] as? String == "not_found")

            let state = try await sparkctl(["jobs", "--state", "finished"] + socket)
            #expect(state.status == 2)
            #expect(state.stderr.contains("unknown job state 'finished'"))
        }
    }
}
