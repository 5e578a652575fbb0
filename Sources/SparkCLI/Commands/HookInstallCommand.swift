internal import ArgumentParser
internal import Diagnostics
internal import Foundation

/// `sparkctl hook install`: writes `pre-commit` into `core.hooksPath` or the common directory's
/// `hooks/`. A hook sparkd did not write is replaced only with `--force`, or kept and run first
/// with `--chain`.
struct HookInstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Write the pre-commit hook that runs sparkd-hook (sparkctl fixup --staged).",
        discussion: """
            The hook goes where git looks for it: core.hooksPath (relative to the working tree's \
            root) or the hooks/ directory shared by all worktrees. It runs sparkd-hook beside this \
            sparkctl (the same fixup as sparkctl fixup --staged, built to start in a few \
            milliseconds): with --mode fix and nothing chained the hook is a symbolic link to it, \
            which git runs without a shell; otherwise a small sh script calls it (or this sparkctl \
            when there is no sparkd-hook) by its absolute path. An existing hook that sparkd did not write is left alone (exit 1) unless \
            --force (replace it) or --chain (keep it as pre-commit.sparkd-chained and run it first; \
            uninstall puts it back). Re-installing sparkd's own hook updates it.
            """)

    @Option(name: .long, help: "The repository.")
    var repo: String = "."

    @Flag(name: .long, help: "Replace a pre-commit hook that sparkd did not write.")
    var force = false

    @Flag(name: .long, help: "Keep an existing foreign hook and run it before sparkd's fixups.")
    var chain = false

    @Option(name: .long, help: "What the hook runs: fix (update the commit) or check (fail when something would change).")
    var mode: FixupCommand.Mode = .fix

    @Flag(name: .long, help: "Print the result as JSON.")
    var json = false

    func validate() throws {
        if force && chain { throw ValidationError("give --force (replace the existing hook) or --chain (run it first), not both") }
    }

    struct Result: Encodable {
        var hook: String
        var action: String
        var chained: String?
    }

    func run() throws {
        let (hooks, hook, chained) = try HookScript.paths(repository: repo, json: json)
        let manager = FileManager.default
        var action = "installed"
        var chainedPath: String?
        do {
            try manager.createDirectory(atPath: hooks, withIntermediateDirectories: true)
            if HookScript.isPresent(chained) {
                chainedPath = chained
            }
            if let ours = try HookScript.isOurs(hookAt: hook) {
                if ours {
                    action = "updated"
                } else if chain {
                    guard chainedPath == nil else {
                        throw HookError(
                            .hookExists, "both a foreign \(hook) and \(chained) exist", subject: hook,
                            hint: "merge them by hand, or use --force to replace \(hook)")
                    }
                    guard rename(hook, chained) == 0 else {
                        throw HookError.io("cannot rename \(hook) to \(chained)", subject: hook)
                    }
                    chainedPath = chained
                    action = "installed (chained the existing hook)"
                } else if force {
                    action = "replaced"
                } else {
                    throw HookError(
                        .hookExists, "\(hook) exists and was not written by sparkd; left it alone", subject: hook,
                        hint: "use --chain to keep it and run it before sparkd's fixups, or --force to replace it")
                }
            }
            try HookScript.install(at: hook, mode: mode.rawValue, chained: chainedPath != nil)
        } catch {
            throw ErrorReport.exit(for: error, json: json)
        }
        if json {
            try JSONOutput.print(Result(hook: hook, action: action, chained: chainedPath))
        } else {
            print("sparkd pre-commit hook \(action): \(hook)")
        }
    }
}

/// A refused or failed hook change (exit 1): `hook_exists` (install met a hook sparkd did not
/// write), `foreign_hook` (uninstall met one), `hook_io` (a rename or removal failed).
struct HookError: DiagnosticError {
    enum Code: String {
        case hookExists = "hook_exists"
        case foreignHook = "foreign_hook"
        case io = "hook_io"
    }

    var code: Code
    var message: String
    /// The hook file concerned.
    var subject: String
    var hint: String?

    init(_ code: Code, _ message: String, subject: String, hint: String? = nil) {
        (self.code, self.message, self.subject, self.hint) = (code, message, subject, hint)
    }

    /// `message` with the system's reason for the last failed call (`errno`, read here: call it
    /// before anything else can change it).
    static func io(_ message: String, subject: String) -> HookError {
        HookError(
            .io, "\(message): \(String(cString: strerror(errno)))", subject: subject,
            hint: "check the permissions of \((subject as NSString).deletingLastPathComponent)")
    }
}
