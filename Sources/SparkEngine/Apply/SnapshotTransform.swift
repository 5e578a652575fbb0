package import GitKit
package import Recipes

/// Runs recipes over a snapshot's files in memory and collects the change set with per-recipe and
/// per-step attribution. Symlinks, submodules and binary files are skipped and listed.
package struct SnapshotTransform {
    package let recipes: [Recipe]
    package private(set) var changes: [FileChange] = []
    private var files: [ApplyReport.FileReport] = []
    private var skipped: [ApplyReport.SkippedFile] = []
    /// [recipe index][step index] → files that step changed.
    private var stepCounts: [[Int]]
    private var recipeCounts: [Int]

    package init(recipes: [Recipe]) {
        self.recipes = recipes
        stepCounts = recipes.map { Array(repeating: 0, count: $0.steps.count) }
        recipeCounts = Array(repeating: 0, count: recipes.count)
    }

    package mutating func run(
        over snapshot: Snapshot, reading contents: (Snapshot.Entry) throws(GitError) -> [UInt8]
    ) throws(GitError) {
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
            try transform(entry, original)
        }
    }

    private mutating func transform(_ entry: Snapshot.Entry, _ original: [UInt8]) throws(GitError) {
        var current = original
        var changedBy: [String] = []
        for (recipeIndex, recipe) in recipes.enumerated() {
            let outcome = recipe.apply(path: entry.path, contents: current)
            guard outcome.changed else { continue }
            changedBy.append(recipe.id)
            recipeCounts[recipeIndex] += 1
            for (stepIndex, step) in outcome.steps.enumerated() where step.changed {
                stepCounts[recipeIndex][stepIndex] += 1
            }
            current = outcome.bytes
        }
        guard current != original else { return }
        let stat = try LineStat.between(original, current, path: entry.path)
        files.append(.init(path: entry.path, added: stat.added, removed: stat.removed, binary: stat.binary, recipes: changedBy))
        changes.append(.write(entry.path, current, mode: entry.mode))
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
