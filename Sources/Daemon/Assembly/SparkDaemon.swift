internal import Executors
internal import Foundation
internal import GitKit
package import JobQueue
package import Logging
internal import Recipes
internal import ServiceLifecycle
internal import Synchronization
internal import UnixSignals

/// The daemon: loads the configuration, takes the state directory, recovers what a previous
/// process left running, catches up on pushes missed while down, and runs its services in one
/// `ServiceGroup` until SIGTERM/SIGINT (graceful: running jobs get time to finish).
/// `--once` runs only the workers, until the queue is empty.
package final class SparkDaemon: Sendable {
    package struct Options: Sendable {
        package var configFile: String
        package var once = false
        package init(configFile: String, once: Bool = false) { (self.configFile, self.once) = (configFile, once) }
    }

    package static let version = "0.6.0"

    let options: Options
    let logger: Logger
    package let setup: SetupHolder
    package let store: JobStore
    let lock: StateDirectoryLock
    let executor = BlockingExecutor(label: "sparkd.git")
    package let workers: WorkerPool
    package let triggers: JobTriggers
    package let metrics = DaemonMetrics()
    let notifier = SystemdNotifier()
    /// Rung after a reload, so that the watcher picks up the new repository list.
    let reloads = Doorbell()
    let started = Date()
    /// Jobs that ended `failed` since start-up (`--once` exits 1 when there are any).
    let failedJobs = Tally()
    let housekeeping: Housekeeping

    /// Loads everything on a thread of its own (configuration, repositories, the database);
    /// throws as ``init(options:logger:)``.
    package static func load(options: Options, logger: Logger) async throws -> SparkDaemon {
        try await BlockingExecutor.git.run { try SparkDaemon(options: options, logger: logger) }
    }

    /// Loads everything; throws a ``RecipeError`` (the configuration is wrong), a
    /// ``DaemonError`` (the state directory is taken) or a ``JobQueueError`` (the database).
    @available(*, noasync, message: "reads files and repositories: use SparkDaemon.load")
    package init(options: Options, logger: Logger) throws {
        self.options = options
        self.logger = logger
        let loaded = try DaemonSetup.load(file: options.configFile)
        setup = SetupHolder(loaded)
        lock = try StateDirectoryLock(stateDirectory: loaded.configuration.stateDirectory)
        store = try JobStore(path: loaded.configuration.databasePath)
        housekeeping = Housekeeping(history: setup, logger: logger)
        let housekeeping = housekeeping
        var workerOptions = WorkerPool.Options(workers: loaded.configuration.workers)
        workerOptions.exitWhenIdle = options.once
        let metrics = metrics
        let failedJobs = failedJobs
        let workers = WorkerPool(
            setup: setup, store: store, options: workerOptions, logger: logger,
            onFinish: { [store, housekeeping] job, _ in
                Self.record(job, in: metrics)
                if job.state == .failed { failedJobs.add() }
                await housekeeping.afterJob(store: store, metrics: metrics)
            },
            onBusy: { metrics.setBusyWorkers($0) }, onLook: { metrics.queueLooked() })
        self.workers = workers
        triggers = JobTriggers(
            setup: setup, store: store, executor: executor, logger: logger, metrics: metrics, wake: { workers.wake() })
        for problem in loaded.resolved.problems {
            logger.warning("repository not served", metadata: ["repo.path": "\(problem.repository ?? "-")", "error.message": "\(problem)"])
        }
        for problem in loaded.catalogProblems {
            logger.warning("recipe file does not load", metadata: ["error.message": "\(problem)"])
        }
    }

    /// Runs until SIGTERM (or, with `--once`, until the queue is empty); returns how many jobs
    /// ended `failed` meanwhile.
    @discardableResult
    package func run() async throws -> Int {
        try await recover()
        _ = try await triggers.catchUp()
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: workers, successTerminationBehavior: .gracefullyShutdownGroup)
        ]
        if !options.once {
            services.append(.init(service: RepositoryWatch(daemon: self)))
            services.append(.init(service: Scheduler(setup: setup, triggers: triggers, logger: logger)))
            services.append(.init(service: ConfigurationReloader(daemon: self)))
            services.append(.init(service: IdleMemory(workers: workers, logger: logger)))
            let configuration = setup.current.configuration
            // First in the list, so shut down last: `sparkctl status` and `jobs` still answer while
            // the workers drain.
            services.insert(
                .init(
                    service: ControlServer(
                        socketPath: configuration.socketPath, handler: DaemonControlHandler(daemon: self), registry: metrics.registry,
                        logger: logger,
                        onReady: { [notifier, logger] in
                            Self.notify(notifier, [.ready, .status("watching \(configuration.repositories.count) repositories")], logger)
                        })), at: 0)
        } else {
            Self.notify(notifier, [.ready, .status("running the queue once")], logger)
        }
        // The group shuts services down in reverse order: the notice first (systemd hears STOPPING
        // at once), then the watcher and the scheduler (nothing new is queued), then the workers
        // (running jobs finish), and the control socket last.
        services.append(.init(service: StoppingNotice(notifier: notifier, logger: logger)))
        var configuration = ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(30)
        let group = ServiceGroup(configuration: configuration)
        logger.info(
            "sparkd started",
            metadata: [
                "config.file": "\(options.configFile)", "state.dir": "\(setup.current.configuration.stateDirectory)",
                "repo.count": "\(setup.current.configuration.repositories.count)", "worker.count": "\(setup.current.configuration.workers)",
            ])
        try await group.run()
        logger.info("sparkd stopped")
        return failedJobs.value
    }

    /// Tells systemd (Type=notify) where the daemon is; a failure is logged, never fatal.
    static func notify(_ notifier: SystemdNotifier, _ messages: [SystemdNotifier.Message], _ logger: Logger) {
        do {
            try notifier.notify(messages)
        } catch {
            logger.warning("sd_notify failed", metadata: ["error.message": "\(error)"])
        }
    }

    /// Metrics for a job whose attempt ended.
    static func record(_ job: Job, in metrics: DaemonMetrics) {
        guard job.state.isFinal else { return }
        let duration = job.finishedAt.map { Duration.seconds($0.timeIntervalSince(job.createdAt)) }
        metrics.jobFinished(state: job.state, duration: duration)
        if job.request.trigger == Trigger.push, job.state == .succeeded, let duration {
            metrics.recordPushToBranch(duration)
        }
    }

    /// Jobs left `running` by a process that is gone are queued again now (the state-directory
    /// lock proves no other sparkd holds them); old history is pruned.
    func recover() async throws {
        let orphans = try await store.recoverOrphans()
        let pruned = try await housekeeping.prune(store, now: Date())
        for job in orphans {
            logger.notice(
                "job left running by a stopped sparkd, queued again",
                metadata: [
                    "job.id": "\(job.id)", "job.state": "\(job.state.rawValue)", "job.attempt": "\(job.attempts)",
                ])
        }
        if pruned > 0 { logger.info("history pruned", metadata: ["job.count": "\(pruned)"]) }
    }

    /// SIGHUP: the configuration file is read again; a broken one is reported and the running
    /// configuration stays.
    package func reload() async {
        Self.notify(notifier, [.reloading], logger)
        defer {
            reloads.ring()
            Self.notify(notifier, [.ready], logger)
        }
        do {
            let fresh = try await executor.run { [options] in try DaemonSetup.load(file: options.configFile) }
            let old = setup.current
            setup.replace(fresh)
            logger.info("configuration reloaded", metadata: ["repo.count": "\(fresh.configuration.repositories.count)"])
            for problem in fresh.resolved.problems {
                logger.warning("repository not served", metadata: ["repo.path": "\(problem.repository ?? "-")", "error.message": "\(problem)"])
            }
            try await triggers.catchUp()
            try await triggers.newPushRules(since: old)
        } catch {
            logger.error("configuration not reloaded; keeping the running one", metadata: ["error.message": "\(error)"])
        }
    }
}

