internal import Dispatch
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
    /// Loads the recipes. Called once, when the staged paths are known: on a thread of its own
    /// while the blobs are read when there are many (``backgroundLoadThreshold``), else after.
    package var loadPlans: @Sendable () throws -> [RecipePlan]
    package var mode: Mode

    package init(repository: Repository, plans: [RecipePlan], mode: Mode) {
        self.init(repository: repository, mode: mode) { plans }
    }

    package init(repository: Repository, mode: Mode, loadPlans: @escaping @Sendable () throws -> [RecipePlan]) {
        self.repository = repository
        self.loadPlans = loadPlans
        self.mode = mode
    }

    /// Staged files from which the recipes load on another thread while the blobs are read. Below
    /// it the thread costs more than it hides: it starts on a core that is usually asleep (0.4 ms
    /// on a 2-core VM) and loading takes 0.7 ms; a hooked commit of 10 files was 0.3 ms faster
    /// loading in line, one of 1000 files 1–1.7 ms slower (`make bench-hook`).
    static let backgroundLoadThreshold = 100

    /// A working file to write once the index is saved.
    private struct PendingWrite {
        var path: String
        var bytes: [UInt8]
        /// The version of the file that was read; re-checked right before writing.
        var expected: WorkingTree.Identity
        /// It held exactly the staged content, so the index can restore it: written in place.
        var equalsIndex: Bool
    }

    package func run(index: StagedIndex) throws -> FixupReport {
        let staged = try repository.stagedPaths(in: index)
        var report = FixupReport(mode: mode.rawValue, indexFile: index.file, stagedPaths: staged.count)
        // Triage in git's order; the candidates' blobs are read and fixed together (``fix(_:)``),
        // then reported in that order.
        enum Slot {
            case skipped(FixupReport.File)
            case candidate(Int)
        }
        var slots: [Slot] = []
        var candidates: [(path: String, id: ObjectID)] = []
        for change in staged where change.status != .deleted {
            let path = change.path
            if change.status == .conflicted || index.isConflicted(path) {
                slots.append(.skipped(.init(path: path, status: .skipped, reason: "conflict")))
                continue
            }
            guard let entry = index.entry(at: path) else { continue }
            if entry.isIntentToAdd {
                slots.append(.skipped(.init(path: path, status: .skipped, reason: "intent-to-add")))
            } else if !entry.isFile {
                slots.append(.skipped(.init(path: path, status: .skipped, reason: entry.mode == 0o120000 ? "symlink" : "submodule")))
            } else {
                slots.append(.candidate(candidates.count))
                candidates.append((path, entry.id))
            }
        }
        let results = try fix(candidates)
        // Read (the configuration's `core.autocrlf`) at the first file a fix changes: a clean
        // commit, the common one, needs no checkout rules.
        var rules: CheckoutRules?
        func checkout() throws -> CheckoutRules {
            if let rules { return rules }
            let made = try CheckoutRules(repository)
            rules = made
            return made
        }
        // Fixed content is collected first and written in one go after the loop: many fixed
        // blobs become one pack (``Repository/writeBlobs(_:packThreshold:)``) instead of one loose
        // object each, which cost about 0.6 ms apiece on a small VM's disk.
        var found: [(path: String, original: ObjectID, originalBytes: [UInt8], attributes: CheckoutRules.Attributes, report: Int)] = []
        var fixedContents: [[UInt8]] = []
        for slot in slots {
            guard case .candidate(let position) = slot else {
                if case .skipped(let file) = slot { report.files.append(file) }
                continue
            }
            let (path, id) = candidates[position]
            let (original, outcome) = results[position]
            let (current, recipes) = (outcome.bytes, outcome.recipes)
            guard current != original else {
                if let skipped = outcome.skipped { report.files.append(.init(path: path, status: .skipped, reason: skipped.rawValue)) }
                continue
            }
            // Attributes only for what would change: looking them up costs more than fixing a
            // file (libgit2 stats every directory of the path), and a file left as it is needs no
            // reason. A filtered blob is the clean form, not what the user edits; libgit2 does
            // not re-encode working files, so their checkout form cannot be compared.
            let attributes = try checkout().attributes(for: path)
            if let filter = attributes.filter {
                report.files.append(.init(path: path, status: .skipped, reason: "filter=\(filter)"))
                continue
            }
            if let encoding = attributes.workingTreeEncoding {
                report.files.append(.init(path: path, status: .skipped, reason: "working-tree-encoding=\(encoding)"))
                continue
            }
            if mode == .check {
                let diff = try? UnifiedDiff.between(original, current, path: path)
                report.files.append(.init(path: path, status: .wouldFix, recipes: recipes, diff: diff))
                continue
            }
            found.append((path, id, original, attributes, report.files.count))
            fixedContents.append(current)
            report.files.append(.init(path: path, status: .fixed, recipes: recipes))
        }
        guard !found.isEmpty else { return report }
        // Every blob is on disk (loose or in the pack) before the index names it.
        let fixedIDs = try repository.writeBlobs(fixedContents)
        var workingTree = repository.workingDirectory.map(WorkingTree.init(root:))
        var pending: [(write: PendingWrite, report: Int)] = []
        var fixes: [(path: String, original: ObjectID, fixed: ObjectID)] = []
        for ((fix, fixedID), fixed) in zip(zip(found, fixedIDs), fixedContents) {
            try index.setBlob(fixedID, for: fix.path)
            fixes.append((fix.path, fix.original, fixedID))
            guard workingTree != nil, let file = workingTree!.file(fix.path) else {
                report.files[fix.report].workingCopy = .absent
                continue
            }
            let forms = try checkout().workingTreeForms(of: [fix.originalBytes, fixed], path: fix.path, attributes: fix.attributes)
            let (workingCopy, write) = try workingTreeUpdate(file, path: fix.path, originalForm: forms[0], fixedForm: forms[1])
            if let write { pending.append((write, fix.report)) }
            report.files[fix.report].workingCopy = workingCopy
        }
        try index.write()
        if let warning = updatePathspecCommitIndex(after: index, fixes: fixes) { report.warnings.append(warning) }
        for (write, position) in pending {
            let problem =
                write.equalsIndex
                ? workingTree?.overwrite(write.path, with: write.bytes, expected: write.expected)
                : workingTree?.replace(write.path, with: write.bytes, expected: write.expected)
            if let problem {
                report.warnings.append(problem)
                report.files[position].workingCopy = .keptUnfixed
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

    /// Each candidate's staged content and what the recipes make of it. The blobs are read
    /// first (``LooseBlobReader``), while the recipes load on another thread when there are many
    /// (``BackgroundLoad``): reading a thousand loose objects is most of a large commit's wait.
    /// Above ``parallelThreshold`` files per core, reading and fixing are split between the cores:
    /// the files are independent.
    private func fix(_ candidates: [(path: String, id: ObjectID)]) throws -> [(original: [UInt8], outcome: RecipeChainOutcome)] {
        // Asked only when there is enough to split: the count costs 0.1 ms (sysfs and cgroups).
        let workers =
            candidates.count < 2 * Self.parallelThreshold
            ? 1 : min(ProcessInfo.processInfo.activeProcessorCount, candidates.count / Self.parallelThreshold)
        func ranges(_ body: @Sendable @escaping (Int) -> Void) {
            guard workers > 1 else { return candidates.indices.forEach(body) }
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for position in (candidates.count * worker / workers)..<(candidates.count * (worker + 1) / workers) { body(position) }
            }
        }
        // Nothing to fix (a commit of deletions, symlinks, conflicts only): no recipe is loaded.
        guard !candidates.isEmpty else { return [] }
        let loading = candidates.count >= Self.backgroundLoadThreshold ? BackgroundLoad(loadPlans) : nil
        let reader = LooseBlobReader(repository)
        let loose = ResultSlots<[UInt8]>(count: candidates.count)
        ranges { loose[$0] = reader.looseContents(of: candidates[$0].id) }
        // What is not loose (packed, or unreadable: then libgit2 says why), on this thread.
        let originals = try (0..<candidates.count).map { position throws(GitError) in
            if let bytes = loose[position] { return bytes }
            return try repository.contents(of: candidates[position].id)
        }
        let plans = try loading?.value() ?? loadPlans()
        let outcomes = ResultSlots<RecipeChainOutcome>(count: candidates.count)
        ranges { outcomes[$0] = plans.applyInOrder(path: candidates[$0].path, contents: originals[$0]) }
        return (0..<candidates.count).map { (originals[$0], outcomes[$0]!) }
    }

    /// Files per core below which one thread is faster.
    static let parallelThreshold = 128

    /// Decides what the working file at `path` gets: the fix when it is exactly the staged
    /// original (as git would have checked it out), the cleanly merged fix when it has unstaged
    /// edits that do not touch the fixed lines, else nothing.
    private func workingTreeUpdate(
        _ file: WorkingTree.File, path: String, originalForm: [UInt8], fixedForm: [UInt8]
    ) throws -> (FixupReport.WorkingCopy, PendingWrite?) {
        if file.bytes == originalForm {
            return (.updated, PendingWrite(path: path, bytes: fixedForm, expected: file.identity, equalsIndex: true))
        }
        if let merged = try MergeFile.merge(ancestor: originalForm, ours: file.bytes, theirs: fixedForm, path: path) {
            if merged == file.bytes { return (.keptUnfixed, nil) }
            return (.merged, PendingWrite(path: path, bytes: merged, expected: file.identity, equalsIndex: false))
        }
        return (.keptUnfixed, nil)
    }
}
