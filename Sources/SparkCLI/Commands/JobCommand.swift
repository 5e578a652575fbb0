internal import ArgumentParser
internal import ControlAPI
internal import Foundation

/// `sparkctl job ID`: one job and its history.
struct JobCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "job", abstract: "Show one job and its history.")

    @Argument(help: "The job id (see `sparkctl jobs`).")
    var id: Int64

    @OptionGroup var control: ControlOptions

    func run() async throws {
        try control.run { client in
            let detail = try client.job(id)
            if control.json { return try ControlOutput.json(detail) }
            print(Self.render(detail))
        }
    }

    static func render(_ detail: JobDetail) -> String {
        let job = detail.job
        var fields: [(String, String)] = [
            ("state", job.state), ("repository", job.repository), ("branch", job.branch), ("base", job.base),
            ("recipes", job.recipes.joined(separator: ", ")),
        ]
        if let scope = job.scope { fields.append(("shard", scope.isEmpty ? "the files at the top level" : "\(scope)/")) }
        if let base = job.fixupBase { fields.append(("fixup! since", base)) }
        if !job.parameters.isEmpty {
            fields.append(("parameters", job.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")))
        }
        fields.append(("trigger", job.trigger))
        fields.append(("attempts", "\(job.attempts) of \(job.maxAttempts)"))
        if let reason = job.reason { fields.append(("reason", reason)) }
        if let branch = job.resultBranch { fields.append(("result", branch + (job.resultCommit.map { " @ \($0)" } ?? ""))) }
        if let superseded = job.supersededBy { fields.append(("superseded by", "job \(superseded)")) }
        fields.append(("created", ControlOutput.timestamp(job.createdAt)))
        if let finished = job.finishedAt { fields.append(("finished", ControlOutput.timestamp(finished))) }
        let width = fields.map(\.0.count).max() ?? 0
        var lines = ["job \(job.id)"] + fields.map { "  " + $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }
        lines.append("")
        lines.append(
            TextTable(headers: ["AT", "FROM", "TO", "WORKER", "DETAIL"]).render(
                detail.events.map { [ControlOutput.timestamp($0.at), $0.from ?? "-", $0.to, $0.worker ?? "", $0.detail ?? ""] }))
        return lines.joined(separator: "\n")
    }
}
