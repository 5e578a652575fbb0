package import GitKit
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
/// its templates write), on the git thread (``plan(over:reading:)``). A blob is read only when some
/// plan selects its path or a template writes it; snapshot entries carry no size, so the size limit
/// is checked on the content. Then (``transform(reading:)``) blobs are read in batches on the git
/// thread while the recipes, line counts and blob ids of the previous batch, pure computations, run
/// on the compute executor's threads. Results are gathered in snapshot
/// order (files that templates create follow, by path), so the change set and the report do not
/// depend on scheduling.
package struct SnapshotTransform: Sendable {
    package let recipes: [PreparedRecipe]
    package private(set) var plans: [RecipePlan] = []
    package private(set) var changes: [FileChange] = []
    private var files: [ApplyReport.FileReport] = []
    private var skipped: [ApplyReport.SkippedFile] = []
    /// [recipe index][step index] → files that step changed.
    private var stepCounts: [[Int]]
    private var pending: [PendingFile] = []
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

    /// The first stage, on the git thread (`contents` reads blobs through libgit2): plans every
    /// recipe on the snapshot and lists the files to transform, their bytes still unread.
    package mutating func plan(
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
        pending = []
        for entry in snapshot.entries where entry.mode != .tree {
            let templates = generated.byPath[entry.path] ?? []
            guard entry.mode.isFile else {
                recordSpecial(entry.path)
                continue
            }
            guard !templates.isEmpty || filePlans.contains(where: { $0.selection(path: entry.path, size: 0) == .selected })
            else { continue }
            pending.append(PendingFile(entry: entry, path: entry.path, mode: entry.mode, templates: templates))
        }
        for path in generated.created {
            pending.append(PendingFile(entry: nil, path: path, mode: .regular, templates: generated.byPath[path] ?? []))
        }
    }

    /// The second stage: the planned files in batches, each batch's bytes fetched with `read` (on
    /// the git thread) while the previous batch is transformed (``BatchTransform``).
    package mutating func transform(
        reading read: @escaping @Sendable ([Snapshot.Entry]) async throws -> [[UInt8]]
    ) async throws {
        let context = EngineContext(plans: plans, pool: pool, gate: gate)
        let batches = stride(from: 0, to: pending.count, by: Self.batchSize).map {
            Array(pending[$0..<min($0 + Self.batchSize, pending.count)])
        }
        func jobs(_ files: [PendingFile]) async throws -> [FileJob] {
            let entries = files.compactMap(\.entry)
            var bytes = try await read(entries).makeIterator()
            return files.map { file in
                FileJob(path: file.path, mode: file.mode, original: file.entry == nil ? nil : bytes.next()!, templates: file.templates)
            }
        }
        guard let first = batches.first else { return }
        var current = try await jobs(first)
        for index in batches.indices {
            let batch = current
            async let results = BatchTransform(context: context, batch: batch).run()
            let next = index + 1 < batches.count ? try await jobs(batches[index + 1]) : []
            try gather(batch, try await results)
            current = next
        }
        pending = []
        skipped.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// A file the plan selected, not read yet (`entry` nil: a template creates it).
    struct PendingFile: Sendable {
        var entry: Snapshot.Entry?
        var path: String
        var mode: FileMode
        var templates: [GeneratedFiles.Output]
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

    /// Adds a batch's results, in order, to the change set and counts.
    private mutating func gather(_ batch: [FileJob], _ results: [FileResult]) throws {
        for (index, job) in batch.enumerated() {
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
