import Daemon
import Foundation
import Logging
import Synchronization

/// Runs a ``RefWatcher`` for the length of a test and records every event it reports.
final class WatchRecorder: Sendable {
    private let recorded = Mutex<[RefWatchEvent]>([])
    private let finished = Mutex(false)

    /// Everything reported so far, in order.
    var events: [RefWatchEvent] { recorded.withLock { $0 } }
    /// The `.branch` changes reported so far.
    var changes: [RefChange] { events.compactMap(\.change) }
    /// Whether the watcher's event stream has ended.
    var isFinished: Bool { finished.withLock { $0 } }

    /// Runs `body` while `watcher` runs, then cancels the watcher and waits for it to return.
    static func watching<T: Sendable>(
        _ watcher: RefWatcher, _ body: @Sendable (WatchRecorder) async throws -> T
    ) async throws -> T {
        let recorder = WatchRecorder()
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await watcher.run() }
            group.addTask {
                for await event in watcher.events { recorder.recorded.withLock { $0.append(event) } }
                recorder.finished.withLock { $0 = true }
            }
            do {
                let result = try await body(recorder)
                group.cancelAll()
                try await group.waitForAll()
                return result
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }

    /// Waits until `predicate` holds for the recorded events, or `timeout` passes. Generous
    /// timeouts: this waits for a condition, it does not measure how fast it came.
    @discardableResult
    func wait(timeout: Duration = .seconds(20), until predicate: ([RefWatchEvent]) -> Bool) async -> Bool {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            if predicate(events) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return predicate(events)
    }

    /// The baseline snapshot, once reported.
    func baseline() async -> RefSnapshot? {
        await wait { $0.contains { if case .baseline = $0 { true } else { false } } }
        for case .baseline(let snapshot) in events { return snapshot }
        return nil
    }

    /// Waits for a change of `branch` of kind `kind` (after the first `skipping` changes).
    func change(_ kind: RefChange.Kind, of branch: String, after skipping: Int = 0) async -> RefChange? {
        await wait { events in
            events.compactMap(\.change).dropFirst(skipping).contains { $0.branch == branch && $0.kind == kind }
        }
        return changes.dropFirst(skipping).first { $0.branch == branch && $0.kind == kind }
    }

    static func logger() -> Logger {
        var logger = Logger(label: "sparkd.test.watch")
        logger.logLevel = .info
        return logger
    }
}
