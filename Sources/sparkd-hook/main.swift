// `sparkd-hook [--mode fix|check] [--repo PATH]`: what the pre-commit hook written by
// `sparkctl hook install` runs. The same fixup as `sparkctl fixup --staged` (``StagedFixup``),
// in a binary that links only what the fixup needs, statically (Package.swift): a commit waits
// for it, and the budget is 5 ms (DESIGN.md). sparkctl's start-up loads the Swift runtime and
// Foundation from 17 shared libraries and registers the swift-syntax rewriters.
//
// Only the common case runs here: a readable repository, a loadable configuration, a fixup that
// succeeds. Anything else — an unknown argument, `--json`, a broken `.sparkd.yml`, a recipe with
// `swift` steps (their rewriters live in sparkctl), a locked index — is handed to
// `sparkctl fixup --staged` beside this binary, which reports it with the full error handling
// (and `hook: { fail_on_error }`). Nothing has been written when that happens: StagedFixup
// throws only before it writes the index.
import FixupHook
import Foundation
import GitKit

/// The arguments this binary handles itself; nil for anything else (then sparkctl does).
struct HookArguments {
    var mode = StagedFixup.Mode.fix
    var repository = "."

    init?(_ arguments: [String]) {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--mode":
                guard let value = rest.popFirst(), let mode = StagedFixup.Mode(rawValue: value) else { return nil }
                self.mode = mode
            case "--repo":
                guard let value = rest.popFirst() else { return nil }
                repository = value
            default:
                return nil
            }
        }
    }
}

/// Runs `sparkctl fixup --staged ARGUMENTS` in this process's place; when there is no sparkctl
/// beside this binary, the commit proceeds without fixups and says why.
func handOver(_ arguments: [String], because problem: String) -> Never {
    let sparkctl = (runningExecutablePath() as NSString).deletingLastPathComponent + "/sparkctl"
    let argv = [sparkctl, "fixup", "--staged"] + arguments
    var cArguments = argv.map { strdup($0) }
    cArguments.append(nil)
    execv(sparkctl, cArguments)
    FileHandle.standardError.write(
        Data(
            "sparkd: warning: \(problem)\n  and \(sparkctl) cannot run (\(String(cString: strerror(errno)))); the commit proceeds without sparkd's fixups\n".utf8))
    exit(0)
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let options = HookArguments(arguments) else { handOver(arguments, because: "sparkd-hook does not take \(arguments)") }
// This binary is statically linked, glibc included. Without $HOME, libgit2 asks getpwuid_r for the
// home directory, which loads the system's NSS modules into it: safe only with the glibc it was
// built with. sparkctl, dynamically linked, does it safely.
if getenv("HOME") == nil { handOver(arguments, because: "HOME is not set") }
// git commit reads the staged blobs without checking their hashes, and so does the hook.
Repository.verifyObjectHashes(false)
do {
    let repository = try Repository.open(at: options.repository)
    let index = try repository.openIndex()
    let configuration = try FixupConfiguration.read(from: repository, index: index)
    // The recipes (their YAML: 0.7 ms) load once the staged paths are known; on another thread
    // while the blobs are read if there are many.
    let workingDirectory = repository.workingDirectory
    let fixup = StagedFixup(repository: repository, mode: options.mode) {
        try FixupConfiguration.plans(configuration, workingDirectory: workingDirectory)
    }
    let report = try fixup.run(index: index)
    for line in report.humanLines { print(line) }
    for warning in report.warnings { FileHandle.standardError.write(Data("sparkctl: warning: \(warning)\n".utf8)) }
    // Everything is written and closed; what exit() adds — atexit handlers and static
    // destructors of the runtime, Foundation and ICU — took 0.5 ms and changes nothing on disk.
    fflush(nil)
    _exit(options.mode == .check && report.changed > 0 ? 1 : 0)
} catch {
    handOver(arguments, because: "\(error)")
}
