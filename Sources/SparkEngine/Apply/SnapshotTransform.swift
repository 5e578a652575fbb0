package import GitKit
internal import Dispatch
package import Recipes

/// Runs prepared recipes over a snapshot's files in memory and collects the change set with
/// per-recipe and per-step attribution, and the files skipped with their reasons.
///
/// Every recipe's per-file work goes to the ``Backend`` as requests (``BatchTransform``): packed
/// to the window by a ``RequestPlanner``, sent through one ``SessionPool`` for the whole job, so
/// sessions are reused across batches and recipes. Every changed file passes the
/// ``VerificationGate`` before it joins the change set.
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

    /// The job's sessions on the backend; its `sessionsOpened` counts the handshakes paid.
    package let pool: SessionPool
    package let gate: VerificationGate

    package init(recipes: [PreparedRecipe], pool: SessionPool, validators: [any SourceValidator] = SourceValidators.registered) {
        self.recipes = recipes
        self.pool = pool
        gate = VerificationGate(validators: validators)
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
        let context = EngineContext(plans: plans, pool: pool, gate: gate)
        let filePlans = plans.filter(\.recipe.hasFileSteps)

        // Two stages: while the workers transform one batch, this (git) thread reads the next.
        var pending: InFlightBatch?
        var batch: [FileJob] = []
        batch.reserveCapacity(Self.batchSize)
        func enqueue(_ job: FileJob) throws {
            batch.append(job)
            guard batch.count == Self.batchSize else { return }
            if let pending { try gather(pending) }
            pending = InFlightBatch(batch, context: context)
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
        if !batch.isEmpty { try gather(InFlightBatch(batch, context: context)) }
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
        if let reason { skipped.append(.init(path: path, reason: SkipCause(reason), recipes: by)) }
    }

    /// Waits for a batch and adds its results, in order, to the change set and counts.
    private mutating func gather(_ inFlight: InFlightBatch) throws {
        let results = try inFlight.wait()
        for (index, job) in inFlight.batch.enumerated() {
            let result = results[index]
            if let skip = result.skipped {
                skipped.append(.init(path: job.path, reason: skip.reason, recipes: skip.recipes))
            }
            guard let output = result.output, let stat = try result.stat?.get() else { continue }
            switch result.failure {
            case .notIdempotent(let recipe):
                throw ApplyError(
                    code: .notIdempotent,
                    message: "recipe '\(recipe)' is not idempotent on '\(job.path)': run again on its own output it changes the file again; nothing was committed",
                    hint: "fix the recipe so its output is a fixed point (sparkctl recipe test checks this), or leave it out of this job")
            case .breaksParse(let validator):
                let by = result.stepsChanged.enumerated().compactMap { $1 == nil ? nil : recipes[$0].recipe.id }
                throw ApplyError(
                    code: .breaksParse,
                    message: "'\(job.path)' parsed before and does not after \(by.joined(separator: ", ")) (checked by \(validator)); nothing was committed",
                    hint: "fix the recipe so its output is valid source, or exclude the file with the recipe's `files` globs")
            case nil:
                break
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

    /// One batch being transformed (``BatchTransform``) while the git thread reads the next: a
    /// task on Swift's pool, waited for by the git thread, which never runs recipes itself.
    private final class InFlightBatch: @unchecked Sendable {
        let batch: [FileJob]
        private var outcome: Result<[FileResult], any Error>?
        private let group = DispatchGroup()

        init(_ batch: [FileJob], context: EngineContext) {
            self.batch = batch
            group.enter()
            Task { [self] in
                do {
                    outcome = .success(try await BatchTransform(context: context, batch: batch).run())
                } catch {
                    outcome = .failure(error)
                }
                group.leave()
            }
        }

        func wait() throws -> [FileResult] {
            group.wait()
            return try outcome!.get()
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
