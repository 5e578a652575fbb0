/// `GET /v1/status`: what the daemon is, how busy it is, and how its repositories are doing.
package struct StatusResponse: Codable, Sendable, Hashable {
    /// Busy and configured workers.
    package struct Workers: Codable, Sendable, Hashable {
        package var busy: Int
        package var total: Int

        package init(busy: Int, total: Int) {
            self.busy = busy
            self.total = total
        }
    }

    /// One configured repository and whether the daemon is watching it.
    package struct Repository: Codable, Sendable, Hashable {
        package var path: String
        /// `watching`, `disabled` (a configuration problem; see `error`), or `error` (watching failed).
        package var state: String
        package var branches: [String]
        package var error: String?

        package init(path: String, state: String, branches: [String] = [], error: String? = nil) {
            self.path = path
            self.state = state
            self.branches = branches
            self.error = error
        }
    }

    package var version: String
    package var pid: Int32
    package var uptimeSeconds: Double
    package var workers: Workers
    /// Jobs per state (`queued`, `running`, `succeeded`, `no-change`, …); states with no job are 0.
    package var jobs: [String: Int]
    package var repositories: [Repository]

    package init(
        version: String, pid: Int32, uptimeSeconds: Double, workers: Workers, jobs: [String: Int],
        repositories: [Repository]
    ) {
        self.version = version
        self.pid = pid
        self.uptimeSeconds = uptimeSeconds
        self.workers = workers
        self.jobs = jobs
        self.repositories = repositories
    }

    enum CodingKeys: String, CodingKey {
        case version, pid, workers, jobs, repositories
        case uptimeSeconds = "uptime_seconds"
    }
}
