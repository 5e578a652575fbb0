internal import ArgumentParser
internal import ControlAPI

/// `sparkctl status`: the running daemon, its workers, its queue and its repositories.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the running daemon: workers, job counts, watched repositories.")

    @OptionGroup var control: ControlOptions

    func run() async throws {
        try control.run { client in
            let status = try client.status()
            if control.json { return try ControlOutput.json(status) }
            var lines = [
                "sparkd \(status.version) (pid \(status.pid)), up \(ControlOutput.duration(status.uptimeSeconds))",
                "workers: \(status.workers.busy) of \(status.workers.total) busy",
            ]
            let order = ["queued", "running", "succeeded", "no-change", "blocked", "failed", "cancelled", "superseded"]
            let names = order.filter { status.jobs[$0] != nil } + status.jobs.keys.filter { !order.contains($0) }.sorted()
            let counts = names.compactMap { name in status.jobs[name].flatMap { $0 > 0 ? "\($0) \(name)" : nil } }
            lines.append("jobs: " + (counts.isEmpty ? "none" : counts.joined(separator: ", ")))
            if status.repositories.isEmpty {
                lines.append("repositories: none configured")
            } else {
                lines.append("")
                lines.append(
                    TextTable(headers: ["REPOSITORY", "STATE", "BRANCHES", "ERROR"]).render(
                        status.repositories.map { [$0.path, $0.state, $0.branches.joined(separator: ","), $0.error ?? ""] }))
            }
            print(lines.joined(separator: "\n"))
        }
    }
}
