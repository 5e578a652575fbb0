package import JobQueue
package import Prometheus

/// The daemon's Prometheus metrics, registered in one ``PrometheusCollectorRegistry`` that
/// ``ControlServer`` serves at `GET /metrics`. The daemon's services call these as things happen;
/// every metric exists (at 0) from the start, so dashboards and alerts see it before the first job.
package final class DaemonMetrics: Sendable {
    package let registry: PrometheusCollectorRegistry

    package enum Name {
        package static let jobsEnqueued = "sparkd_jobs_enqueued_total"
        package static let jobsFinished = "sparkd_jobs_finished_total"
        package static let jobDuration = "sparkd_job_duration_seconds"
        package static let queueDepth = "sparkd_queue_depth"
        package static let workersBusy = "sparkd_workers_busy"
        package static let pushToBranch = "sparkd_push_to_branch_seconds"
        package static let watchedRepositories = "sparkd_watched_repositories"
        package static let queueLooks = "sparkd_queue_looks_total"
    }

    private let queueDepth: Gauge
    private let workersBusy: Gauge
    private let watchedRepositories: Gauge
    private let jobDuration: DurationHistogram
    private let pushToBranch: DurationHistogram
    private let queueLooks: Counter

    /// Job durations run from milliseconds (a fixup) to an hour (a sharded migration).
    static let durationBuckets: [Duration] = [
        .milliseconds(100), .milliseconds(500), .seconds(1), .seconds(5), .seconds(15), .seconds(60), .seconds(300),
        .seconds(900), .seconds(3600),
    ]

    package init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        queueDepth = registry.makeGauge(name: Name.queueDepth, help: "Jobs queued and not yet claimed.")
        workersBusy = registry.makeGauge(name: Name.workersBusy, help: "Workers running a job.")
        watchedRepositories = registry.makeGauge(name: Name.watchedRepositories, help: "Repositories being watched.")
        jobDuration = registry.makeDurationHistogram(
            name: Name.jobDuration, buckets: Self.durationBuckets, help: "Time from claim to a job's final state.")
        pushToBranch = registry.makeDurationHistogram(
            name: Name.pushToBranch, buckets: Self.durationBuckets,
            help: "Time from a push to a watched branch to its review branch being written.")
        queueLooks = registry.makeCounter(
            name: Name.queueLooks, help: "Times a worker asked the queue for a due job (an idle daemon does not).")
        for trigger in ["manual", "push", "nightly"] { _ = enqueuedCounter(trigger) }
        for state in JobState.allCases where state.isFinal { _ = finishedCounter(state) }
    }

    /// A job was queued (not counted for a deduplicated request).
    package func jobEnqueued(trigger: String) { enqueuedCounter(trigger).increment() }

    /// A job reached final `state` after `duration` of work.
    package func jobFinished(state: JobState, duration: Duration?) {
        finishedCounter(state).increment()
        if let duration { jobDuration.record(duration) }
    }

    package func setQueueDepth(_ jobs: Int) { queueDepth.set(Double(jobs)) }
    package func setBusyWorkers(_ workers: Int) { workersBusy.set(Double(workers)) }
    package func setWatchedRepositories(_ repositories: Int) { watchedRepositories.set(Double(repositories)) }
    package func queueLooked() { queueLooks.increment() }
    /// From the push the watcher saw to the review branch's ref update.
    package func recordPushToBranch(_ latency: Duration) { pushToBranch.record(latency) }

    /// The text exposition format, as served at `/metrics`.
    package func exposition() -> String { registry.emitToString() }

    private func enqueuedCounter(_ trigger: String) -> Counter {
        registry.makeCounter(name: Name.jobsEnqueued, labels: [("trigger", trigger)], help: "Jobs queued, by trigger.")
    }

    private func finishedCounter(_ state: JobState) -> Counter {
        registry.makeCounter(name: Name.jobsFinished, labels: [("state", state.rawValue)], help: "Jobs finished, by final state.")
    }
}
