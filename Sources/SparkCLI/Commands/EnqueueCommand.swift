internal import ArgumentParser
internal import ControlAPI
internal import Foundation

/// `sparkctl enqueue`: ask the daemon to run recipes on a repository (a `manual` job).
struct EnqueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enqueue", abstract: "Queue a job on the daemon: recipes on one repository.")

    @Option(name: .long, help: ArgumentHelp("The repository (as configured in sparkd.yml).", valueName: "path"))
    var repo: String

    @Option(name: .long, help: ArgumentHelp("The watched branch (default: the repository's first).", valueName: "name"))
    var branch: String?

    @Option(name: .long, help: ArgumentHelp("The base revision (default: the branch's tip).", valueName: "rev"))
    var base: String?

    @Option(
        name: .customLong("recipe"),
        help: ArgumentHelp(
            "A recipe id (repeatable, applied in order); none: the repository's recipes marked 'on: [manual]'.", valueName: "id"))
    var recipes: [String] = []

    @Option(
        name: .customLong("param"),
        help: ArgumentHelp("A recipe parameter, NAME=VALUE or RECIPE:NAME=VALUE (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    @OptionGroup var control: ControlOptions

    func validate() throws {
        _ = try parameterMap()
    }

    func parameterMap() throws -> [String: String] {
        var map: [String: String] = [:]
        for parameter in parameters {
            guard let equals = parameter.firstIndex(of: "="), equals != parameter.startIndex else {
                throw ValidationError("--param '\(parameter)' is not NAME=VALUE")
            }
            map[String(parameter[..<equals])] = String(parameter[parameter.index(after: equals)...])
        }
        return map
    }

    func run() async throws {
        // The daemon runs in another directory: send an absolute path.
        let path = URL(fileURLWithPath: repo).standardizedFileURL.path
        let request = EnqueueRequest(
            repository: path, branch: branch, base: base, recipes: recipes, parameters: try parameterMap())
        try control.run { client in
            let response = try client.enqueue(request)
            if control.json { return try ControlOutput.json(response) }
            let job = response.job
            if response.deduplicated {
                print("job \(job.id) already does this (\(job.state)); follow it with 'sparkctl job \(job.id)'")
            } else {
                print("queued job \(job.id): \(job.recipes.joined(separator: ", ")) on \(job.repository) \(job.branch) @ \(ControlOutput.shortID(job.base))")
            }
            if !response.superseded.isEmpty {
                print("superseded: " + response.superseded.map { "job \($0)" }.joined(separator: ", "))
            }
        }
    }
}
