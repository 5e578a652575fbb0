internal import ArgumentParser
internal import ControlAPI

/// `sparkctl retry ID`: queue a failed, blocked or cancelled job again.
struct RetryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry", abstract: "Queue a failed, blocked or cancelled job again, with its attempts reset.")

    @Argument(help: "The job id.")
    var id: Int64

    @OptionGroup var control: ControlOptions

    func run() async throws {
        try control.run { client in
            let job = try client.retry(id)
            if control.json { return try ControlOutput.json(job) }
            print("job \(job.id): \(job.state) again")
        }
    }
}
