package import Executors
import Foundation

/// A command that exited with a non-zero status.
public struct CommandError: Error, CustomStringConvertible {
    public let command: [String]
    public let status: Int32
    public let stdout: String
    public let stderr: String

    public init(command: [String], status: Int32, stdout: String, stderr: String) {
        self.command = command
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }

    public var description: String {
        "`\(command.joined(separator: " "))` exited \(status)\nstdout: \(stdout)\nstderr: \(stderr)"
    }
}

/// The result of running a real process.
public struct CommandResult: Sendable {
    public let status: Int32
    public let stdoutBytes: [UInt8]
    public let stderrBytes: [UInt8]
    public var stdout: String { String(decoding: stdoutBytes, as: UTF8.self) }
    public var stderr: String { String(decoding: stderrBytes, as: UTF8.self) }
}

/// Runs real processes (git, python, the built binaries) for tests.
///
/// From async code (every test body) the `async` overloads run the process on a thread of
/// ``TestThreads``, so a test waiting for a child never holds a thread of Swift's cooperative
/// pool; the synchronous ones are `noasync`, for code already on such a thread (an
/// ``eventually`` condition, ``offPool``).
public enum Command {
    /// Runs `arguments` (looked up on PATH) and returns its status and output.
    public static func run(
        _ arguments: [String], in directory: String? = nil,
        environment: [String: String] = [:], stdin: [UInt8]? = nil
    ) async throws -> CommandResult {
        try await TestThreads.executor.run { try run(arguments, in: directory, environment: environment, stdin: stdin) }
    }

    /// Runs `arguments` and throws `CommandError` unless it exits 0; returns standard output.
    @discardableResult
    public static func check(
        _ arguments: [String], in directory: String? = nil,
        environment: [String: String] = [:], stdin: [UInt8]? = nil
    ) async throws -> String {
        try await TestThreads.executor.run { try check(arguments, in: directory, environment: environment, stdin: stdin) }
    }

    @available(*, noasync, message: "blocks its thread until the process exits: use the async overload")
    public static func run(
        _ arguments: [String], in directory: String? = nil,
        environment: [String: String] = [:], stdin: [UInt8]? = nil
    ) throws -> CommandResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            writeAll(stdin, to: input.fileHandleForWriting.fileDescriptor)
            try input.fileHandleForWriting.close()
        }
        // Read both pipes at once so a chatty child cannot block on a full pipe: standard error
        // on a thread of its own (joined below), standard output on this one.
        let errBox = DataBox()
        let errReader = Thread {
            errBox.data = readToEnd(err.fileHandleForReading.fileDescriptor)
            errBox.done.signal()
        }
        errReader.start()
        let outData = readToEnd(out.fileHandleForReading.fileDescriptor)
        errBox.done.wait()
        process.waitUntilExit()
        let errData = errBox.data
        return CommandResult(
            status: process.terminationStatus, stdoutBytes: Array(outData), stderrBytes: Array(errData))
    }

    @available(*, noasync, message: "blocks its thread until the process exits: use the async overload")
    @discardableResult
    public static func check(
        _ arguments: [String], in directory: String? = nil,
        environment: [String: String] = [:], stdin: [UInt8]? = nil
    ) throws -> String {
        let result = try run(arguments, in: directory, environment: environment, stdin: stdin)
        guard result.status == 0 else {
            throw CommandError(
                command: arguments, status: result.status, stdout: result.stdout, stderr: result.stderr)
        }
        return result.stdout
    }
}

// FileHandle's readDataToEndOfFile and write trap when a signal interrupts the system call (EINTR,
// seen in a full test run); these retry instead.

/// Everything until end of file.
private func readToEnd(_ descriptor: Int32) -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count > 0 {
            data.append(contentsOf: buffer[0..<count])
        } else if count == 0 || errno != EINTR {
            return data
        }
    }
}

/// All of `bytes`, unless the reader went away.
private func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
    var offset = 0
    while offset < bytes.count {
        let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
        if count > 0 {
            offset += count
        } else if count < 0 && errno != EINTR {
            return
        }
    }
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
    let done = DispatchSemaphore(value: 0)
}

/// The threads tests run blocking work on: child processes waited for to their end, blocking
/// clients, polls. Four per core: when every test starts at once, hundreds of git processes
/// running together left each, and the test process itself, a sliver of the CPU (a three-process
/// `git commit` took 12 s); queued here, each runs at nearly full speed, in order, while the
/// cooperative pool stays free for the tests' timers.
public enum TestThreads {
    package static let executor = BlockingExecutor(
        label: "sparkd.tests", threads: 4 * Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}
