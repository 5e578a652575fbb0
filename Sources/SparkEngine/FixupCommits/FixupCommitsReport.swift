/// What `fixup --commits` found and wrote: the JSON contract of `sparkctl fixup --commits --json`.
package struct FixupCommitsReport: Sendable, Encodable {
    package enum BranchAction: String, Sendable, Encodable {
        /// The branch was written (new, or regenerated from scratch over an older run).
        case created, updated
        /// It already held exactly these fixups.
        case unchanged
        /// Nothing to fix, and sparkd's branch from an earlier run was removed.
        case deleted
        /// Nothing to fix: no branch.
        case none
        /// `--mode check`: nothing written.
        case check
    }

    /// Lines of one file, numbered as at HEAD, fixed by one recipe run.
    package struct FixedLines: Sendable, Encodable {
        package var path: String
        package var lines: [Int]
        package var recipes: [String]
        /// Lines an earlier commit introduced, carried by this later commit's `fixup!` because
        /// folding them earlier would conflict with this commit during the rebase.
        package var movedLines: [Int] = []

        enum CodingKeys: String, CodingKey {
            case path, lines, recipes
            case movedLines = "moved_lines"
        }
    }

    /// One `fixup!` commit and the commit it folds into.
    package struct Fixup: Sendable, Encodable {
        package var subject: String
        package var target: String
        package var targetSubject: String
        /// The written commit; nil in check mode.
        package var commit: String?
        package var files: [FixedLines]

        enum CodingKeys: String, CodingKey {
            case subject, target, commit, files
            case targetSubject = "target_subject"
        }
    }

    package struct SkippedFile: Sendable, Encodable {
        package var path: String
        package var reason: String
    }

    package var base: String
    package var baseRevision: String
    package var head: String
    package var headRevision: String
    package var branch: String
    package var mode: String
    package var commitsInRange: Int
    package var fixups: [Fixup] = []
    /// Violations in lines that come from BASE or before: not the range's doing, left as they are.
    package var preExisting: [FixedLines] = []
    package var skipped: [SkippedFile] = []
    package var branchAction: BranchAction = .none
    /// How to fold the fixups in (nil when there are none).
    package var rebaseCommand: String?

    enum CodingKeys: String, CodingKey {
        case base, head, branch, mode, fixups, skipped
        case baseRevision = "base_revision"
        case headRevision = "head_revision"
        case commitsInRange = "commits_in_range"
        case preExisting = "pre_existing"
        case branchAction = "branch_action"
        case rebaseCommand = "rebase_command"
    }
}
