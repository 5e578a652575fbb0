import ControlAPI
import Daemon
import Foundation
import JobQueue
import Logging
import ServiceLifecycle
import TestSupport

/// A real ``ControlServer`` on a socket in a temporary directory, in a real `ServiceGroup`,
/// backed by a real job store; shut down gracefully when `body` returns.
struct RunningControlServer {
    let directory: TemporaryDirectory
    let socketPath: String
    let store: JobStore
    let metrics: DaemonMetrics
    /// Waits up to 20 s for an answer: the server shares the test process with the whole suite.
    /// Not a latency check.
    var client: ControlClient { ControlClient(socketPath: socketPath, timeout: 20) }

    static func with<T: Sendable>(_ body: (RunningControlServer) async throws -> T) async throws -> T {
        let directory = try TemporaryDirectory("sparkd-ctl")
        // The socket's directory does not exist yet: the server makes it, 0700.
        let socketPath = directory.path + "/state/sparkd.sock"
        let store = try JobStore(path: directory.path + "/jobs.sqlite")
        let metrics = DaemonMetrics()
        let server = RunningControlServer(directory: directory, socketPath: socketPath, store: store, metrics: metrics)
        var logger = Logger(label: "sparkd.control.test")
        logger.logLevel = .warning
        let (ready, readyContinuation) = AsyncStream<Void>.makeStream()
        let control = ControlServer(
            socketPath: socketPath,
            handler: StoreControlHandler(store: store, metrics: metrics, repository: directory.path + "/repo"),
            registry: metrics.registry, logger: logger, onReady: { readyContinuation.yield() })
        let group = ServiceGroup(configuration: .init(services: [control], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                defer { readyContinuation.finish() }
                try await group.run()
            }
            var started = false
            for await _ in ready {
                started = true
                break
            }
            guard started else {
                try await tasks.waitForAll()
                throw ControlServerError(.unusablePath, "the control server stopped before it was ready", socketPath: socketPath)
            }
            do {
                let result = try await body(server)
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return result
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
        }
    }
}
