internal import ArgumentParser
internal import FixupHook
internal import Foundation
internal import GitKit
internal import Recipes

/// `sparkctl fixup --staged`: what the pre-commit hook runs. Fixes the staged content of the
/// paths that differ from HEAD in the index (or `$GIT_INDEX_FILE`), never losing an unstaged
/// byte (``StagedFixup``).
struct FixupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fixup",
        abstract: "Fix the staged content of a commit in the index (what the pre-commit hook runs), or write fixup! commits for pushed work.",
        discussion: """
            Runs the repository's pre-commit recipes (.sparkd.yml rules with on: [pre-commit], read \
            from the index; without any, fixup/trailing-whitespace, fixup/end-of-file and \
            fixup/mixed-line-ending) on the staged blobs of the paths that differ from HEAD, and \
            updates only those index entries ($GIT_INDEX_FILE is respected). A working-tree file gets \
            the fix only when it equals the staged content, or when a three-way merge carries the \
            fix into its unstaged edits cleanly; otherwise it keeps its bytes and is named. Binary, \
            conflicted, intent-to-add and filtered (filter= attribute) paths are skipped. Never \
            stashes, never checks out.

            --mode fix (default): exit 0, the commit proceeds with the fixed content. --mode check: \
            change nothing, show what would change, exit 1 when something would. An unexpected \
            failure of the fixup itself (a locked index, a broken .sparkd.yml) is a warning and \
            exit 0, so the hook never blocks a commit because of its own problem, unless \
            .sparkd.yml sets hook: { fail_on_error: true } (then 1, or 2 for a configuration error). \
            Exit 2 for a usage error.

            --commits BASE..HEAD (review mode for pushed work): the same recipes (.sparkd.yml read from \
            HEAD's commit; its fixup_commits: { recipes: [...] } when it names them) run on every file \
            BASE..HEAD changed, as it is at HEAD. Each fixed hunk goes \
            to the commit of the range that last touched its lines (as git absorb does); lines older \
            than BASE are reported as pre-existing and left alone. On top of HEAD, one "fixup! \
            <subject>" commit per target commit (oldest first; "fixup! <id>" when subjects repeat) lands \
            on spark/fixup/<HEAD's branch> (or --branch); `git rebase -i --autosquash BASE` folds them \
            in. A fix that would make that rebase conflict goes to the later commit it collides with. \
            HEAD, the index and the working tree are never touched; a branch with a commit sparkd did \
            not make is never overwritten (exit 1). Merge commits in the range are refused (exit 2). \
            Nothing to fix: no branch, exit 0. --mode check writes nothing and exits 1 when something \
            would be fixed.
            """)

    enum Mode: String, ExpressibleByArgument, CaseIterable {
        case fix, check
    }

    @Flag(name: .long, help: "Fix what is staged for the next commit.")
    var staged = false

    @Option(name: .long, help: ArgumentHelp("Review pushed work: write fixup! commits for the commits of BASE..HEAD onto a review branch.", valueName: "BASE..HEAD"))
    var commits: String?

    @Option(name: .long, help: "With --commits: the review branch to write (default: spark/fixup/<HEAD's branch>).")
    var branch: String?

    @Option(name: .long, help: "The repository's working tree.")
    var repo: String = "."

    @Option(name: .long, help: "fix: update the index and let the commit proceed; check: only report, exit 1 when something would change.")
    var mode: Mode = .fix

    @Flag(name: .long, help: "Print the full report as JSON.")
    var json = false

    func validate() throws {
        if staged == (commits != nil) {
            throw ValidationError("give --staged (fix what is staged for the next commit) or --commits BASE..HEAD (fixup! commits for pushed work)")
        }
        if branch != nil, commits == nil { throw ValidationError("--branch goes with --commits") }
    }

    func run() throws {
        if let commits { return try runCommits(commits) }
        let repository: Repository
        let index: StagedIndex
        do {
            repository = try Repository.open(at: repo)
            index = try repository.openIndex()
        } catch {
            throw ErrorReport.exit(for: error, json: json)
        }
        let configuration: PreCommitConfiguration
        do {
            configuration = try FixupConfiguration.read(from: repository, index: index)
        } catch {
            // Nothing tells us whether to block: the file that would say so is the broken one.
            warn("\(error)\n  the commit proceeds without sparkd's fixups; fix \(FixupConfiguration.fileName)")
            if json { try? JSONOutput.print(["error": ["code": "config", "message": "\(error)"]]) }
            return
        }
        do {
            let plans = try FixupConfiguration.plans(configuration, repository: repository)
            let fixup = StagedFixup(repository: repository, plans: plans, mode: mode == .fix ? .fix : .check)
            let report = try fixup.run(index: index)
            if json {
                try JSONOutput.print(report)
            } else {
                for line in report.humanLines { print(line) }
            }
            for warning in report.warnings { warn(warning) }
            if mode == .check && report.changed > 0 { throw ExitCode(ExitStatus.failure) }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            guard configuration.failOnError else {
                warn("\(error)\n  the commit proceeds without sparkd's fixups (hook: { fail_on_error: true } in .sparkd.yml blocks it instead)")
                if json { try? JSONOutput.print(["error": ["code": "\(type(of: error))", "message": "\(error)"]]) }
                return
            }
            throw ErrorReport.exit(for: error, json: json)
        }
    }

    private func warn(_ message: String) {
        FileHandle.standardError.write(Data("sparkctl: warning: \(message)\n".utf8))
    }
}
