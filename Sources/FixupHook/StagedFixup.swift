internal import Foundation
package import GitKit
package import Recipes

/// `sparkctl fixup --staged` and `sparkd-hook`: runs recipes on the *staged blobs* of the paths that differ from
/// HEAD, writes the fixed blobs and repoints only those index entries. A working-tree file is
/// rewritten only when it holds exactly the staged content (in its working-tree form) or when a
/// three-way merge carries the fix into its unstaged edits cleanly; otherwise it is left byte for
/// byte as it was. Never stashes, never checks out.
///
/// The index is written before any working file, so a failure (a lock held by another git)
/// leaves the working tree as it was.
package struct StagedFixup {
    package enum Mode: String, Sendable { case fix, check }

    package var repository: Repository
    package var plans: [RecipePlan]
    package var mode: Mode

    package init(repository: Repository, plans: [RecipePlan], mode: Mode) {
        self.repository = repository
        self.plans = plans
        self.mode = mode
    }

    /// Attributes whose paths are never fixed: `filter=` (LFS and other clean/smudge filters)
    /// and `working-tree-encoding=`.
    static let skippingAttributes = ["filter", "working-tree-encoding"]

    /// A working file to write once the index is saved.
    private struct PendingWrite {
        var path: String
        var bytes: [UInt8]
        /// What the file held when it was read; re-checked right before writing.
        var expected: [UInt8]
    }

    package func run(index: StagedIndex) throws -> FixupReport {
        let staged = try repository.stagedPaths(in: index)
        var report = FixupReport(mode: mode.rawValue, indexFile: index.file, stagedPaths: staged.count)
        // Fixed content is collected first and written in one go after the loop: many fixed
        // blobs become one pack (``Repository/writeBlobs(_:packThreshold:)``) instead of one loose
        // object each, which cost about 0.6 ms apiece on these disks.
        var found: [(path: String, original: ObjectID, report: Int)] = []
        var fixedContents: [[UInt8]] = []
        for change in staged where change.status != .deleted {
            let path = change.path
            if change.status == .conflicted || index.isConflicted(path) {
                report.files.append(.init(path: path, status: .skipped, reason: "conflict"))
                continue
            }
            guard let entry = index.entry(at: path) else { continue }
            if entry.isIntentToAdd {
                report.files.append(.init(path: path, status: .skipped, reason: "intent-to-add"))
                continue
            }
            guard entry.isFile else {
                report.files.append(.init(path: path, status: .skipped, reason: entry.mode == 0o120000 ? "symlink" : "submodule"))
                continue
            }
            let original = try repository.contents(of: entry.id)
            var current = original
            var recipes: [String] = []
            var skipped: SkipReason?
            for plan in plans where plan.recipe.hasFileSteps {
                let outcome = plan.apply(path: path, contents: current)
                skipped = skipped ?? outcome.skipped
                if outcome.changed {
                    current = outcome.bytes
                    recipes.append(plan.recipe.recipe.id)
                }
            }
            guard current != original else {
                if let skipped { report.files.append(.init(path: path, status: .skipped, reason: skipped.rawValue)) }
                continue
            }
            // Attributes only for what would change: looking them up costs more than fixing a
            // file (libgit2 stats every directory of the path), and a file left as it is needs no
            // reason. A filtered blob is the clean form, not what the user edits; libgit2 does
            // not re-encode working files, so their checkout form cannot be compared.
            let attributes = try repository.stringAttributes(Self.skippingAttributes, for: path)
            if let name = Self.skippingAttributes.first(where: { attributes[$0] != nil }) {
                report.files.append(.init(path: path, status: .skipped, reason: "\(name)=\(attributes[name]!)"))
                continue
            }
            if mode == .check {
                let diff = try? UnifiedDiff.between(original, current, path: path)
                report.files.append(.init(path: path, status: .wouldFix, recipes: recipes, diff: diff))
                continue
            }
            found.append((path, entry.id, report.files.count))
            fixedContents.append(current)
            report.files.append(.init(path: path, status: .fixed, recipes: recipes))
        }
        // Every blob is on disk (loose or in the pack) before the index names it.
        let fixedIDs = try repository.writeBlobs(fixedContents)
        fixedContents.removeAll()
        var pending: [PendingWrite] = []
        var fixes: [(path: String, original: ObjectID, fixed: ObjectID)] = []
        for (fix, fixedID) in zip(found, fixedIDs) {
            try index.setBlob(fixedID, for: fix.path)
            fixes.append((fix.path, fix.original, fixedID))
            let (workingCopy, write) = try workingTreeUpdate(path: fix.path, original: fix.original, fixed: fixedID)
            if let write { pending.append(write) }
            report.files[fix.report].workingCopy = workingCopy
        }
        if !fixes.isEmpty {
            try index.write()
            if let warning = updatePathspecCommitIndex(after: index, fixes: fixes) { report.warnings.append(warning) }
        }
        for write in pending {
            if let problem = Self.writeWorkingFile(write, root: repository.workingDirectory ?? "") {
                report.warnings.append(problem)
                if let position = report.files.firstIndex(where: { $0.path == write.path }) {
                    report.files[position].workingCopy = .keptUnfixed
                }
            }
        }
        return report
    }

    /// A pathspec commit (`git commit FILE…`) runs the hook on a temporary `next-index-*.lock`,
    /// and after the commit installs `index.lock`, which git filled from the working tree. Without
    /// the same fixes there, the commit's fixes would show as staged reverts; so each path that
    /// still holds the staged original there gets the fixed blob too.
    private func updatePathspecCommitIndex(after index: StagedIndex, fixes: [(path: String, original: ObjectID, fixed: ObjectID)]) -> String? {
        let name = (index.file as NSString).lastPathComponent
        guard name.hasPrefix("next-index-"), name.hasSuffix(".lock") else { return nil }
        let main = (repository.gitDirectory as NSString).appendingPathComponent("index.lock")
        guard FileManager.default.fileExists(atPath: main) else { return nil }
        do {
            let mainIndex = try repository.openIndex(indexFile: main)
            var changed = false
            for fix in fixes where mainIndex.entry(at: fix.path)?.id == fix.original {
                try mainIndex.setBlob(fix.fixed, for: fix.path)
                changed = true
            }
            if changed { try mainIndex.write() }
            return nil
        } catch {
            return "the commit is fixed, but the index git keeps after this pathspec commit is not (\(error)): "
                + "git status will show the fixes as staged reverts"
        }
    }

    /// Decides what the working file at `path` gets: the fix when it is exactly the staged
    /// original (as git would have checked it out), the cleanly merged fix when it has unstaged
    /// edits that do not touch the fixed lines, else nothing.
    private func workingTreeUpdate(path: String, original: ObjectID, fixed: ObjectID) throws -> (FixupReport.WorkingCopy, PendingWrite?) {
        guard let root = repository.workingDirectory else { return (.absent, nil) }
        let full = root + path
        var status = stat()
        guard lstat(full, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return (.absent, nil) }
        // Never write through a directory that became a symbolic link since it was staged.
        let realRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path + "/"
        let realParent = URL(fileURLWithPath: (full as NSString).deletingLastPathComponent).resolvingSymlinksInPath().path + "/"
        guard realParent.hasPrefix(realRoot) else { return (.absent, nil) }
        let working = Array(try Data(contentsOf: URL(fileURLWithPath: full)))
        let originalForm = try repository.workingTreeForm(of: original, path: path)
        let fixedForm = try repository.workingTreeForm(of: fixed, path: path)
        if working == originalForm {
            return (.updated, PendingWrite(path: path, bytes: fixedForm, expected: working))
        }
        if let merged = try MergeFile.merge(ancestor: originalForm, ours: working, theirs: fixedForm, path: path) {
            if merged == working { return (.keptUnfixed, nil) }
            return (.merged, PendingWrite(path: path, bytes: merged, expected: working))
        }
        return (.keptUnfixed, nil)
    }

    /// Replaces the file atomically (a temporary file beside it, same permissions, renamed over
    /// it), unless it changed since it was read: a crash or a full disk leaves either the old or
    /// the new content, never half of it. Returns a warning instead of throwing, since the index
    /// already holds the fix.
    private static func writeWorkingFile(_ write: PendingWrite, root: String) -> String? {
        let full = root + write.path
        guard let now = try? Data(contentsOf: URL(fileURLWithPath: full)), Array(now) == write.expected else {
            return "\(write.path) changed while sparkd was fixing it: its working copy was left as it is"
        }
        var status = stat()
        guard stat(full, &status) == 0 else { return "cannot read \(write.path): its working copy was left unfixed" }
        let directory = (full as NSString).deletingLastPathComponent
        let temporary = directory + "/.\((full as NSString).lastPathComponent).sparkd-\(getpid())"
        do {
            try Data(write.bytes).write(to: URL(fileURLWithPath: temporary))
            guard chmod(temporary, status.st_mode & 0o7777) == 0, rename(temporary, full) == 0 else {
                unlink(temporary)
                return "cannot replace \(write.path) (\(String(cString: strerror(errno)))): its working copy was left unfixed"
            }
            return nil
        } catch {
            unlink(temporary)
            return "cannot write \(write.path) (\(error)): its working copy was left unfixed"
        }
    }
}
