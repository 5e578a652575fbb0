internal import ArgumentParser
internal import Foundation
internal import WSESim

/// Reports a ``WSEError`` as every command does (message and hint on standard error; under
/// `--json` also `{"error": {...}}` on standard output) and returns exit status 2: every
/// simulator error is bad input the user can fix.
enum WSEErrorReport {
    struct Body: Encodable {
        var code: String
        var message: String
        var subject: String?
        var hint: String?
        var exitStatus: Int32

        enum CodingKeys: String, CodingKey {
            case code, message, subject, hint
            case exitStatus = "exit_status"
        }
    }

    static func exit(for error: WSEError, json: Bool) -> ExitCode {
        FileHandle.standardError.write(Data("sparkctl: error: \(error)\n".utf8))
        if json {
            let subject = [error.path, error.key.map { $0.hasPrefix("--") ? "option \($0)" : "key '\($0)'" }].compactMap { $0 }.joined(separator: ": ")
            try? JSONOutput.print([
                "error": Body(
                    code: error.code.rawValue, message: error.message, subject: subject.isEmpty ? nil : subject,
                    hint: error.hint, exitStatus: ExitStatus.usage)
            ])
        }
        return ExitCode(ExitStatus.usage)
    }
}
