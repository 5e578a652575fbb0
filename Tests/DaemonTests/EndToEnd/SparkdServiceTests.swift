import ControlAPI
import Foundation
import JobQueue
import TestSupport
import Testing

/// The real `sparkd` as systemd runs it: in the foreground, watching, answering on its socket,
/// reloading on SIGHUP and stopping cleanly on SIGTERM.
@Suite("sparkd as a service: watcher, control socket, signals", .tags(.large))
struct SparkdServiceTests {
    @Test("a commit on a watched branch produces the review branch, with inotify and with polling", arguments: ["auto", "polling"])
    func pushProducesBranch(mode: String) async throws {
        let fixture = try await DaemonFixture(
            rules: ["{ id: fixup/trailing-whitespace, on: [push] }"], extra: "watch: { mode: \(mode), poll_interval: 1 }")
        let daemon = try #require(fixture.start())
        let socket = fixture.stateDirectory + "/sparkd.sock"
        #expect(await eventually { FileManager.default.fileExists(atPath: socket) }, "\(daemon.log)")
        // The tip at start-up is caught up first.
        #expect(await eventually { await fixture.branchTip("spark/fixup-trailing-whitespace") != nil }, "\(daemon.log)")
        let first = await fixture.branchTip("spark/fixup-trailing-whitespace")

        try await fixture.repo.commit(["pushed.txt": "pushed   \n"], message: "a push")
        let tip = try await fixture.repo.git("rev-parse", "main")
        #expect(
            await eventually {
                guard let branch = await fixture.branchTip("spark/fixup-trailing-whitespace"), branch != first else { return false }
                return (try? await fixture.repo.git("rev-parse", "\(branch)^")) == tip
            }, "\(daemon.log)")
        #expect(try await fixture.repo.git("show", "spark/fixup-trailing-whitespace:pushed.txt") == "pushed")

        // sparkctl sees the jobs through the socket.
        let (result, json) = try await SparkctlBinary.json(["jobs", "--socket", socket])
        #expect(result.status == 0, "\(result.stderr)")
        let jobs = try #require(json["jobs"] as? [[String: Any]])
        #expect(jobs.count == 2)
        #expect(jobs.allSatisfy { $0["state"] as? String == "succeeded" && $0["trigger"] as? String == "push" })

