import Executors
import Foundation

/// The package's executables, built next to the test bundle by `swift build --build-tests`.
public enum BuiltBinary {
    public static func path(_ name: String) -> String {
        let bundle = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = (bundle as NSString).deletingLastPathComponent
        // The test runner may be the .xctest bundle itself or a helper inside it.
        while !directory.isEmpty, directory != "/" {
            let candidate = (directory as NSString).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = (directory as NSString).deletingLastPathComponent
        }
        return name
    }
}

/// Runs the real `sparkctl` binary built next to the test bundle (`swift build --build-tests`
/// builds it into the same directory).
public enum SparkctlBinary {
    public static var path: String { BuiltBinary.path("sparkctl") }

    /// Runs `sparkctl ARGUMENTS` with git's identity variables cleared, so commits take their
    /// identity from the repository configuration, as for a user.
    public static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> CommandResult {
        try await TestThreads.executor.run { try run(arguments, environment: environment) }
    }

    /// Runs with `--json` and decodes standard output.
    public static func json(_ arguments: [String], environment: [String: String] = [:]) async throws -> (CommandResult, [String: Any]) {
        let (result, object) = try await TestThreads.executor.run { () throws -> (CommandResult, JSONObject) in
            let (result, object) = try json(arguments, environment: environment)
            return (result, JSONObject(value: object))
        }
        return (result, object.value)
    }

    @available(*, noasync, message: "runs sparkctl to its end on this thread: use the async overload")
    public static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
        var env = GitFixture.environment
        for key in ["GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"] { env[key] = "" }
        env.merge(environment) { _, new in new }
        return try Command.run([path] + arguments, environment: env)
    }

    @available(*, noasync, message: "runs sparkctl to its end on this thread: use the async overload")
    public static func json(_ arguments: [String], environment: [String: String] = [:]) throws -> (CommandResult, [String: Any]) {
        let result = try run(arguments + ["--json"], environment: environment)
        do {
            let object = try JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any] ?? [:]
            return (result, object)
        } catch {
            // Say what the binary did instead of printing JSON (a crash, a message on stderr).
            throw CommandError(command: [path] + arguments + ["--json"], status: result.status, stdout: result.stdout, stderr: result.stderr)
        }
    }
}

/// A decoded JSON object crossing from a test thread to the awaiting task (JSONSerialization's
/// values are immutable once decoded).
private struct JSONObject: @unchecked Sendable {
    let value: [String: Any]
}
