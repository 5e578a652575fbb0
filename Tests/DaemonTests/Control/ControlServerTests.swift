import ControlAPI
import Daemon
import Foundation
import JobQueue
import Logging
import ServiceLifecycle
import TestSupport
import Testing

/// The real control server on a real socket, answering the real client from a real job store.
@Suite("Control server")
struct ControlServerTests {
    private func permissions(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("the socket is mode 0600 in a directory made 0700, and is removed at shutdown")
    func socketIsPrivate() async throws {
        let path = try await RunningControlServer.with { server in
            #expect(try permissions(server.socketPath) == 0o600)
            #expect(try permissions((server.socketPath as NSString).deletingLastPathComponent) == 0o700)
            let type = try FileManager.default.attributesOfItem(atPath: server.socketPath)[.type] as? FileAttributeType
            #expect(type == .typeSocket)
            // Bound in a private staging directory and moved into place: nothing else is left.
            let directory = (server.socketPath as NSString).deletingLastPathComponent
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["sparkd.sock"])
            return server.socketPath
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("enqueue, dedupe, list, show, cancel, retry and trigger through every route")
    func routes() async throws {
        try await RunningControlServer.with { server in
            let client = server.client
            let request = EnqueueRequest(
                repository: "/srv/git/app", branch: "main", base: "abc123", recipes: ["fixup/end-of-file"],
                parameters: ["width": "80"])
            let first = try await offPool { try client.enqueue(request) }
            #expect(!first.deduplicated)
            #expect(first.job.state == "queued")
            #expect(first.job.parameters == ["width": "80"])
            #expect(first.job.trigger == "manual")
            let again = try await offPool { try client.enqueue(request) }
            #expect(again.deduplicated)
            #expect(again.job.id == first.job.id)

            let newer = EnqueueRequest(
                repository: request.repository, branch: request.branch, base: "def456", recipes: request.recipes,
                parameters: request.parameters)
            let second = try await offPool { try client.enqueue(newer) }
            #expect(second.superseded == [first.job.id])

            let queued = try await offPool { try client.jobs(states: ["queued"]) }
            #expect(queued.map(\.id) == [second.job.id])
            let all = try await offPool { try client.jobs(limit: 1) }
            #expect(all.map(\.id) == [second.job.id])
            let both = try await offPool { try client.jobs(states: ["queued", "superseded"]) }
            #expect(both.map(\.id) == [second.job.id, first.job.id])

            let detail = try await offPool { try client.job(first.job.id) }
            #expect(detail.job.state == "superseded")
            #expect(detail.job.supersededBy == second.job.id)
            #expect(detail.events.map(\.to) == ["queued", "superseded"])
            #expect(detail.events.first?.from == nil)

            let cancelled = try await offPool { try client.cancel(second.job.id) }
            #expect(cancelled.state == "cancelled")
            let retried = try await offPool { try client.retry(second.job.id) }
            #expect(retried.state == "queued")
            #expect(retried.attempts == 0)

            let triggered = try await offPool { try client.trigger("nightly") }
            #expect(triggered.trigger == "nightly")
            #expect(triggered.jobs.count == 1)
            #expect(triggered.jobs.first?.job.trigger == "nightly")

            let status = try await offPool { try client.status() }
            #expect(status.pid == ProcessInfo.processInfo.processIdentifier)
            #expect(status.jobs["queued"] == 2)
            #expect(status.jobs["superseded"] == 1)
            #expect(status.jobs["failed"] == 0)
            #expect(status.workers.total == 2)
            #expect(status.repositories.map(\.state) == ["watching"])
        }
    }

    @Test("the wire is snake_case JSON with ISO 8601 dates")
    func wireFormat() async throws {
        try await RunningControlServer.with { server in
            let client = server.client
            _ = try await offPool {
                try client.enqueue(EnqueueRequest(repository: "/r", base: "b", recipes: ["fixup/end-of-file"]))
            }
            let reply = try await offPool { try client.send("GET", "/v1/jobs/1") }
            #expect(reply.status == 200)
            #expect(reply.headers["content-type"]?.hasPrefix("application/json") == true)
            let object = try #require(try JSONSerialization.jsonObject(with: reply.body) as? [String: Any])
            #expect(object["max_attempts"] as? Int != nil)
            #expect((object["created_at"] as? String)?.hasSuffix("Z") == true)
            #expect(object["events"] is [Any])
            #expect(object["maxAttempts"] == nil)
        }
    }

    @Test("errors map to 400, 404 and 409 with a JSON error body")
    func errorMapping() async throws {
        try await RunningControlServer.with { server in
            let client = server.client
            let missing = try await offPool { try client.send("GET", "/v1/jobs/9999") }
            #expect(missing.status == 404)
            let body = try ControlJSON.decoder().decode(ControlErrorBody.Envelope.self, from: missing.body)
            #expect(body.error.code == "not_found")
            #expect(body.error.message.contains("9999"))
            #expect(body.error.hint != nil)

            let thrown = await #expect(throws: ControlClientError.self) { try await offPool { try client.job(9999) } }
            #expect(thrown?.code == .daemon)
            #expect(thrown?.status == 404)
            #expect(thrown?.daemonCode == "not_found")

            let cancelMissing = await #expect(throws: ControlClientError.self) { try await offPool { try client.cancel(4242) } }
            #expect(cancelMissing?.status == 404)

            let job = try await offPool { try client.enqueue(EnqueueRequest(repository: "/r", base: "b", recipes: ["x/y"])) }
            _ = try await offPool { try client.cancel(job.job.id) }
            let twice = await #expect(throws: ControlClientError.self) { try await offPool { try client.cancel(job.job.id) } }
            #expect(twice?.status == 409, "\(String(describing: twice))")
            #expect(twice?.daemonCode == "conflict")

            let state = await #expect(throws: ControlClientError.self) { try await offPool { try client.jobs(states: ["bogus"]) } }
            #expect(state?.status == 400)
            #expect(state?.hint?.contains("no-change") == true)

            let limit = try await offPool { try client.send("GET", "/v1/jobs?limit=0") }
            #expect(limit.status == 400)
            let id = try await offPool { try client.send("GET", "/v1/jobs/abc") }
            #expect(id.status == 400)
            let route = try await offPool { try client.send("GET", "/v2/nothing") }
            #expect(route.status == 404)
            #expect(try ControlJSON.decoder().decode(ControlErrorBody.Envelope.self, from: route.body).error.code == "not_found")

            let badJSON = try await offPool { try client.send("POST", "/v1/jobs", body: Data("{\"repository\": 3".utf8)) }
            #expect(badJSON.status == 400)
            #expect(try ControlJSON.decoder().decode(ControlErrorBody.Envelope.self, from: badJSON.body).error.code == "bad_request")
            let noRepository = try await offPool { try client.send("POST", "/v1/jobs", body: Data("{\"recipes\": []}".utf8)) }
            #expect(noRepository.status == 400)

            let trigger = await #expect(throws: ControlClientError.self) { try await offPool { try client.trigger("weekly") } }
            #expect(trigger?.status == 404)
        }
    }

    @Test("/metrics serves the daemon's metrics in Prometheus text format")
    func metrics() async throws {
        try await RunningControlServer.with { server in
            let client = server.client
            _ = try await offPool { try client.enqueue(EnqueueRequest(repository: "/r", base: "b", recipes: ["x/y"])) }
            server.metrics.setQueueDepth(1)
            server.metrics.jobFinished(state: .succeeded, duration: .seconds(2))
            let reply = try await offPool { try client.send("GET", "/metrics") }
            #expect(reply.status == 200)
            #expect(reply.headers["content-type"]?.hasPrefix("text/plain") == true)
            let text = String(decoding: reply.body, as: UTF8.self)
            for name in [
                DaemonMetrics.Name.jobsEnqueued, DaemonMetrics.Name.jobsFinished, DaemonMetrics.Name.jobDuration,
                DaemonMetrics.Name.queueDepth, DaemonMetrics.Name.workersBusy, DaemonMetrics.Name.pushToBranch,
                DaemonMetrics.Name.watchedRepositories,
            ] {
                #expect(text.contains("# TYPE \(name)"), "\(name) missing from:\n\(text)")
            }
            #expect(text.contains(#"sparkd_jobs_enqueued_total{trigger="manual"} 1"#))
            #expect(text.contains(#"sparkd_jobs_finished_total{state="succeeded"} 1"#))
            #expect(text.contains("sparkd_queue_depth 1"))
            #expect(text.contains("sparkd_job_duration_seconds_count 1"))
        }
    }

    @Test("garbage, a half request and a dropped connection do not stop the server")
    func badClientsDoNotStopTheServer() async throws {
        try await RunningControlServer.with { server in
            let client = ControlClient(socketPath: server.socketPath, timeout: 3)
            let garbage: [UInt8] = Array("\u{0}\u{1}\u{2}NOT HTTP AT ALL\r\n\r\n".utf8) + (0..<512).map { UInt8($0 % 256) }
            _ = try? await offPool { try client.exchange(raw: garbage) }
            _ = try? await offPool { try client.exchange(raw: Array("POST /v1/jobs HTTP/1.1\r\nContent-Length: 100\r\n\r\n{".utf8)) }
            _ = try? await offPool {
                try client.exchange(raw: Array("GET /v1/jobs/1 HTTP/1.1\r\nHost: x\r\nContent-Length: banana\r\n\r\n".utf8))
            }
            let status = try await offPool { try server.client.status() }
            #expect(status.version == "test")
        }
    }

    @Test("a second server refuses a live socket, and replaces a stale one")
    func liveAndStaleSockets() async throws {
        try await RunningControlServer.with { server in
            let second = ControlServer(
                socketPath: server.socketPath,
                handler: StoreControlHandler(store: server.store, metrics: server.metrics, repository: "/r"),
                registry: server.metrics.registry, logger: Logger(label: "second"))
            let error = await #expect(throws: ControlServerError.self) { try await second.run() }
            #expect(error?.code == .alreadyRunning)
            // The first one is untouched.
            let status = try await offPool { try server.client.status() }
            #expect(status.version == "test")
        }

        // A socket file left by a daemon that died: bound, then abandoned without unlinking.
        let directory = try TemporaryDirectory("sparkd-stale")
        let path = directory.path + "/sparkd.sock"
        try await Command.check(["python3", "-c", "import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])", path])
        #expect(FileManager.default.fileExists(atPath: path))
        let store = try JobStore(path: directory.path + "/jobs.sqlite")
        let metrics = DaemonMetrics()
        let (ready, readyContinuation) = AsyncStream<Void>.makeStream()
        let control = ControlServer(
            socketPath: path, handler: StoreControlHandler(store: store, metrics: metrics, repository: "/r"),
            registry: metrics.registry, logger: Logger(label: "stale"), onReady: { readyContinuation.yield() })
        let group = ServiceGroup(configuration: .init(services: [control], logger: Logger(label: "stale")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                defer { readyContinuation.finish() }
                try await group.run()
            }
            var started = false
            for await _ in ready {
                started = true
                break
            }
            #expect(started)
            if started {
                let status = try await offPool { try ControlClient(socketPath: path).status() }
                #expect(status.version == "test")
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }

        // A regular file is never replaced.
        let file = try directory.write("not-a-socket", "keep me")
        let refusing = ControlServer(
            socketPath: file, handler: StoreControlHandler(store: store, metrics: metrics, repository: "/r"),
            registry: metrics.registry, logger: Logger(label: "file"))
        let refused = await #expect(throws: ControlServerError.self) { try await refusing.run() }
        #expect(refused?.code == .unusablePath)
        let kept = try String(contentsOfFile: file, encoding: .utf8)
        #expect(kept == "keep me")
    }
}
