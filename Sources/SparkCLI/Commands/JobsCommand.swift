internal import ArgumentParser
internal import ControlAPI

/// `sparkctl jobs`: the daemon's jobs, newest first.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "jobs", abstract: "List the daemon's jobs, newest first.")

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only jobs in this state (repeatable, or comma-separated): queued, running, succeeded, no-change, blocked, "
                + "failed, cancelled, superseded.", valueName: "state"))
    var state: [String] = []

    @Option(name: .long, help: "At most this many jobs (1 to 1000).")
    var limit: Int = 50

    @OptionGroup var control: ControlOptions

    func validate() throws {
        guard (1...1000).contains(limit) else { throw ValidationError("--limit must be from 1 to 1000, not \(limit)") }
    }

    /// `--json` prints `{"jobs": [...]}`: an object, so fields can be added without breaking readers.
    struct Listing: Encodable {
        var jobs: [JobSummary]
    }

    func run() async throws {
        let states = state.flatMap { $0.split(separator: ",").map(String.init) }
        try control.run { client in
            let jobs = try client.jobs(states: states, limit: limit)
            if control.json { return try ControlOutput.json(Listing(jobs: jobs)) }
            print(jobs.isEmpty ? "no jobs" + (states.isEmpty ? "" : " in state " + states.joined(separator: ", ")) : ControlOutput.jobsTable(jobs))
        }
    }
}
