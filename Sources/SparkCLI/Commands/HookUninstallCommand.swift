internal import ArgumentParser
internal import Foundation

/// `sparkctl hook uninstall`: removes sparkd's pre-commit hook (only ours) and puts back a hook
/// that `install --chain` kept.
struct HookUninstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall",
        abstract: "Remove sparkd's pre-commit hook (restoring a chained one).",
        discussion: "A pre-commit hook sparkd did not write is left alone (exit 1). No hook at all: nothing to do (exit 0).")

    @Option(name: .long, help: "The repository.")
    var repo: String = "."

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    struct Result: Encodable {
        var hook: String
        var action: String
    }

    func run() throws {
        let (_, hook, chained) = try HookScript.paths(repository: repo, json: json)
        var action: String
        do {
            guard let ours = try HookScript.isOurs(hookAt: hook) else {
                action = "not installed"
                return finish(hook: hook, action: action)
            }
            guard ours else {
                throw HookError(
                    .foreignHook, "\(hook) was not written by sparkd; left it alone", subject: hook,
                    hint: "remove it by hand if you mean to")
            }
            if HookScript.isPresent(chained) {
                guard rename(chained, hook) == 0 else {
                    throw HookError.io("cannot move \(chained) back to \(hook)", subject: hook)
                }
                action = "removed (restored the chained hook)"
            } else {
                guard unlink(hook) == 0 else {
                    throw HookError.io("cannot remove \(hook)", subject: hook)
                }
                action = "removed"
            }
        } catch {
            throw ErrorReport.exit(for: error, json: json)
        }
        finish(hook: hook, action: action)
    }

    private func finish(hook: String, action: String) {
        if json {
            try? JSONOutput.print(Result(hook: hook, action: action))
        } else {
            print("sparkd pre-commit hook \(action): \(hook)")
        }
    }
}
