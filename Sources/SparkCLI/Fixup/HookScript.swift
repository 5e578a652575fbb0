internal import FixupHook
internal import Foundation
internal import GitKit

/// The `pre-commit` hook `sparkctl hook install` writes, and how to tell it from a foreign one.
enum HookScript {
    /// The line that marks a hook as ours: `hook install` replaces and `hook uninstall` removes
    /// only files that contain it.
    static let marker = "# sparkd pre-commit hook"
    static let hookName = "pre-commit"
    /// A foreign hook kept by `--chain`: ours runs it first and stops the commit if it fails.
    static let chainedName = "pre-commit.sparkd-chained"

    /// `sparkd-hook`'s file name, beside sparkctl.
    static let hookExecutableName = "sparkd-hook"

    /// Whether the hook at `hook` is sparkd's — a symbolic link to a `sparkd-hook` (even one
    /// that no longer exists) or a script with ``marker`` — or nil when there is no hook.
    static func isOurs(hookAt hook: String) throws -> Bool? {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: hook) {
            return (target as NSString).lastPathComponent == hookExecutableName
        }
        guard FileManager.default.fileExists(atPath: hook) else { return nil }
        return isOurs(String(decoding: try Data(contentsOf: URL(fileURLWithPath: hook)), as: UTF8.self))
    }

    /// Writes the hook: for `--mode fix` without a chained hook, a symbolic link to
    /// `sparkd-hook` (git runs it directly: no shell to start, 0.5 ms of a 5 ms budget, DESIGN.md);
    /// otherwise, or without sparkd-hook, the `#!/bin/sh` script of ``text(executable:arguments:chained:)``.
    static func install(at hook: String, mode: String, chained: Bool) throws {
        let (executable, arguments) = command(mode: mode)
        if !chained, mode == "fix", (executable as NSString).lastPathComponent == hookExecutableName {
            try replace(hook) { temporary in symlink(executable, temporary) == 0 }
        } else {
            let script = Data(text(executable: executable, arguments: arguments, chained: chained).utf8)
            try replace(hook) { temporary in
                FileManager.default.createFile(atPath: temporary, contents: script) && chmod(temporary, 0o755) == 0
            }
        }
    }

    static func isOurs(_ text: String) -> Bool {
        text.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == marker }
    }

    /// What the hook runs: `sparkd-hook --mode MODE` when it is installed beside this sparkctl
    /// (the same fixup without sparkctl's start-up cost), else `sparkctl fixup --staged`.
    static func command(mode: String) -> (executable: String, arguments: [String]) {
        let sparkctl = runningExecutablePath()
        let hook = (sparkctl as NSString).deletingLastPathComponent + "/" + hookExecutableName
        if access(hook, X_OK) == 0 { return (hook, ["--mode", mode]) }
        return (sparkctl, ["fixup", "--staged", "--mode", mode])
    }

    /// A `#!/bin/sh` script that runs the chained hook (when `chained`), then `executable`
    /// with `arguments` (``command(mode:)``). A missing executable is a warning, not a blocked
    /// commit.
    static func text(executable: String, arguments: [String], chained: Bool) -> String {
        let quoted = shellQuoted(executable)
        var lines = [
            "#!/bin/sh",
            marker,
            "# Written by `sparkctl hook install`; `sparkctl hook uninstall` removes it.",
            "# Fixes the staged content of the commit in the index; unstaged edits are never lost.",
        ]
        if chained {
            lines += [
                "chained=\"$(dirname \"$0\")/\(chainedName)\"",
                "if [ -x \"$chained\" ]; then",
                "    \"$chained\" \"$@\" || exit $?",
                "fi",
            ]
        }
        lines += [
            "if [ ! -x \(quoted) ]; then",
            "    echo \"sparkd: warning: \(executable.replacingOccurrences(of: "\"", with: "\\\"")) is missing; commit not fixed (reinstall with sparkctl hook install)\" >&2",
            "    exit 0",
            "fi",
            "exec " + ([quoted] + arguments.map(shellQuoted)).joined(separator: " "),
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// Where git runs `repository`'s hooks from (`core.hooksPath` or the common directory's
    /// `hooks/`), sparkd's hook and the chained one in it; a repository that does not open is
    /// reported as the commands report errors.
    static func paths(repository: String, json: Bool) throws -> (directory: String, hook: String, chained: String) {
        let directory: String
        do {
            directory = try Repository.open(at: repository).hooksDirectory()
        } catch {
            throw ErrorReport.exit(for: error, json: json)
        }
        return (directory, directory + "/" + hookName, directory + "/" + chainedName)
    }

    /// Whether anything is at `path`, a dangling symbolic link included.
    static func isPresent(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Makes the new hook beside the old one with `create` (given the temporary path; false with
    /// `errno` set on failure) and renames it over `hook`, so git sees the old hook or the new.
    private static func replace(_ hook: String, create: (String) -> Bool) throws {
        let temporary = hook + ".sparkd-\(getpid())"
        unlink(temporary)
        guard create(temporary), rename(temporary, hook) == 0 else {
            let error = HookError.io("cannot write \(hook)", subject: hook)
            unlink(temporary)
            throw error
        }
    }
}
