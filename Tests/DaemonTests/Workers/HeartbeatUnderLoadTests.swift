import Daemon
import Foundation
import JobQueue
import Logging
import TestSupport
import Testing

/// The workers' lease heartbeats keep their period while jobs do heavy work: a job's CPU and git
/// work run on dedicated threads, so the cooperative pool is free to wake a heartbeat on time.
@Suite("Heartbeats under load", .tags(.large))
struct HeartbeatUnderLoadTests {
    @Test("two 10,000-file jobs on two workers: no lease renewal comes later than twice the period")
    func heartbeatsHoldDuringLargeJobs() async throws {
        let directory = try TemporaryDirectory("sparkd-heartbeat")
        var repositories: [GitFixture] = []
        for name in ["one", "two"] {
            let repo = try await GitFixture.create(at: directory.path + "/" + name)
            var files: [String: String] = [:]
            for index in 0..<10_000 { files["src/\(index / 100)/file\(index).txt"] = "line \(index)   \nclean\n" }
            try await repo.commit(files, message: "10,000 files, each with trailing spaces")
            repositories.append(repo)
        }
        let state = directory.path + "/state"
        let config = try directory.write(
            "sparkd.yml",
            """
            state_dir: \(state)
            workers: 2
            repositories:
            \(repositories.map { "  - path: \($0.path)\n    recipes:\n      - { id: fixup/trailing-whitespace, on: [manual] }" }.joined(separator: "\n"))

            """)
        let setup = SetupHolder(try DaemonSetup.load(file: config))
        let store = try JobStore(path: state + "/jobs.sqlite")
        for repo in repositories {
            try await store.enqueue(
                JobRequest(
                    repository: repo.path, branch: "main", base: "main", recipes: ["fixup/trailing-whitespace"], trigger: "manual"))
        }
        var options = WorkerPool.Options(workers: 2)
        options.lease = 0.9
        options.exitWhenIdle = true
        let period = options.lease / 3
        let pool = WorkerPool(setup: setup, store: store, options: options, logger: Logger(label: "sparkd.test.heartbeat"))

        // Every lease expiry the store holds for a running job, polled every 10 ms while the jobs
        // run: each renewal writes now + lease, so successive values are the renewals' spacing.
        let seen = LeaseLog()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await pool.run() }
            group.addTask {
                while !Task.isCancelled {
                    for job in try await store.jobs(in: [.running]) {
                        if let expiry = job.leaseExpiresAt { seen.add(job.id, expiry) }
                    }
                    try? await Task.sleep(for: .milliseconds(10))
                }
            }
            try await group.next()
            group.cancelAll()
        }

        let jobs = try await store.jobs()
        #expect(jobs.count == 2 && jobs.allSatisfy { $0.state == .succeeded }, "\(jobs.map { ($0.state, $0.reason) })")
        let renewals = seen.expiries
        // The jobs run for seconds: each lease was renewed several times, so a late one shows.
        #expect(renewals.values.allSatisfy { $0.count >= 3 }, "renewals seen per job: \(renewals.mapValues(\.count))")
        for (id, expiries) in renewals {
            let gaps = zip(expiries.dropFirst(), expiries).map { $0.timeIntervalSince($1) }
            let longest = gaps.max() ?? 0
            #expect(longest <= 2 * period, "job \(id): a renewal came \(String(format: "%.3f", longest)) s after the one before (period \(period) s); gaps \(gaps.map { String(format: "%.2f", $0) })")
        }
    }
}

/// Distinct lease expiries per job, in the order they were seen.
private final class LeaseLog: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int64: [Date]] = [:]

    func add(_ job: Int64, _ expiry: Date) {
        lock.withLock {
            if values[job]?.last != expiry { values[job, default: []].append(expiry) }
        }
    }

    var expiries: [Int64: [Date]] { lock.withLock { values } }
}
