internal import ArgumentParser
internal import ControlAPI

/// `sparkctl cancel ID`: cancel a queued or running job.
struct CancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel", abstract: "Cancel a queued or running job (a running one publishes nothing).")

    @Argument(help: "The job id.")
    var id: Int64

    @OptionGroup var control: ControlOptions

    func run() async throws {
        try control.run { client in
            let job = try client.cancel(id)
            if control.json { return try ControlOutput.json(job) }
            print("job \(job.id): \(job.state)")
        }
    }
}