/// Tells systemd `STOPPING=1` as soon as graceful shutdown begins (SIGTERM), while the workers drain.
struct StoppingNotice: Service {
    let notifier: SystemdNotifier
    let logger: Logger

    func run() async throws {
        // Returns when the group shuts down gracefully; throws (and says nothing) on cancellation.
        try await gracefulShutdown()
        SparkDaemon.notify(notifier, [.stopping], logger)
    }
}

/// Reloads the configuration on SIGHUP.
struct ConfigurationReloader: Service {
    let daemon: SparkDaemon

    func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        try await cancelWhenGracefulShutdown {
            for await _ in signals { await daemon.reload() }
        }
    }
}

/// After each job: the queue-depth gauge, and the history pruned (at most hourly) to the
/// configuration's `history: { keep_days, keep_jobs }`.
final class Housekeeping: Sendable {
    let setup: SetupHolder
    let logger: Logger
    private let lastPrune = Mutex(Date.distantPast)

    init(history setup: SetupHolder, logger: Logger) {
        (self.setup, self.logger) = (setup, logger)
    }

    /// Prunes finished jobs older than `keep_days` beyond the newest `keep_jobs`, and remembers
    /// when. The number of jobs removed.
    func prune(_ store: JobStore, now: Date) async throws -> Int {
        lastPrune.withLock { $0 = now }
        let history = setup.current.configuration.history
        return try await store.prune(finishedBefore: now.addingTimeInterval(-Double(history.keepDays) * 86_400), keep: history.keepJobs)
    }

    func afterJob(store: JobStore, metrics: DaemonMetrics) async {
        let now = Date()
        let due = lastPrune.withLock { now.timeIntervalSince($0) >= 3600 }
        do {
            let counts = try await store.counts()
            let depth = (counts[.queued] ?? 0) + (counts[.running] ?? 0)
            let pruned = due ? try await prune(store, now: now) : 0
            metrics.setQueueDepth(depth)
            if pruned > 0 { logger.info("history pruned", metadata: ["job.count": "\(pruned)"]) }
        } catch {
            logger.warning("housekeeping failed", metadata: ["error.message": "\(error)"])
        }
    }
}

/// A count shared between the workers and the daemon.
final class Tally: Sendable {
    private let count = Atomic<Int>(0)
    func add() { count.add(1, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }
}
