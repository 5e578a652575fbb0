import Foundation
import TestSupport

/// A repository with sparkd's pre-commit hook installed, for the fixup tests.
struct HookedRepository {
    let directory: TemporaryDirectory
    let repo: GitFixture

    /// A repository whose first commit holds `files` (made without the hook), then the hook.
    init(_ files: [String: [UInt8]] = ["README.md": Array("hello\n".utf8)], install: Bool = true, config: [String] = []) async throws {
        directory = try TemporaryDirectory("sparkd-fixup")
        repo = try await GitFixture.create(at: directory.path + "/repo")
        for line in config {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            try await repo.git("config", parts[0], parts[1])
        }
        try repo.write(files)
        try await repo.git("add", "-A")
        try await repo.git("commit", "-q", "--allow-empty", "-m", "initial")
        if install { try await Self.install(in: repo) }
    }

    static func install(in repo: GitFixture, _ extra: [String] = []) async throws {
        let result = try await SparkctlBinary.run(["hook", "install", "--repo", repo.path] + extra)
        guard result.status == 0 else {
            throw CommandError(command: ["sparkctl", "hook", "install"], status: result.status, stdout: result.stdout, stderr: result.stderr)
        }
    }

    func write(_ path: String, _ text: String) throws { try repo.write([path: Array(text.utf8)]) }
    func write(_ path: String, _ bytes: [UInt8]) throws { try repo.write([path: bytes]) }
    func read(_ path: String) throws -> String { String(decoding: try repo.read(path), as: UTF8.self) }
    func committed(_ path: String, at revision: String = "HEAD") async throws -> String {
        String(decoding: try await repo.show(revision, path), as: UTF8.self)
    }
    func staged(_ path: String) async throws -> String { String(decoding: try await repo.show("", path), as: UTF8.self) }

    /// `git commit` with the hook, as a user runs it; returns the result. git sends a hook's
    /// standard output to its standard error: read the hook's report in `stderr`.
    @discardableResult
    func commit(_ extra: [String] = [], message: String = "change", environment: [String: String] = [:]) async throws -> CommandResult {
        try await Command.run(["git", "-C", repo.path, "commit", "-m", message] + extra, environment: GitFixture.environment.merging(environment) { _, new in new })
    }
}

/// `git cat-file --batch` for many objects in one process: the bytes of each spec (`HEAD:path`,
/// `:path`), nil for a missing one.
func catFile(_ repo: GitFixture, _ specs: [String], environment: [String: String] = [:]) async throws -> [String: [UInt8]] {
    guard !specs.isEmpty else { return [:] }
    let input = Array(specs.map { $0 + "\n" }.joined().utf8)
    let result = try await Command.run(
        ["git", "-C", repo.path, "cat-file", "--batch"], environment: GitFixture.environment.merging(environment) { _, new in new },
        stdin: input)
    var output = result.stdoutBytes[...]
    var contents: [String: [UInt8]] = [:]
    for spec in specs {
        guard let newline = output.firstIndex(of: 10) else { break }
        let header = String(decoding: output[output.startIndex..<newline], as: UTF8.self)
        output = output[(newline + 1)...]
        if header.hasSuffix(" missing") { continue }
        let size = Int(header.split(separator: " ").last ?? "0") ?? 0
        contents[spec] = Array(output.prefix(size))
        output = output.dropFirst(size + 1)
    }
    return contents
}

/// What a commit attempt must not change: HEAD, the staged content, the working files. (Not the
/// index file's bytes: `git commit` refreshes its stat data before running the hook.)
struct ContentState: Equatable {
    let head: String
    let staged: String
    let working: [String: [UInt8]]

    init(_ repo: GitFixture) async throws {
        head = try await repo.git("rev-parse", "HEAD")
        staged = try await repo.git("ls-files", "-s")
        working = try CheckoutState(repo).worktreeFiles
    }
}
