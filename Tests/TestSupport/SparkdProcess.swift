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
    public func exit(timeout: Double = 30) async -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { try? await Task.sleep(for: .milliseconds(10)) }
        return process.isRunning ? nil : process.terminationStatus
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Runs `sparkd --config CONFIG ARGUMENTS` to its end (e.g. `--once`).
    public static func run(config: String, _ arguments: [String] = [], environment: [String: String] = [:]) throws -> CommandResult {
        var env = GitFixture.environment
        env.merge(environment) { _, new in new }
        return try Command.run([BuiltBinary.path("sparkd"), "--config", config] + arguments, environment: env)
    }
}

/// Polls `condition` every 20 ms until it holds or `timeout` seconds pass; whether it held.
/// Tests run concurrently on Swift's cooperative pool (one thread per core): a test that blocked a
/// pool thread while waiting — sleeping, or running `git` in its condition — would starve every
/// other test's timers. So the condition runs on a Dispatch thread and the wait is `Task.sleep`.
public func eventually(timeout: Double = 20, _ condition: @escaping @Sendable () throws -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if (try? await offPool(condition)) == true { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return (try? await offPool(condition)) == true
}

/// Runs blocking work (a child process to its end, a blocking client, a synchronous store) on a
/// thread of its own, so it never holds one of the cooperative pool's threads — nor one of
/// Dispatch's global queue, which runs only as many blocking items at once as there are cores:
/// tests waiting on child processes there starved each other's polls.
public func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.stackSize = 1 << 20
        thread.start()
    }
}

/// Blocks the calling thread, polling `condition` every 5 ms until it holds or `timeout` seconds
/// pass. Only for code inside ``offPool(_:)``: a test that must act within milliseconds of an
/// observation (kill the daemon while a job runs) does both on a thread of its own, where the
/// cooperative pool's backlog of other tests cannot delay it.
public func pollUntil(timeout: Double = 20, _ condition: () throws -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if (try? condition()) == true { return true }
        usleep(5_000)
    }
    return (try? condition()) == true
}
