import Foundation
import JobQueue
import TestSupport

/// A watched repository, a state directory and a configuration file in a temporary directory,
/// for driving the real `sparkd` binary.
struct DaemonFixture {
    let directory: TemporaryDirectory
    let repo: GitFixture
    let stateDirectory: String
    let configPath: String

    /// A repository with one commit holding `files`, and a configuration watching `main` with
    /// `rules` (YAML flow mappings such as `{ id: fixup/trailing-whitespace, on: [push] }`).
    init(
        files: [String: String] = ["a.txt": "trailing   \nclean\n", "b.md": "no newline at end"],
        rules: [String] = ["{ id: fixup/trailing-whitespace, on: [push, nightly] }", "{ id: fixup/end-of-file, on: [push] }"],
        extra: String = "", repositoryExtra: String = ""
    ) async throws {
        directory = try TemporaryDirectory("sparkd-daemon")
        repo = try await GitFixture.create(at: directory.path + "/repo")
        try await repo.commit(files, message: "initial")
        stateDirectory = directory.path + "/state"
        configPath = directory.path + "/sparkd.yml"
        try writeConfig(rules: rules, extra: extra, repositoryExtra: repositoryExtra)
    }

    func writeConfig(rules: [String], extra: String = "", repositoryExtra: String = "", branches: [String] = ["main"]) throws {
        let text = """
            state_dir: \(stateDirectory)
            workers: 2
            identity: { name: sparkd, email: sparkd@localhost }
            \(extra)
            repositories:
              - path: \(repo.path)
                branches: [\(branches.joined(separator: ", "))]
            \(repositoryExtra)
                recipes:
            \(rules.map { "      - \($0)" }.joined(separator: "\n"))

            """
        try text.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    /// `sparkd --once` to its end.
    func once() async throws -> CommandResult {
        try await SparkdProcess.run(config: configPath, ["--once"])
    }

    func start(_ arguments: [String] = [], log: String = "sparkd.log", environment: [String: String] = [:]) -> SparkdProcess? {
        try? SparkdProcess(config: configPath, arguments: arguments, logPath: directory.path + "/" + log, environment: environment)
    }

    /// The job store the daemon writes (a real SQLite file, opened as a second process would).
    func store() throws -> JobStore { try JobStore(path: stateDirectory + "/jobs.sqlite") }

    func branchTip(_ name: String) async -> String? {
        try? await repo.git("rev-parse", "--verify", "-q", "refs/heads/\(name)")
    }

    func branches() async throws -> [String] {
        try await repo.git("for-each-ref", "--format=%(refname:short)", "refs/heads/").split(separator: "\n").map(String.init)
    }
}
