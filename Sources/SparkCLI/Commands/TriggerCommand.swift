internal import ArgumentParser
internal import ControlAPI

/// `sparkctl trigger NAME`: run a trigger now (`nightly`, `push`, or a schedule's name).
struct TriggerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trigger", abstract: "Queue the jobs of a trigger now: nightly, push, or a schedule's name.")

    @Argument(help: "The trigger's name.")
    var name: String

    @OptionGroup var control: ControlOptions

    func run() async throws {
        try control.run { client in
            let response = try client.trigger(name)
            if control.json { return try ControlOutput.json(response) }
            let fresh = response.jobs.filter { !$0.deduplicated }.count
            print("trigger \(response.trigger): \(fresh) job\(fresh == 1 ? "" : "s") queued, \(response.jobs.count - fresh) already queued")
            if !response.jobs.isEmpty { print(ControlOutput.jobsTable(response.jobs.map(\.job))) }
        }
    }
}
