internal import ArgumentParser
internal import Foundation
internal import WSESim

/// `sparkctl wse profiles`: the named profiles `--profile` accepts, with their estimates.
struct WSEProfilesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "profiles", abstract: "List the simulator's profiles.")

    @Flag(name: .long, help: "Print JSON on standard output.")
    var json = false

    struct Row: Encodable {
        var name: String
        var summary: String
        var contextWindow: Int
        var estimate: Estimate

        enum CodingKeys: String, CodingKey {
            case name, summary, estimate
            case contextWindow = "context_window"
        }
    }

    func run() async throws {
        let rows = Profile.all.map {
            Row(name: $0.name, summary: $0.summary, contextWindow: $0.model.contextWindow, estimate: $0.model.estimate())
        }
        if json {
            try JSONOutput.print(rows)
            return
        }
        let width = rows.map(\.name.count).max() ?? 0
        for row in rows {
            print(
                row.name.padding(toLength: width, withPad: " ", startingAt: 0)
                    + String(format: "  %6.0f tok/s  %3d sessions @ %dK  ", row.estimate.decodeTokensPerSecond, row.estimate.maxSessions, row.contextWindow / 1024)
                    + row.summary)
        }
    }
}
