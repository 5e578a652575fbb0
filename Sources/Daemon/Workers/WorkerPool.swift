package import Executors
internal import Foundation
package import GitKit
package import JobQueue
package import Logging
package import ServiceLifecycle
internal import SparkEngine
internal import Synchronization

/// The daemon's workers: each claims a due job under a lease, runs it through ``JobExecution``
/// while heartbeating the lease, and records how it ended. The store serialises branch updates of
/// one repository (one running job per repository). On graceful shutdown (SIGTERM) no new job is
/// claimed and running ones get `drainTimeout` to finish; one still running then is given up as a
/// retryable failed attempt (its ref update is atomic, so the retry regenerates what is missing).
package final class WorkerPool: Service {
    package struct Options: Sendable {
        package var workers: Int
        /// Seconds a lease lasts; heartbeats renew it three times as often.
        package var lease: Double = 30
        package var drainTimeout: Duration = .seconds(20)
        /// `sparkd --once`: return when nothing is queued or running any more.
        package var exitWhenIdle = false
        /// The longest idle workers go without looking at the queue. They look when a job is
        /// queued, when an attempt ends, and when the store says a backoff or a lease ends
        /// (``JobStore/nextDue()``); this is only a safety net.
        package var longestIdle: Duration = .seconds(60)
        /// What leases' heartbeats, the drain deadline and idle waits are timed on.
        package var clock: any Clock<Duration> = ContinuousClock()

        package init(workers: Int) { self.workers = max(1, workers) }
    }

    let setup: SetupHolder
    let store: JobStore
    let options: Options
    let logger: Logger
    let doorbell = Doorbell()
    /// Rung when what is due may have changed (a job queued, an attempt ended): the ticker
    /// works out again when to wake the workers.
    let schedule = Doorbell()
    /// Called after each attempt ends (metrics, tests).
    let onFinish: @Sendable (Job, JobExecution.Result?) async -> Void
    /// Called with the number of busy workers whenever it changes (the metrics gauge).
    let onBusy: @Sendable (Int) -> Void
    /// Called each time a worker asks the store for a due job (the metrics counter).
    let onLook: @Sendable () -> Void
    private let stopping = Atomic<Bool>(false)
    private let busyWorkers = Atomic<Int>(0)
    private let finishedAttempts = Atomic<Int>(0)
    private let identity = "sparkd-\(ProcessInfo.processInfo.processIdentifier)"

    /// Each worker runs its jobs' git work on its own `BlockingExecutor` thread: a long migration on
    /// one worker does not hold up the others, nor the watcher and the control socket.
    package init(
        setup: SetupHolder, store: JobStore, options: Options, logger: Logger,
        onFinish: @escaping @Sendable (Job, JobExecution.Result?) async -> Void = { _, _ in },
        onBusy: @escaping @Sendable (Int) -> Void = { _ in }, onLook: @escaping @Sendable () -> Void = {}
    ) {
        (self.setup, self.store, self.options, self.logger, self.onFinish) = (setup, store, options, logger, onFinish)
        (self.onBusy, self.onLook) = (onBusy, onLook)
    }

    /// Wakes idle workers: a job was queued.
    package func wake() {
        doorbell.ring()
        schedule.ring()
    }

    /// Workers running a job now.
    package var busy: Int { busyWorkers.load(ordering: .relaxed) }

    /// Attempts ended since start (``IdleMemory`` tells quiet from busy by it).
    package var attemptsFinished: Int { finishedAttempts.load(ordering: .relaxed) }

    package func run() async throws {
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Bool.self) { group in
                for index in 1...options.workers {
                    let rings = doorbell.subscribe()
                    group.addTask {
                        await self.work(name: "\(self.identity)-w\(index)", rings: rings)
                        return true
                    }
                }
                group.addTask {
                    await self.tick()
                    return false
                }
                // When the last worker is done, the ticker is stopped too.
                var working = options.workers
                for await wasWorker in group where wasWorker {
                    working -= 1
                    if working == 0 { group.cancelAll() }
                }
            }
        } onGracefulShutdown: {
            self.stop()
        }
    }

    private func stop() {
        stopping.store(true, ordering: .sequentiallyConsistent)
        doorbell.close()
        schedule.close()
    }

    private var isStopping: Bool { stopping.load(ordering: .sequentiallyConsistent) }

    /// Wakes the workers when a queued job's backoff or a running job's lease ends, and after
    /// anything that may change that; an idle daemon sleeps (it used to ask SQLite every second
    /// per worker, most of what it did and touched while idle).
    /// Only the timer rings the workers: a queued job has rung them already, and after an
    /// attempt its worker goes on claiming; an extra look would be one more write transaction
    /// beside the one claiming the new job.
    private func tick() async {
        var changes = schedule.subscribe().makeAsyncIterator()
        while !isStopping {
            let wait = await untilNextDue()
            let timer = Task { [doorbell, schedule, clock = options.clock] in
                guard (try? await clock.sleep(for: wait)) != nil else { return }
                doorbell.ring()
                schedule.ring()
            }
            let changed = await changes.next()
            timer.cancel()
            if changed == nil { return }
        }
    }

    /// How long until a job may become claimable: ``JobStore/nextDue(after:)`` from now, at most
    /// ``Options/longestIdle``.
    private func untilNextDue() async -> Duration {
        let due = try? await store.nextDue()
        guard let due else { return options.longestIdle }
        let seconds = due.timeIntervalSinceNow
        guard seconds > 0 else { return .zero }
        // A little past the due time, so the store sees it as due.
        return min(.seconds(seconds) + .milliseconds(5), options.longestIdle)
    }

    private func work(name: String, rings: AsyncStream<Void>) async {
        let executor = BlockingExecutor(label: "sparkd.git.\(name)")
        var logger = logger
        logger[metadataKey: "worker.name"] = "\(name)"
        var iterator = rings.makeAsyncIterator()
        repeat {
            while !isStopping {
                let claim: JobClaim?
                onLook()
                do {
                    claim = try await store.claim(worker: name, lease: options.lease)
                } catch {
                    // The ring that brought this worker here is spent: look again in a second
                    // (a busy database), as the old once-a-second tick did.
                    logger.warning("cannot claim a job", metadata: ["error.message": "\(error)"])
                    try? await options.clock.sleep(for: .seconds(1))
                    continue
                }
                guard let claim else {
                    // A look that found nothing may still have changed what is due (an expired
                    // lease queued again after its backoff).
                    schedule.ring()
                    break
                }
                onBusy(busyWorkers.add(1, ordering: .relaxed).newValue)
                await attempt(claim, worker: name, executor: executor, logger: logger)
                finishedAttempts.add(1, ordering: .relaxed)
                schedule.ring()
                onBusy(busyWorkers.subtract(1, ordering: .relaxed).newValue)
            }
            if options.exitWhenIdle, await isIdle() {
                stop()
                return
            }
        } while await iterator.next() != nil
    }

    private func isIdle() async -> Bool {
        let counts = try? await store.counts()
        guard let counts else { return false }
        return (counts[.queued] ?? 0) == 0 && (counts[.running] ?? 0) == 0
    }

    private func attempt(_ claim: JobClaim, worker: String, executor: BlockingExecutor, logger base: Logger) async {
        var logger = base
        let job = claim.job
        logger[metadataKey: "job.id"] = "\(job.id)"
        logger[metadataKey: "job.attempt"] = "\(claim.attempt)"
        logger[metadataKey: "repo.path"] = "\(job.request.repository)"
        logger[metadataKey: "job.recipes"] = "\(job.request.recipes.joined(separator: ","))"
        logger.info("job started", metadata: ["job.base": "\(job.request.base.prefix(12))", "job.trigger": "\(job.request.trigger)"])
        let execution = JobExecution(setup: setup.current, store: store, executor: executor)
        let started = ContinuousClock.now
        let jobLogger = logger

        let result: Result<JobExecution.Result, JobFailure>? = await withTaskGroup(of: Outcome.self) { group in
            group.addTask { Outcome.finished(await Self.capture { () throws(JobFailure) in try await execution.run(job, worker: worker, lease: self.options.lease) }) }
            group.addTask { await self.heartbeat(job.id, worker: worker, logger: jobLogger) }
            group.addTask { await self.drainDeadline() }
            defer { group.cancelAll() }
            while let next = await group.next() {
                switch next {
                case .finished(let result): return result
                case .leaseLost: return nil
                case .heartbeatStopped: continue
                case .drainExpired:
                    return .failure(JobFailure(message: "interrupted: sparkd shut down before the job finished", retryable: true))
                }
            }
            return nil
        }
        let seconds = (ContinuousClock.now - started).seconds
        await record(job, result: result, worker: worker, seconds: seconds, logger: logger)
    }

    private enum Outcome: Sendable {
        case finished(Result<JobExecution.Result, JobFailure>)
        case leaseLost, heartbeatStopped, drainExpired
    }

    private static func capture(
        _ body: () async throws(JobFailure) -> JobExecution.Result
    ) async -> Result<JobExecution.Result, JobFailure> {
        do { return .success(try await body()) } catch { return .failure(error) }
    }

    /// Renews the lease until cancelled; `.leaseLost` when the job was cancelled or taken over.
    private func heartbeat(_ id: Job.ID, worker: String, logger: Logger) async -> Outcome {
        let interval = Duration.seconds(options.lease / 3)
        while true {
            do {
                try await options.clock.sleep(for: interval)
            } catch {
                return .heartbeatStopped
            }
            do {
                try await store.heartbeat(id, worker: worker, lease: options.lease)
            } catch let error as JobQueueError where error.code == .leaseLost {
                logger.info("job no longer ours; publishing nothing", metadata: ["error.message": "\(error.message)"])
                return .leaseLost
            } catch {
                logger.warning("heartbeat failed", metadata: ["error.message": "\(error)"])
            }
        }
    }

    /// Returns `drainTimeout` after graceful shutdown began; never returns before.
    private func drainDeadline() async -> Outcome {
        while !isStopping {
            do { try await options.clock.sleep(for: .milliseconds(100)) } catch { return .heartbeatStopped }
        }
        do { try await options.clock.sleep(for: options.drainTimeout) } catch { return .heartbeatStopped }
        return .drainExpired
    }

    private func record(
        _ job: Job, result: Result<JobExecution.Result, JobFailure>?, worker: String, seconds: Double, logger: Logger
    ) async {
        guard let result else {
            await onFinish(job, nil)
            return
        }
        do {
            let finished: Job
            switch result {
            case .success(let done):
                finished = try await store.complete(job.id, worker: worker, outcome: done.outcome)
                logger.info(
                    "job finished",
                    metadata: [
                        "job.state": "\(finished.state.rawValue)", "job.seconds": "\(String(format: "%.3f", seconds))",
                        "branch.name": "\(done.report?.branch ?? "-")", "branch.action": "\(done.report?.branchAction.rawValue ?? "-")",
                        "job.reason": "\(finished.reason ?? "")",
                    ])
                await onFinish(finished, done)
            case .failure(let failure):
                finished = try await store.fail(job.id, worker: worker, reason: failure.message, retryable: failure.retryable)
                logger.warning(
                    "job attempt failed",
                    metadata: [
                        "job.state": "\(finished.state.rawValue)", "error.message": "\(failure.message)",
                        "job.retryable": "\(failure.retryable)",
                    ])
                await onFinish(finished, nil)
            }
        } catch {
            logger.warning("cannot record the job's end", metadata: ["error.message": "\(error)"])
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
