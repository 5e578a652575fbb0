package import Executors
package import GitKit
package import Logging
internal import ServiceLifecycle
internal import Synchronization

/// Watches the configured branches of the configured repositories and reports what changes, as
/// ``events``. A `Service`: run it in the daemon's `ServiceGroup`; `run()` returns on graceful
/// shutdown or cancellation, and then finishes ``events``.
///
/// The truth is always read through libgit2 (on ``BlockingExecutor``'s thread): inotify on each
/// repository's ref storage only wakes the watcher early, and a rescan every `pollInterval` is
/// both the fallback for file systems without inotify and a safety net for missed events.
/// Repositories that are missing (or not repositories yet) are re-checked on every poll.
///
/// ```swift
/// let watcher = RefWatcher(repositories: config.repositories.map(WatchedRepository.init), logger: logger)
/// // in the ServiceGroup: services: [watcher, …]
/// for await event in watcher.events { … }   // .baseline(snapshot) first, then changes
/// ```
package final class RefWatcher: Service {
    package enum Mode: String, Sendable, Hashable {
        /// inotify where it works, polling every `pollInterval` as well; falls back to polling only
        /// when inotify cannot be set up (not supported, watch limit reached).
        case automatic
        /// Polling only, for file systems without inotify (NFS, some FUSE mounts).
        case pollingOnly = "polling"
    }

    /// What the watcher observed: `.baseline` first, then changes in order. Finished when `run()`
    /// returns. One consumer.
    package let events: AsyncStream<RefWatchEvent>
    private let continuation: AsyncStream<RefWatchEvent>.Continuation
    let repositories: [WatchedRepository]
    private let pollInterval: Duration
    private let coalescingWindow: Duration
    private let mode: Mode
    private let clock: any Clock<Duration>
    let executor: BlockingExecutor
    let logger: Logger

    /// - Parameters:
    ///   - repositories: what to watch; entries with the same path are merged.
    ///   - pollInterval: the period of the safety-net rescan (the only one in `.pollingOnly`).
    ///   - coalescingWindow: after a wake, how long to wait for the rest of a burst of file
    ///     events (git writes several files per ref update) before re-reading once.
    ///   - executor: where libgit2 runs; a dedicated one by default, so scans never queue behind jobs.
    ///   - clock: what the poll interval and the coalescing window are measured on.
    package init(
        repositories: [WatchedRepository], pollInterval: Duration = .seconds(5), mode: Mode = .automatic,
        coalescingWindow: Duration = .milliseconds(15),
        executor: BlockingExecutor = BlockingExecutor(label: "sparkd.watch"), clock: any Clock<Duration> = ContinuousClock(),
        logger: Logger
    ) {
        var merged: [WatchedRepository] = []
        for repository in repositories {
            if let index = merged.firstIndex(where: { $0.path == repository.path }) {
                merged[index].branches += repository.branches.filter { !merged[index].branches.contains($0) }
            } else {
                merged.append(repository)
            }
        }
        self.repositories = merged
        self.pollInterval = pollInterval
        self.coalescingWindow = coalescingWindow
        self.mode = mode
        self.executor = executor
        self.clock = clock
        self.logger = logger
        (events, continuation) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
    }

    package func run() async throws {
        defer { continuation.finish() }
        await cancelWhenGracefulShutdown { await self.watch() }
    }

    private func watch() async {
        // Wakes are numbered: a scan covers every wake numbered up to the count when it started.
        let (wakes, wake) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let wakeCount = Atomic<Int>(0)
        let ring: @Sendable () -> Void = { wake.yield(wakeCount.add(1, ordering: .sequentiallyConsistent).newValue) }
        var inotify = startInotify(ring)
        defer { inotify?.stop() }

        var lastScan = 0
        let baseline = await scan(previous: nil)
        guard !Task.isCancelled else { return }
        var snapshot = baseline.snapshot
        continuation.yield(.baseline(snapshot))
        logger.info(
            "watching refs",
            metadata: [
                "watch.repositories": "\(repositories.count)", "watch.mode": "\(inotify == nil ? "polling" : "inotify")",
            ])
        watch(baseline.commonDirectories, with: &inotify)

        await withDiscardingTaskGroup { group in
            group.addTask { [pollInterval, clock] in
                while !Task.isCancelled {
                    try? await clock.sleep(for: pollInterval)
                    ring()
                }
            }
            for await wake in wakes {
                // A wake from before the last scan started is already accounted for.
                guard wake > lastScan else { continue }
                try? await clock.sleep(for: coalescingWindow)
                guard !Task.isCancelled else { break }
                lastScan = wakeCount.load(ordering: .sequentiallyConsistent)
                let scanned = await scan(previous: snapshot)
                snapshot = scanned.snapshot
                for event in scanned.events {
                    logger.debug("ref change", metadata: ["watch.event": "\(event)"])
                    continuation.yield(event)
                }
                watch(scanned.commonDirectories, with: &inotify)
            }
            group.cancelAll()
        }
    }

    private func startInotify(_ onChange: @escaping @Sendable () -> Void) -> InotifyWatch? {
        guard mode == .automatic else { return nil }
        do {
            return try InotifyWatch(onChange: onChange)
        } catch {
            logger.info(
                "inotify unavailable; polling only",
                metadata: [
                    "watch.error": "\(error)", "watch.poll_interval": "\(pollInterval)",
                ])
            return nil
        }
    }

    /// (Re-)adds inotify watches for every present repository; gives up on inotify altogether
    /// (polling continues) when the kernel refuses a watch, e.g. at the watch limit.
    private func watch(_ commonDirectories: [String], with inotify: inout InotifyWatch?) {
        guard let watch = inotify else { return }
        do {
            for directory in commonDirectories { try watch.watchRepository(commonDirectory: directory) }
        } catch {
            logger.info(
                "inotify watch failed; polling only from now on",
                metadata: [
                    "watch.error": "\(error)", "watch.poll_interval": "\(pollInterval)",
                ])
            watch.stop()
            inotify = nil
        }
    }
}
