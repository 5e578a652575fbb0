package import GitKit
internal import Dispatch
package import Recipes

/// Runs recipes over a snapshot's files in memory and collects the change set with per-recipe and
/// per-step attribution. Symlinks, submodules and binary files are skipped and listed.
///
/// Blobs are read in batches on the calling (git) thread; the recipes, line counts and blob ids of
/// a batch, pure computations, run on all cores while the next batch is read. Results are
/// gathered in snapshot order, so the change set and the report do not depend on scheduling.
package struct SnapshotTransform {
    package let recipes: [Recipe]
    package private(set) var changes: [FileChange] = []
    private var files: [ApplyReport.FileReport] = []
    private var skipped: [ApplyReport.SkippedFile] = []
    /// [recipe index][step index] → files that step changed.
    private var stepCounts: [[Int]]
    private var recipeCounts: [Int]
    /// Files read before their batch is transformed: bounds memory on large snapshots.
    static let batchSize = 512

    package init(recipes: [Recipe]) {
        self.recipes = recipes
        stepCounts = recipes.map { Array(repeating: 0, count: $0.steps.count) }
        recipeCounts = Array(repeating: 0, count: recipes.count)
    }

    package mutating func run(
        over snapshot: Snapshot, reading contents: (Snapshot.Entry) throws(GitError) -> [UInt8]
    ) throws {
        // Two stages: while the workers transform one batch, this (git) thread reads the next.
        var pending: InFlightBatch?
        var batch: [(entry: Snapshot.Entry, bytes: [UInt8])] = []
        batch.reserveCapacity(Self.batchSize)
        for entry in snapshot.entries {
            switch entry.mode {
            case .symlink: skipped.append(.init(path: entry.path, reason: .symlink)); continue
            case .submodule: skipped.append(.init(path: entry.path, reason: .submodule)); continue
            case .tree: continue
            case .regular, .executable: break
            }
            let original = try contents(entry)
            if Content.isBinary(original) {
                skipped.append(.init(path: entry.path, reason: .binary))
                continue
            }
            batch.append((entry, original))
            if batch.count == Self.batchSize {
                if let pending { try gather(pending) }
                pending = InFlightBatch(batch, recipes: recipes)
                batch = []
                batch.reserveCapacity(Self.batchSize)
            }
        }
        if let pending { try gather(pending) }
        if !batch.isEmpty { try gather(InFlightBatch(batch, recipes: recipes)) }
    }

    /// What the recipes did to one file.
    private struct FileResult: Sendable {
        var output: [UInt8]
        /// Per recipe: nil if it left the file alone, else which of its steps changed it.
        var stepsChanged: [[Bool]?]
        var stat: Result<LineStat, GitError>? = nil
        /// The output's blob id, hashed here, in parallel, instead of on the git thread.
        var blobID: ObjectID? = nil
        /// The first recipe that changed the output again when run on it (not idempotent).
        var notIdempotent: String? = nil
    }

    /// Waits for a batch and adds its results, in snapshot order, to the change set and counts.
    private mutating func gather(_ inFlight: InFlightBatch) throws {
        let results = inFlight.wait()
        for (index, (entry, _)) in inFlight.batch.enumerated() {
            guard let result = results[index], let stat = try result.stat?.get() else { continue }
            if let recipe = result.notIdempotent {
                throw ApplyError(
                    code: .notIdempotent,
                    message: "recipe '\(recipe)' is not idempotent on '\(entry.path)': run again on its own output it changes the file again; nothing was committed",
                    hint: "fix the recipe so its output is a fixed point (sparkctl recipe test checks this), or leave it out of this job")
            }
            var changedBy: [String] = []
            for (recipeIndex, steps) in result.stepsChanged.enumerated() {
                guard let steps else { continue }
                changedBy.append(recipes[recipeIndex].id)
                recipeCounts[recipeIndex] += 1
                for (stepIndex, changed) in steps.enumerated() where changed { stepCounts[recipeIndex][stepIndex] += 1 }
            }
            files.append(.init(path: entry.path, added: stat.added, removed: stat.removed, binary: stat.binary, recipes: changedBy))
            changes.append(.write(entry.path, result.output, mode: entry.mode, id: result.blobID))
        }
    }

    /// One batch being transformed on all cores: the recipes, the line counts and the output's
    /// blob id of every file, all pure computations.
    private final class InFlightBatch: @unchecked Sendable {
        let batch: [(entry: Snapshot.Entry, bytes: [UInt8])]
        private let results: ResultSlots<FileResult>
        private let group = DispatchGroup()

        init(_ batch: [(entry: Snapshot.Entry, bytes: [UInt8])], recipes: [Recipe]) {
            self.batch = batch
            results = ResultSlots(count: batch.count)
            group.enter()
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                    results[index] = Self.transform(batch[index].entry, batch[index].bytes, recipes: recipes)
                }
                group.leave()
            }
        }

        func wait() -> ResultSlots<FileResult> {
            group.wait()
            return results
        }

        private static func transform(_ entry: Snapshot.Entry, _ original: [UInt8], recipes: [Recipe]) -> FileResult {
            var current = original
            var stepsChanged: [[Bool]?] = []
            for recipe in recipes {
                let outcome = recipe.apply(path: entry.path, contents: current)
                stepsChanged.append(outcome.changed ? outcome.steps.map(\.changed) : nil)
                if outcome.changed { current = outcome.bytes }
            }
            guard current != original else { return FileResult(output: current, stepsChanged: stepsChanged) }
            // OpenRewrite's rule: a recipe applied to its own output must change nothing.
            let notIdempotent = recipes.first { $0.apply(path: entry.path, contents: current).changed }?.id
            let stat = Result { () throws(GitError) in try LineStat.between(original, current, path: entry.path) }
            return FileResult(
                output: current, stepsChanged: stepsChanged, stat: stat, blobID: ObjectID.blob(of: current),
                notIdempotent: notIdempotent)
        }
    }

    package func report(base: String, baseRevision: String, branch: String) -> ApplyReport {
        ApplyReport(
            base: base, baseRevision: baseRevision, branch: branch, commit: nil, branchAction: .none,
            dryRun: false, filesChanged: files.count, files: files,
            recipes: recipes.enumerated().map { index, recipe in
                ApplyReport.RecipeReport(
                    id: recipe.id, version: recipe.version, filesChanged: recipeCounts[index],
                    steps: recipe.steps.enumerated().map { stepIndex, step in
                        ApplyReport.StepReport(name: step.displayName, filesChanged: stepCounts[index][stepIndex])
                    })
            },
            skipped: skipped)
    }
}

/// Fixed slots that concurrent iterations fill, each its own index: no two writers share a slot,
/// and `concurrentPerform` returns only after every iteration finished.
private final class ResultSlots<Element: Sendable>: @unchecked Sendable {
    private var slots: [Element?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Element? {
        get { slots[index] }
        set { slots.withUnsafeMutableBufferPointer { $0[index] = newValue } }
    }
}
