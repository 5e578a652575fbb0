package import GitKit
internal import Dispatch
package import Recipes

/// Runs prepared recipes over a snapshot's files in memory and collects the change set with
/// per-recipe and per-step attribution, and the files skipped with their reasons.
///
/// Each recipe is planned once on the snapshot (``Recipes/RecipePlan``: `repository_has`, the files
/// its templates write). A blob is read only when some plan selects its path or a template writes
/// it; snapshot entries carry no size, so the size limit is checked on the content. Blobs are read
/// in batches on the calling (git) thread; the recipes, line counts and blob ids of a batch, pure
/// computations, run on all cores while the next batch is read. Results are gathered in snapshot
/// order (files that templates create follow, by path), so the change set and the report do not
/// depend on scheduling.
package struct SnapshotTransform {
    package let recipes: [PreparedRecipe]
    package private(set) var plans: [RecipePlan] = []
    package private(set) var changes: [FileChange] = []
    private var files: [ApplyReport.FileReport] = []
    private var skipped: [ApplyReport.SkippedFile] = []
    /// [recipe index][step index] → files that step changed.
    private var stepCounts: [[Int]]
    private var recipeCounts: [Int]
    /// Files read before their batch is transformed: bounds memory on large snapshots.
    static let batchSize = 512

    package init(recipes: [PreparedRecipe]) {
        self.recipes = recipes
        stepCounts = recipes.map { Array(repeating: 0, count: $0.recipe.steps.count) }
        recipeCounts = Array(repeating: 0, count: recipes.count)
    }

    package mutating func run(
        over snapshot: Snapshot, reading contents: @escaping (Snapshot.Entry) throws(GitError) -> [UInt8]
    ) throws {
        var workspace = SnapshotWorkspace(snapshot, reading: contents)
        plans = []
        for recipe in recipes {
            let plan = try workspace.plan(recipe)
            workspace.add(plan.generatedFiles)
            plans.append(plan)
        }
        let generated = GeneratedFiles(plans)
        let filePlans = plans.filter(\.recipe.hasFileSteps)

        // Two stages: while the workers transform one batch, this (git) thread reads the next.
        var pending: InFlightBatch?
        var batch: [FileJob] = []
        batch.reserveCapacity(Self.batchSize)
        func enqueue(_ job: FileJob) throws {
            batch.append(job)
            guard batch.count == Self.batchSize else { return }
            if let pending { try gather(pending) }
            pending = InFlightBatch(batch, plans: plans)
            batch = []
            batch.reserveCapacity(Self.batchSize)
        }
        for entry in snapshot.entries where entry.mode != .tree {
            let templates = generated.byPath[entry.path] ?? []
            guard entry.mode.isFile else {
                recordSpecial(entry.path)
                continue
            }
            guard !templates.isEmpty || filePlans.contains(where: { $0.selection(path: entry.path, size: 0) == .selected })
            else { continue }
            try enqueue(FileJob(path: entry.path, mode: entry.mode, original: try contents(entry), templates: templates))
        }
        for path in generated.created {
            try enqueue(FileJob(path: path, mode: .regular, original: nil, templates: generated.byPath[path] ?? []))
        }
        if let pending { try gather(pending) }
        if !batch.isEmpty { try gather(InFlightBatch(batch, plans: plans)) }
        skipped.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// A symbolic link or submodule: reported once, as skipped by the recipes that would work on it.
    private mutating func recordSpecial(_ path: String) {
        var reason: SkipReason?
        var by: [String] = []
        for plan in plans where plan.recipe.hasFileSteps {
            guard let found = plan.selection(path: path, size: 0).skipReason else { continue }
            reason = reason ?? found
            by.append(plan.recipe.recipe.id)
        }
        if let reason { skipped.append(.init(path: path, reason: reason, recipes: by)) }
    }

    /// One file to transform: its bytes in the base (nil: a template creates it) and the template
    /// outputs written to it, per recipe.
    private struct FileJob: Sendable {
        var path: String
        var mode: FileMode
        var original: [UInt8]?
        var templates: [GeneratedFiles.Output]
    }

    /// What the recipes did to one file.
    private struct FileResult: Sendable {
        var output: [UInt8]?
        /// Per recipe: nil if it left the file alone, else which of its steps changed it.
        var stepsChanged: [[Bool]?]
        /// Why a recipe would not work on the file, and which recipes said so.
        var skipped: (reason: SkipReason, recipes: [String])? = nil
        var stat: Result<LineStat, GitError>? = nil
        /// The output's blob id, hashed here, in parallel, instead of on the git thread.
        var blobID: ObjectID? = nil
        /// The first recipe that changed the output again when run on it (not idempotent).
        var notIdempotent: String? = nil
    }

    /// Waits for a batch and adds its results, in order, to the change set and counts.
    private mutating func gather(_ inFlight: InFlightBatch) throws {
        let results = inFlight.wait()
        for (index, job) in inFlight.batch.enumerated() {
            guard let result = results[index] else { continue }
            if let skip = result.skipped {
                skipped.append(.init(path: job.path, reason: skip.reason, recipes: skip.recipes))
            }
            guard let output = result.output, let stat = try result.stat?.get() else { continue }
            if let recipe = result.notIdempotent {
                throw ApplyError(
                    code: .notIdempotent,
                    message: "recipe '\(recipe)' is not idempotent on '\(job.path)': run again on its own output it changes the file again; nothing was committed",
                    hint: "fix the recipe so its output is a fixed point (sparkctl recipe test checks this), or leave it out of this job")
            }
            var changedBy: [String] = []
            for (recipeIndex, steps) in result.stepsChanged.enumerated() {
                guard let steps else { continue }
                changedBy.append(recipes[recipeIndex].recipe.id)
                recipeCounts[recipeIndex] += 1
                for (stepIndex, changed) in steps.enumerated() where changed { stepCounts[recipeIndex][stepIndex] += 1 }
            }
            files.append(
                .init(
                    path: job.path, added: stat.added, removed: stat.removed, binary: stat.binary, recipes: changedBy,
                    created: job.original == nil))
            changes.append(.write(job.path, output, mode: job.mode, id: result.blobID))
        }
    }

    /// One batch being transformed on all cores: the recipes, the line counts and the output's
    /// blob id of every file, all pure computations.
    private final class InFlightBatch: @unchecked Sendable {
        let batch: [FileJob]
        private let results: ResultSlots<FileResult>
        private let group = DispatchGroup()

        init(_ batch: [FileJob], plans: [RecipePlan]) {
            self.batch = batch
            results = ResultSlots(count: batch.count)
            group.enter()
            DispatchQueue.global(qos: .userInitiated).async { [self] in
                DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                    results[index] = Self.transform(batch[index], plans: plans)
                }
                group.leave()
            }
        }

        func wait() -> ResultSlots<FileResult> {
            group.wait()
            return results
        }

        private static func transform(_ job: FileJob, plans: [RecipePlan]) -> FileResult {
            var current = job.original
            var stepsChanged: [[Bool]?] = Array(repeating: nil, count: plans.count)
            var skip: (reason: SkipReason, recipes: [String])?
            for (recipeIndex, plan) in plans.enumerated() {
                var changed: [Bool]?
                func mark(_ step: Int) {
                    if changed == nil { changed = Array(repeating: false, count: plan.recipe.recipe.steps.count) }
                    if step < changed!.count { changed![step] = true }
                }
                for template in job.templates where template.recipe == recipeIndex && template.bytes != current {
                    current = template.bytes
                    mark(template.step)
                }
                guard let input = current, plan.recipe.hasFileSteps else {
                    stepsChanged[recipeIndex] = changed
                    continue
                }
                let outcome = plan.apply(path: job.path, contents: input)
                if let reason = outcome.skipped ?? outcome.steps.lazy.compactMap(\.skipped).first {
                    if skip == nil { skip = (reason, []) }
                    skip!.recipes.append(plan.recipe.recipe.id)
                }
                if outcome.changed {
                    current = outcome.bytes
                    for step in outcome.steps where step.changed { mark(step.index) }
                }
                stepsChanged[recipeIndex] = changed
            }
            guard let output = current, output != job.original else {
                return FileResult(output: nil, stepsChanged: stepsChanged, skipped: skip)
            }
            // OpenRewrite's rule: a recipe applied to its own output must change nothing.
            let notIdempotent = plans.first {
                $0.recipe.hasFileSteps && $0.apply(path: job.path, contents: output).changed
            }?.recipe.recipe.id
            let original = job.original ?? []
            let stat = Result { () throws(GitError) in try LineStat.between(original, output, path: job.path) }
            return FileResult(
                output: output, stepsChanged: stepsChanged, skipped: skip, stat: stat, blobID: ObjectID.blob(of: output),
                notIdempotent: notIdempotent)
        }
    }

    package func report(base: String, baseRevision: String, branch: String) -> ApplyReport {
        ApplyReport(
            base: base, baseRevision: baseRevision, branch: branch, commit: nil, branchAction: .none,
            dryRun: false, filesChanged: files.count, files: files,
            recipes: recipes.enumerated().map { index, prepared in
                ApplyReport.RecipeReport(
                    id: prepared.recipe.id, version: prepared.recipe.version, filesChanged: recipeCounts[index],
                    steps: prepared.recipe.steps.enumerated().map { stepIndex, step in
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
