internal import ArgumentParser
internal import FixupHook
internal import Foundation
internal import GitKit
internal import Recipes
internal import SparkEngine

/// `sparkctl fixup --commits BASE..HEAD`: argument handling and printing around
/// ``FixupCommitsRunner`` (the logic lives in SparkEngine, which the daemon shares).
extension FixupCommand {
    func runCommits(_ text: String) throws {
        let report: FixupCommitsReport
        do {
            let range = try CommitRange.parse(text)
            let repository = try Repository.open(at: repo)
            // .sparkd.yml as HEAD has it; the runner resolves and checks the whole range.
            let configuration = try FixupConfiguration.read(from: repository, commit: try repository.resolveCommit(range.head)).forCommits
            let plans = try FixupConfiguration.plans(configuration, repository: repository)
            report = try FixupCommitsRunner.run(
                FixupCommitsRequest(range: range, plans: plans, branch: branch, checkOnly: mode == .check), in: repository)
        } catch {
            throw ErrorReport.exit(for: error, json: json)
        }
        if json { try JSONOutput.print(report) } else { print(Self.humanLines(report).joined(separator: "\n")) }
        if mode == .check, !report.fixups.isEmpty { throw ExitCode(ExitStatus.failure) }
    }

    static func humanLines(_ report: FixupCommitsReport) -> [String] {
        let range = "\(report.baseRevision)..\(report.headRevision)"
        var lines = [
            "sparkd: \(report.commitsInRange) commit\(report.commitsInRange == 1 ? "" : "s") in \(range) "
                + "(\(report.base.prefix(12))..\(report.head.prefix(12)))"
        ]
        func describe(_ files: [FixupCommitsReport.FixedLines]) -> String {
            files.map { file in
                let numbers = file.lines.map(String.init).joined(separator: ", ")
                let moved = file.movedLines.isEmpty ? "" : " (moved here from an earlier commit: \(file.movedLines.map(String.init).joined(separator: ", ")))"
                return "\(file.path) line\(file.lines.count == 1 ? "" : "s") \(numbers) [\(file.recipes.joined(separator: ", "))]\(moved)"
            }.joined(separator: "; ")
        }
        for fixup in report.fixups {
            let written = fixup.commit.map { String($0.prefix(12)) + " " } ?? ""
            lines.append("  \(written)\(fixup.subject)")
            lines.append("    → \(fixup.target.prefix(12)) \"\(fixup.targetSubject)\": \(describe(fixup.files))")
        }
        if !report.preExisting.isEmpty {
            lines.append("pre-existing, older than \(report.baseRevision), left alone: \(describe(report.preExisting))")
        }
        for file in report.skipped { lines.append("skipped \(file.path) (\(file.reason))") }
        let count = "\(report.fixups.count) fixup! commit\(report.fixups.count == 1 ? "" : "s")"
        switch report.branchAction {
        case .none: lines.append("nothing to fix: no branch written")
        case .deleted: lines.append("nothing to fix: removed \(report.branch), sparkd's fixups of an earlier run")
        case .check:
            lines.append(report.fixups.isEmpty ? "nothing to fix" : "check: would write \(count) to \(report.branch); nothing written")
        case .created, .updated, .unchanged:
            let verb = report.branchAction == .unchanged ? "\(report.branch) already holds" : "\(report.branchAction.rawValue) \(report.branch) with"
            lines.append("\(verb) \(count) on \(report.headRevision) (\(report.head.prefix(12)))")
        }
        if let command = report.rebaseCommand, report.branchAction != .check {
            lines.append("to fold them in: \(command)")
            if report.headRevision != "HEAD", !report.headRevision.allSatisfy(\.isHexDigit) {
                lines.append("then move \(report.headRevision) there: git switch \(report.headRevision) && git reset --keep \(report.branch)")
            }
        }
        return lines
    }
}
