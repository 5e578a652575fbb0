/// The message of one `fixup!` commit. Its subject is what `git rebase --autosquash` matches:
/// `fixup! <subject of the target>` as git formats a subject (the first paragraph's lines,
/// trailing blanks trimmed, joined by spaces), or `fixup! <full id>` when the subject would not
/// name the target alone: another commit of the range has the same subject (git would pick the
/// first), it is empty or starts with blanks, or it is itself a `fixup!`/`squash!`/`amend!`
/// (git skips those prefixes and would aim at the commit they name).
package enum FixupCommitMessage {
    /// git's subject of a commit message (pretty.c `format_subject`).
    package static func gitSubject(of message: String) -> String {
        var lines: [Substring] = []
        for line in message.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed()
            if trimmed.isEmpty { break }
            lines.append(Substring(String(trimmed)))
        }
        return lines.joined(separator: " ")
    }

    /// The subject line for the fixup of `target`, given every subject of the range.
    package static func subject(target: String, targetSubject: String, rangeSubjects: [String]) -> String {
        let ambiguous = rangeSubjects.filter { $0 == targetSubject }.count > 1
        let prefixed = ["fixup! ", "squash! ", "amend! "].contains { targetSubject.hasPrefix($0) }
        let unusable = targetSubject.isEmpty || targetSubject.first?.isWhitespace == true
        return "fixup! " + (ambiguous || prefixed || unusable ? target : targetSubject)
    }

    static func make(
        subject: String, target: String, targetSubject: String, head: String, files: [FixupCommitsReport.FixedLines],
        recipeVersions: [String: String], jobID: Int64?
    ) -> String {
        var lines = [subject, ""]
        lines.append("sparkd: the pre-commit fixups for \(target.prefix(12)) \"\(targetSubject)\"")
        lines.append("(line numbers as in \(head.prefix(12))):")
        for file in files {
            let numbers = file.lines.map(String.init).joined(separator: ", ")
            lines.append("  \(file.path): line\(file.lines.count == 1 ? "" : "s") \(numbers) (\(file.recipes.joined(separator: ", ")))")
            if !file.movedLines.isEmpty {
                lines.append(
                    "    moved here from an earlier commit so the rebase replays cleanly: "
                        + file.movedLines.map(String.init).joined(separator: ", "))
            }
        }
        lines.append("")
        let recipes = Set(files.flatMap(\.recipes)).sorted()
        lines += CommitMessage.trailers(
            recipes: recipes.map { "\($0)@\(recipeVersions[$0] ?? "0.0.0")" }, base: head, jobID: jobID)
        return lines.joined(separator: "\n") + "\n"
    }
}
