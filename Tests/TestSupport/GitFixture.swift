import Executors
import Foundation

/// Real git repositories made with the `git` command line, for tests.
public struct GitFixture: Sendable {
    public let path: String

    /// A fixed identity and environment, so fixtures are reproducible and never read the user's config.
    public static let environment: [String: String] = [
        "GIT_AUTHOR_NAME": "Fixture Author", "GIT_AUTHOR_EMAIL": "author@example.com",
        "GIT_COMMITTER_NAME": "Fixture Committer", "GIT_COMMITTER_EMAIL": "committer@example.com",
        "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
    ]

    public init(path: String) { self.path = path }

    /// `git init` at `path` (bare if asked), with `main` as the initial branch.
    public static func create(at path: String, bare: Bool = false) async throws -> GitFixture {
        try await TestThreads.executor.run { try create(at: path, bare: bare) }
    }

    @available(*, noasync, message: "runs git to its end on this thread: use the async overload")
    public static func create(at path: String, bare: Bool = false) throws -> GitFixture {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        var args = ["git", "init", "-q", "-b", "main"]
        if bare { args.append("--bare") }
        try Command.check(args + [path], environment: environment)
        return GitFixture(path: path)
    }

    /// Runs git in the repository and returns its trimmed standard output.
    @discardableResult
    public func git(_ arguments: String..., environment extra: [String: String] = [:]) async throws -> String {
        try await git(arguments, environment: extra)
    }

    @discardableResult
    public func git(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> String {
        try await TestThreads.executor.run { try git(arguments, environment: extra) }
    }

    @available(*, noasync, message: "runs git to its end on this thread: use the async overload")
    @discardableResult
    public func git(_ arguments: String..., environment extra: [String: String] = [:]) throws -> String {
        try git(arguments, environment: extra)
    }

    @available(*, noasync, message: "runs git to its end on this thread: use the async overload")
    @discardableResult
    public func git(_ arguments: [String], environment extra: [String: String] = [:]) throws -> String {
        let env = Self.environment.merging(extra) { _, new in new }
        return try Command.check(["git", "-C", path] + arguments, environment: env)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Writes files into the working tree.
    public func write(_ files: [String: [UInt8]]) throws {
        for (relative, bytes) in files {
            let full = (path as NSString).appendingPathComponent(relative)
            try FileManager.default.createDirectory(
                atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: full))
        }
    }

    public func write(_ files: [String: String]) throws {
        try write(files.mapValues { Array($0.utf8) })
    }

    /// Writes files, stages everything and commits; returns the new commit id.
    @discardableResult
    public func commit(_ files: [String: String], message: String = "fixture commit") async throws -> String {
        try await TestThreads.executor.run { try commit(files, message: message) }
    }

    @available(*, noasync, message: "runs git to its end on this thread: use the async overload")
    @discardableResult
    public func commit(_ files: [String: String], message: String = "fixture commit") throws -> String {
        try write(files)
        try git("add", "-A")
        try git("commit", "-q", "--allow-empty", "-m", message)
        return try git("rev-parse", "HEAD")
    }

    /// The bytes of a file in the working tree.
    public func read(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: (path as NSString).appendingPathComponent(relative))))
    }

    /// The bytes of `path` at `revision`, read with `git cat-file`.
    public func show(_ revision: String, _ file: String) async throws -> [UInt8] {
        try await TestThreads.executor.run { try show(revision, file) }
    }

    @available(*, noasync, message: "runs git to its end on this thread: use the async overload")
    public func show(_ revision: String, _ file: String) throws -> [UInt8] {
        let env = Self.environment
        let result = try Command.run(["git", "-C", path, "cat-file", "blob", "\(revision):\(file)"], environment: env)
        guard result.status == 0 else {
            throw CommandError(command: ["git", "cat-file"], status: result.status, stdout: "", stderr: result.stderr)
        }
        return result.stdoutBytes
    }
}
