package import GitKit

/// One file of BASE..HEAD whose content at HEAD the fixup recipes change, with each changed
/// hunk attributed to a commit of the range (or to history before BASE).
struct FileFix {
    /// One hunk of the diff from HEAD's content to the fixed content.
    struct Hunk {
        var lines: LineHunk
        /// The commit of the range (index, oldest first) that last touched the hunk's lines at
        /// HEAD; nil when they all come from BASE or before: a pre-existing violation.
        var introducedBy: Int?
        /// The commit whose `fixup!` carries the hunk: `introducedBy`, or a later commit of the
        /// range when folding it into `introducedBy` would make `git rebase --autosquash` stop on
        /// a conflict (see ``settle(versions:)``). nil: left alone.
        var target: Int?
    }

    var path: String
    var mode: FileMode
    /// The file at HEAD and fixed, split into lines once (every replay applies hunks to them).
    let headLines: FileLines
    let fixedLines: FileLines
    var recipes: [String]
    var hunks: [Hunk]

    /// The hunks of HEAD → fixed, each attributed through `blame` (of the file at HEAD, walked
    /// down to BASE) to the newest commit of the range among the lines it replaces. A run of
    /// changed lines that maps line for line (what line-local fixers produce) is split into
    /// single lines, so lines from different commits go to different commits.
    init(path: String, mode: FileMode, head: [UInt8], fixed: [UInt8], recipes: [String], blame: Blame, commitIndex: [ObjectID: Int]) throws(GitError) {
        (self.path, self.mode, self.recipes) = (path, mode, recipes)
        (headLines, fixedLines) = (FileLines(head), FileLines(fixed))
        let lineCount = headLines.count
        var hunks: [Hunk] = []
        for hunk in try LineHunk.between(head, fixed, path: path) {
            let pieces =
                hunk.oldCount == hunk.newCount && hunk.oldCount > 1
                ? (0..<hunk.oldCount).map { LineHunk(oldStart: hunk.oldStart + $0, oldCount: 1, newStart: hunk.newStart + $0, newCount: 1) }
                : [hunk]
            for piece in pieces {
                // An insertion is the business of the line it follows (or the first line).
                let lines =
                    piece.oldCount > 0
                    ? Array(piece.oldStart..<(piece.oldStart + piece.oldCount))
                    : [min(max(piece.oldStart, 1), max(lineCount, 1))]
                let commits = lines.compactMap { line -> Int? in
                    guard let blamed = blame.hunk(atLine: line), !blamed.isBoundary else { return nil }
                    return commitIndex[blamed.commit]
                }
                let newest = commits.max()
                hunks.append(Hunk(lines: piece, introducedBy: newest, target: newest))
            }
        }
        self.hunks = hunks
    }

    /// HEAD's content with the hunks whose target passes `include` applied.
    func content(including include: (Int) -> Bool) -> [UInt8] {
        headLines.applying(hunks.filter { $0.target.map(include) ?? false }.map(\.lines), from: fixedLines)
    }

    /// The content once every targeted hunk is applied: what the branch's last commit holds.
    var settledContent: [UInt8] { content { _ in true } }

    /// Moves hunks to later commits until `git rebase -i --autosquash BASE` replays this file
    /// without a conflict. git's three-way merge treats changes on adjacent lines as a conflict,
    /// so a fix folded into an early commit can collide with a later commit that edits the next
    /// line. The rebase is replayed here with the same merge (libgit2's xdiff, as in git): each
    /// pick merges that commit's change into the state so far, each `fixup!` merges its hunks.
    /// A conflicting pick moves the newest earlier target to that commit; a conflicting fixup
    /// moves its hunks to the next commit that changes the file. Targets only move later, and
    /// the last commit that changes the file always folds cleanly, so this ends.
    ///
    /// `versions[0]` is the file at BASE, `versions[i + 1]` at commit `i` (nil: absent).
    mutating func settle(versions: [[UInt8]?]) throws(GitError) {
        let count = versions.count - 1
        let changing = (0..<count).filter { versions[$0] != versions[$0 + 1] }
        guard let last = changing.last else { return }
        for _ in 0...(hunks.count * count + 1) {
            guard let failure = try replay(versions: versions) else { return }
            let targets = Set(hunks.compactMap(\.target))
            switch failure {
            case .pick(let index) where targets.contains(where: { $0 < index }):
                let moving = targets.filter { $0 < index }.max()!
                retarget(from: moving, to: index)
            case .fixup(let index) where index < last:
                retarget(from: index, to: changing.first { $0 > index }!)
            default:
                for position in hunks.indices where hunks[position].target != nil { hunks[position].target = last }
                if try replay(versions: versions) == nil { return }
                throw GitError(
                    .other, "cannot place the fixes of '\(path)' so that git rebase --autosquash replays them cleanly",
                    subject: path, hint: "fix the file by hand in a new commit")
            }
        }
    }

    private mutating func retarget(from old: Int, to new: Int) {
        for position in hunks.indices where hunks[position].target == old { hunks[position].target = new }
    }

    private enum Failure {
        case pick(Int)
        case fixup(Int)
        case result
    }

    /// The autosquash rebase of this file, in memory: nil when it is clean and ends with the
    /// settled content.
    private func replay(versions: [[UInt8]?]) throws(GitError) -> Failure? {
        var state = versions[0] ?? []
        for index in 0..<(versions.count - 1) {
            if versions[index] != versions[index + 1] {
                guard
                    let merged = try MergeFile.merge(
                        ancestor: versions[index] ?? [], ours: state, theirs: versions[index + 1] ?? [], path: path)
                else { return .pick(index) }
                state = merged
            }
            guard hunks.contains(where: { $0.target == index }) else { continue }
            // The fixup commit's parent holds HEAD and the fixups of earlier targets.
            let parent = content { $0 < index }
            let fixup = content { $0 <= index }
            guard let merged = try MergeFile.merge(ancestor: parent, ours: state, theirs: fixup, path: path) else {
                return .fixup(index)
            }
            state = merged
        }
        return state == settledContent ? nil : .result
    }
}
