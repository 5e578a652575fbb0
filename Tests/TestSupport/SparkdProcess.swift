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

    /// Waits for the process to exit; its status, or nil after `timeout` seconds.
    public func waitForExit(timeout: Double = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
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

/// Polls `condition` every 10 ms until it holds or `timeout` seconds pass; whether it held.
public func eventually(timeout: Double = 20, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if try condition() { return true }
        usleep(10_000)
    }
    return try condition()
}
