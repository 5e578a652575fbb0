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
public enum Command {
    /// Runs `arguments` (looked up on PATH) and returns its status and output.
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
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin))
            try input.fileHandleForWriting.close()
        }
        // Read both pipes concurrently so a chatty child cannot block on a full pipe.
        let errBox = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let errData = errBox.data
        return CommandResult(
            status: process.terminationStatus, stdoutBytes: Array(outData), stderrBytes: Array(errData))
    }

    /// Runs `arguments` and throws `CommandError` unless it exits 0; returns standard output.
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

private final class DataBox: @unchecked Sendable {
    var data = Data()
}
