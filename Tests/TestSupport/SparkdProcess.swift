import Executors
import Foundation

/// The real `sparkd` binary as a child process: started with a configuration file, its standard
/// error collected in a file, stopped with a real signal.
public final class SparkdProcess: @unchecked Sendable {
    let process = Process()
    public let logPath: String

    /// Starts `sparkd --config CONFIG ARGUMENTS`; its log goes to `logPath`.
    public init(config: String, arguments: [String] = [], logPath: String, environment: [String: String] = [:]) throws {
        self.logPath = logPath
        FileManager.default.createFile(atPath: logPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: BuiltBinary.path("sparkd"))
        process.arguments = ["--config", config] + arguments
        var env = ProcessInfo.processInfo.environment
        env.merge(GitFixture.environment) { _, new in new }
        env.merge(environment) { _, new in new }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    public var pid: Int32 { process.processIdentifier }

    public var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    public func signal(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits for the process to exit; its status, or nil after `timeout` seconds. Sleeps with
    /// `Task.sleep`, so a waiting test never holds one of the cooperative pool's few threads.
    public func exit(timeout: Double = 20) async -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { try? await Task.sleep(for: .milliseconds(10)) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// A daemon a test left running is killed; Foundation reaps it.
    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Runs `sparkd --config CONFIG ARGUMENTS` to its end (e.g. `--once`).
    public static func run(config: String, _ arguments: [String] = [], environment: [String: String] = [:]) async throws -> CommandResult {
        try await TestThreads.executor.run { try run(config: config, arguments, environment: environment) }
    }

    @available(*, noasync, message: "runs sparkd to its end on this thread: use the async overload")
    public static func run(config: String, _ arguments: [String] = [], environment: [String: String] = [:]) throws -> CommandResult {
        var env = GitFixture.environment
        env.merge(environment) { _, new in new }
        return try Command.run([BuiltBinary.path("sparkd"), "--config", config] + arguments, environment: env)
    }
}

/// Polls `condition` every 20 ms until it holds or `timeout` seconds pass; whether it held.
/// The condition may block (run `git`, read a database): it runs on a ``TestThreads`` thread, and
/// the wait between polls is `Task.sleep`, so no thread of the cooperative pool is held.
public func eventually(timeout: Double = 20, _ condition: @escaping @Sendable () throws -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if (try? await offPool(condition)) == true { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return (try? await offPool(condition)) == true
}

/// ``eventually(timeout:_:)`` for a condition that awaits (a ``JobQueue`` store, a client).
public func eventually(timeout: Double = 20, _ condition: @Sendable () async throws -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if (try? await condition()) == true { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return (try? await condition()) == true
}

/// Runs blocking work (a blocking client, several steps that must follow each other closely) on a
/// ``TestThreads`` thread, never on the cooperative pool.
public func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await TestThreads.executor.run(body)
}

/// Blocks the calling thread, polling `condition` every 5 ms until it holds or `timeout` seconds
/// pass. Only for code inside ``offPool(_:)``: a test that must act within milliseconds of an
/// observation (kill the daemon while a job runs) does both on a thread of its own, where the
/// cooperative pool's backlog of other tests cannot delay it.
@available(*, noasync, message: "blocks its thread: use eventually, or call it inside offPool")
public func pollUntil(timeout: Double = 20, _ condition: () throws -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if (try? condition()) == true { return true }
        usleep(5_000)
    }
    return (try? condition()) == true
}