        daemon.signal(SIGTERM)
        #expect(await daemon.exit() == 0, "\(daemon.log)")
        #expect(!FileManager.default.fileExists(atPath: socket), "the socket is removed on exit")
        try await fixture.repo.git("fsck", "--strict")
    }

    @Test("the control socket is private (0600), and sparkctl enqueue, job, trigger and status work through it")
    func controlThroughSocket() async throws {
        let fixture = try await DaemonFixture(rules: [
            "{ id: fixup/trailing-whitespace, on: [nightly] }", "{ id: fixup/end-of-file, on: [manual] }",
        ])
        let daemon = try #require(fixture.start())
        let socket = fixture.stateDirectory + "/sparkd.sock"
        #expect(await eventually { FileManager.default.fileExists(atPath: socket) }, "\(daemon.log)")
        let mode = try FileManager.default.attributesOfItem(atPath: socket)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // No push rules: nothing ran at start-up.
        #expect(try await fixture.store().jobs().isEmpty)

        let (enqueued, enqueueJSON) = try await SparkctlBinary.json(["enqueue", "--socket", socket, "--repo", fixture.repo.path])
        #expect(enqueued.status == 0, "\(enqueued.stderr)")
        let job = try #require(enqueueJSON["job"] as? [String: Any])
        let id = try #require(job["id"] as? Int)
        #expect(job["recipes"] as? [String] == ["fixup/end-of-file"])
        #expect(await eventually { await fixture.branchTip("spark/fixup-end-of-file") != nil }, "\(daemon.log)")
        let (shown, detail) = try await SparkctlBinary.json(["job", "\(id)", "--socket", socket])
        #expect(shown.status == 0)
        #expect(detail["state"] as? String == "succeeded")

        let trigger = try await SparkctlBinary.run(["trigger", "nightly", "--socket", socket])
        #expect(trigger.status == 0, "\(trigger.stderr)")
        #expect(await eventually { await fixture.branchTip("spark/fixup-trailing-whitespace") != nil }, "\(daemon.log)")

        let unknown = try await SparkctlBinary.run(["trigger", "weekly", "--socket", socket])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no trigger named 'weekly'"))
        let notWatched = try await SparkctlBinary.run(["enqueue", "--socket", socket, "--repo", "/nowhere", "--recipe", "fixup/end-of-file"])
        #expect(notWatched.status == 2)
        #expect(notWatched.stderr.contains("not watched"))

        let badBase = try await SparkctlBinary.run(["enqueue", "--socket", socket, "--repo", fixture.repo.path, "--base", "no-such-rev"])
        #expect(badBase.status == 2)
        #expect(badBase.stderr.contains("cannot resolve 'no-such-rev'"))

        let (status, statusJSON) = try await SparkctlBinary.json(["status", "--socket", socket])
        #expect(status.status == 0)
        #expect((statusJSON["jobs"] as? [String: Int])?["succeeded"] == 2)
        daemon.signal(SIGTERM)
        #expect(await daemon.exit() == 0)
    }

    @Test("SIGHUP reloads the configuration; a broken one is refused and the running one kept")
    func reload() async throws {
        let fixture = try await DaemonFixture(rules: ["{ id: fixup/end-of-file, on: [manual] }"], extra: "watch: { poll_interval: 1 }")
        let daemon = try #require(fixture.start())
        #expect(await eventually { daemon.log.contains("control socket ready") }, "\(daemon.log)")

        try "state_dir: \(fixture.stateDirectory)\nrepositories: 12\n".write(toFile: fixture.configPath, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        #expect(await eventually { daemon.log.contains("configuration not reloaded") }, "\(daemon.log)")
        #expect(daemon.log.contains("\(fixture.configPath):2:"))

        try fixture.writeConfig(rules: ["{ id: fixup/trailing-whitespace, on: [push] }"], extra: "watch: { poll_interval: 1 }")
        daemon.signal(SIGHUP)
        #expect(await eventually { daemon.log.contains("configuration reloaded") }, "\(daemon.log)")
        // The new push rule is caught up on the current tip.
        #expect(await eventually { await fixture.branchTip("spark/fixup-trailing-whitespace") != nil }, "\(daemon.log)")
        daemon.signal(SIGTERM)
        #expect(await daemon.exit() == 0)
    }

    @Test("with NOTIFY_SOCKET set: READY=1 once the control socket listens, RELOADING=1 then READY=1 on SIGHUP, STOPPING=1 on SIGTERM")
    func systemdNotify() async throws {
        let fixture = try await DaemonFixture(rules: ["{ id: fixup/end-of-file, on: [manual] }"])
        let notify = fixture.directory.path + "/notify.sock"
        let listener = try DatagramListener(notify)
        let daemon = try #require(fixture.start(environment: ["NOTIFY_SOCKET": notify]))
        func next() -> String? {
            for _ in 0..<10 { if let message = listener.receive() { return message } }
            return nil
        }
        let ready = try #require(next(), "\(daemon.log)")
        #expect(ready.contains("READY=1"))
        #expect(FileManager.default.fileExists(atPath: fixture.stateDirectory + "/sparkd.sock"), "READY only once the socket exists")
        daemon.signal(SIGHUP)
        #expect(next()?.contains("RELOADING=1") == true)
        #expect(next()?.contains("READY=1") == true)
        daemon.signal(SIGTERM)
        #expect(next()?.contains("STOPPING=1") == true)
        #expect(await daemon.exit() == 0)
    }
}
