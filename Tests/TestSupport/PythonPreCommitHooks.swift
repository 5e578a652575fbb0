import Foundation
public import Testing

/// Runs the reference implementation, pre-commit-hooks 6.0.0, as a real process.
public enum PythonPreCommitHooks {
    static let version = "6.0.0"
    static let installHint = "run `pip install pre-commit-hooks==\(version)` (the Makefile's test target does this)"

    /// Records a failing issue and returns false unless `python3` can import
    /// pre-commit-hooks at exactly `version`.
    public static func isAvailable(sourceLocation: SourceLocation = #_sourceLocation) async -> Bool {
        guard let problem = await probe.value else { return true }
        Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation)
        return false
    }

    /// Why the reference cannot be run, or nil: python3 is asked once per test run, not per case.
    private static let probe = Task { () -> String? in
        let script = "import importlib.metadata, pre_commit_hooks; print(importlib.metadata.version('pre-commit-hooks'))"
        let result = try? await Command.run(["python3", "-c", script])
        guard let result, result.status == 0 else {
            let detail = result?.stderr ?? "python3 could not be run"
            return "python3 cannot import pre_commit_hooks, the reference for the differential tests; \(installHint). \(detail)"
        }
        let found = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard found == version else {
            return "python3 has pre-commit-hooks \(found), the differential tests need \(version); \(installHint)"
        }
        return nil
    }

    /// Runs `python3 -m pre_commit_hooks.<module> <arguments> <files>` in
    /// `directory` once over all files; returns its standard output lines. Exit
    /// status 0 and 1 are normal (1 means "something changed or was found").
    public static func run(module: String, arguments: [String], files: [String], in directory: String) async throws -> [String] {
        let command = command(module: module, arguments: arguments, files: files)
        let result = try await Command.run(command, in: directory)
        guard result.status == 0 || result.status == 1 else {
            throw CommandError(
                command: Array(command.prefix(4)), status: result.status, stdout: result.stdout,
                stderr: result.stderr)
        }
        return result.stdout.split(separator: "\n").map(String.init)
    }

    /// The command line of the hook `module` (`trailing_whitespace_fixer`, `end_of_file_fixer`,
    /// `mixed_line_ending`) over `files`, for callers that look at its exit status themselves.
    public static func command(module: String, arguments: [String], files: [String]) -> [String] {
        ["python3", "-m", "pre_commit_hooks.\(module)"] + arguments + files
    }
}
