internal import ArgumentParser
internal import ControlAPI
internal import Diagnostics
internal import Foundation
internal import GitKit
internal import Recipes
internal import SparkEngine
internal import WSESim

/// Reports a failed command: the message (with its hint) on standard error and, under `--json`,
/// `{"error": {...}}` on standard output; returns the exit status to leave with.
enum ErrorReport {
    struct Body: Encodable {
        var code: String
        var message: String
        var subject: String?
        var hint: String?
        /// Nil where the error is a part of a report, not how the command ended.
        var exitStatus: Int32?

        enum CodingKeys: String, CodingKey {
            case code, message, subject, hint
            case exitStatus = "exit_status"
        }
    }

    static func exit(for error: any Error, json: Bool) -> ExitCode {
        let status = ExitStatus.of(error)
        FileHandle.standardError.write(Data("sparkctl: error: \(error)\n".utf8))
        if json { try? JSONOutput.print(["error": body(error, status: status)]) }
        return ExitCode(status)
    }

    /// The error's parts as the JSON documents spell them.
    static func body(_ error: any Error, status: Int32? = nil) -> Body {
        switch error {
        case let error as ControlClientError:
            // The daemon's own code (`not_found`, `conflict`) when it answered, else ours (`no_daemon`).
            return Body(
                code: error.daemonCode ?? error.code.rawValue, message: error.message, subject: error.socketPath, hint: error.hint,
                exitStatus: status)
        case let error as GitError:
            return body(error, subject: error.subject, status: status)
        case let error as HookError:
            return body(error, subject: error.subject, status: status)
        case let error as any DiagnosticError:
            // `file:line:column` of a recipe, `path: key '…'` of a simulator file, or nothing.
            return body(error, subject: error.location, status: status)
        default:
            return Body(code: "\(type(of: error))", message: "\(error)", exitStatus: status)
        }
    }

    /// The code, message and hint of `error`, about `subject` (a path, a position).
    private static func body(_ error: some DiagnosticError, subject: String?, status: Int32?) -> Body {
        Body(code: error.code.rawValue, message: error.message, subject: subject, hint: error.hint, exitStatus: status)
    }
}
