package import GitKit
internal import Recipes

/// Runs a ``FixupCommitsRequest`` on the calling thread (a `BlockingExecutor`'s, in the daemon): the
/// review mode for pushed work, the way `git absorb` attributes fixes.
///
/// For every file BASE..HEAD changed, the recipes run on its content at HEAD; each changed hunk
/// of HEAD → fixed goes to the commit of the range that last touched its lines (blame from HEAD
/// down to BASE), or is left as a pre-existing violation when its lines are older than BASE. On
/// top of HEAD, one `fixup!` commit per target commit, oldest target first, each applying only
/// its hunks; the branch moves by compare-and-swap and never over a commit sparkd did not make.
/// HEAD, the index and the working tree are never read or written.
package enum FixupCommitsRunner {
    /// Runs `request` in `repository` (the caller's handle, already open for the request's range).
    package static func run(_ request: FixupCommitsRequest, in repository: Repository) throws -> FixupCommitsReport {
        let range = try request.range.resolve(in: repository)
        let branch =
            request.branch
            ?? FixupCommitsRequest.defaultBranch(
                head: request.range.head, headID: range.head, repository: repository, prefix: request.branchPrefix)
        guard Repository.isValidBranchName(branch) else {
            throw GitError(
                .invalidName, "'\(branch)' is not a valid branch name", subject: branch,
                hint: "pass --branch with letters, digits, '-', '_', '.' and '/' (see `git check-ref-format --help`)")
        }
        var report = FixupCommitsReport(
            base: range.base.description, baseRevision: request.range.base, head: range.head.description,
            headRevision: request.range.head, branch: branch, mode: request.checkOnly ? "check" : "fix",
            commitsInRange: range.commits.count)
        let fixes = try fileFixes(range, repository: repository, plans: request.plans, report: &report)
        let subjects = try range.commits.map { id throws(GitError) in FixupCommitMessage.gitSubject(of: try repository.message(of: id)) }

        // One fixup per target, oldest target first.
        let targets = Set(fixes.flatMap { $0.hunks.compactMap(\.target) }).sorted()
        for target in targets {
            let id = range.commits[target].description
            report.fixups.append(
                FixupCommitsReport.Fixup(
                    subject: FixupCommitMessage.subject(target: id, targetSubject: subjects[target], rangeSubjects: subjects),
                    target: id, targetSubject: subjects[target], commit: nil,
                    files: fixes.compactMap { $0.lines { $0.target == target } }))
        }
        report.preExisting = fixes.compactMap { $0.lines { $0.introducedBy == nil } }
        if !report.fixups.isEmpty {
            report.rebaseCommand = "git rebase -i --autosquash \(range.base.description.prefix(12)) \(branch)"
        }
        if request.checkOnly {
            report.branchAction = .check
            return report
        }
        try deliver(&report, fixes: fixes, targets: targets, range: range, request: request, repository: repository)
        return report
    }

    /// Every file of the range the recipes change at HEAD, attributed and settled.
    private static func fileFixes(
        _ range: CommitRange.Resolved, repository: Repository, plans: [RecipePlan], report: inout FixupCommitsReport
    ) throws -> [FileFix] {
        guard !range.commits.isEmpty else { return [] }
        let commitIndex = Dictionary(uniqueKeysWithValues: range.commits.enumerated().map { ($1, $0) })
        var fixes: [FileFix] = []
        for entry in try repository.changedEntries(from: range.base, to: range.head) {
            guard entry.mode == .regular || entry.mode == .executable else { continue }
            let head = try repository.contents(of: entry.id)
            let outcome = plans.applyInOrder(path: entry.path, contents: head)
            guard outcome.bytes != head else {
                if let skipped = outcome.skipped { report.skipped.append(.init(path: entry.path, reason: skipped.rawValue)) }
                continue
            }
            let blame = try repository.blame(path: entry.path, at: range.head, oldest: range.base)
            var fix = try FileFix(
                path: entry.path, mode: entry.mode, head: head, fixed: outcome.bytes, recipes: outcome.recipes,
                blame: blame, commitIndex: commitIndex)
            if fix.hunks.contains(where: { $0.target != nil }) {
                // The file at BASE and after each commit: a blob most commits leave as it was is
                // read once, and HEAD's is the one in hand.
                var read: [ObjectID: [UInt8]] = [entry.id: head]
                let earlier = [range.base] + range.commits[..<(range.commits.count - 1)]
                let versions =
                    try earlier.map { commit throws(GitError) -> [UInt8]? in
                        guard let id = try repository.entry(at: entry.path, in: commit)?.id else { return nil }
                        if let bytes = read[id] { return bytes }
                        let bytes = try repository.contents(of: id)
                        read[id] = bytes
                        return bytes
                    } + [head]
                try fix.settle(versions: versions)
            }
            fixes.append(fix)
        }
        return fixes
    }

    /// Writes the fixup commits on HEAD and moves the branch; nothing to fix removes sparkd's
    /// branch of an earlier run (it would only show stale fixes).
    private static func deliver(
        _ report: inout FixupCommitsReport, fixes: [FileFix], targets: [Int], range: CommitRange.Resolved,
        request: FixupCommitsRequest, repository: Repository
    ) throws {
        let branch = report.branch
        let existing = try repository.branchTip(branch)
        let identity = request.identity ?? CommitIdentity.resolve(repository: repository)
        let email = identity.committer.email
        guard !targets.isEmpty else {
            if let existing,
                try BranchOwnership.deleteIfOwned(
                    repository, branch: branch, tip: existing, base: range.head, sparkdEmail: email,
                    publishCheck: request.publishCheck)
            {
                report.branchAction = .deleted
            }
            return
        }
        if let existing {
            try BranchOwnership.check(repository, branch: branch, tip: existing, base: range.head, sparkdEmail: email)
        } else if !request.mayCreateBranch {
            throw ApplyError.limitReached(branch: branch)
        }
        try repository.waitUntilBranchUnlocked(branch)
        let versions = Dictionary(uniqueKeysWithValues: request.plans.map { ($0.recipe.recipe.id, $0.recipe.recipe.version) })
        var parent = range.head
        var written: [ObjectID] = []
        for (position, target) in targets.enumerated() {
            let fixup = report.fixups[position]
            let changes = fixes.filter { $0.hunks.contains { $0.target == target } }.map { fix in
                FileChange.write(fix.path, fix.content { $0 <= target }, mode: fix.mode)
            }
            let message = FixupCommitMessage.make(
                subject: fixup.subject, target: fixup.target, targetSubject: fixup.targetSubject, head: range.head.description,
                files: fixup.files, recipeVersions: versions, jobID: request.jobID)
            parent = try repository.writeCommit(
                CommitRequest(parent: parent, changes: changes, message: message, author: identity.author, committer: identity.committer))
            written.append(parent)
            report.fixups[position].commit = parent.description
        }
        // The same fixups on the same HEAD: keep the branch as it is (no churn on a re-run).
        if let existing, let kept = try sameFixups(existing, as: written, on: range.head, in: repository) {
            for (position, id) in kept.enumerated() { report.fixups[position].commit = id.description }
            report.branchAction = .unchanged
            return
        }
        try request.publishCheck?(existing == nil ? .create : .update)
        try repository.updateBranch(
            branch, to: parent, expecting: existing,
            reflogMessage: "sparkd: \(targets.count) fixup! commit(s) for \(range.base.short)..\(range.head.short)")
        report.branchAction = existing == nil ? .created : .updated
    }

    /// The branch's commits past `head`, oldest first, when they are `written`'s line of commits
    /// already: same parent, same trees, same messages (the ids differ only by their dates); else nil.
    private static func sameFixups(_ existing: ObjectID, as written: [ObjectID], on head: ObjectID, in repository: Repository) throws -> [ObjectID]? {
        let current = Array(try repository.commits(from: existing, excluding: head).reversed())
        guard current.count == written.count, try repository.parents(of: current.first ?? existing) == [head] else { return nil }
        for (old, new) in zip(current, written) {
            guard try repository.treeOfCommit(old) == repository.treeOfCommit(new),
                try repository.message(of: old) == repository.message(of: new)
            else { return nil }
        }
        return current
    }
}

extension FileFix {
    /// The report's lines of this file for the hunks `include` selects; nil when there are none.
    func lines(_ include: (Hunk) -> Bool) -> FixupCommitsReport.FixedLines? {
        let chosen = hunks.filter(include)
        guard !chosen.isEmpty else { return nil }
        func numbers(_ hunk: Hunk) -> [Int] {
            hunk.lines.oldCount > 0 ? Array(hunk.lines.oldStart..<(hunk.lines.oldStart + hunk.lines.oldCount)) : [max(hunk.lines.oldStart, 1)]
        }
        return FixupCommitsReport.FixedLines(
            path: path, lines: chosen.flatMap(numbers), recipes: recipes,
            movedLines: chosen.filter { $0.introducedBy != nil && $0.introducedBy != $0.target }.flatMap(numbers))
    }
}
