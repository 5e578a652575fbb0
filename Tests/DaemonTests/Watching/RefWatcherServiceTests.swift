import Daemon
import Foundation
import GitKit
import Logging
import ServiceLifecycle
import TestSupport
import Testing

/// The watcher as the daemon runs it: a service in a `ServiceGroup`.
@Suite struct RefWatcherServiceTests {
    @Test("a graceful shutdown of the ServiceGroup ends run() and finishes the event stream", .timeLimit(.minutes(1)))
    func gracefulShutdown() async throws {
        let directory = try TemporaryDirectory("ref-watcher-service")
        let repo = try await GitFixture.create(at: directory.path + "/app")
        try await repo.commit(["README.md": "one\n"])
        let logger = WatchRecorder.logger()
        let watcher = RefWatcher(
            repositories: [WatchedRepository(path: repo.path, branches: ["main"])], pollInterval: .seconds(60),
            logger: logger)
        let group = ServiceGroup(configuration: .init(services: [watcher], logger: logger))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = watcher.events.makeAsyncIterator()
            guard case .baseline = await iterator.next() else {
                Issue.record("the first event was not the baseline")
                return
            }
            let second = try await repo.commit(["README.md": "two\n"])
            let change = await iterator.next()?.change
            #expect(change?.kind == .advanced)
            #expect(change?.newTip?.description == second)
            await group.triggerGracefulShutdown()
            #expect(await iterator.next() == nil)
            try await tasks.waitForAll()
        }
    }
}
