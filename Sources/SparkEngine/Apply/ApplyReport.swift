/// What an `apply` did: the JSON contract of `sparkctl apply --json` (keys in snake_case).
package struct ApplyReport: Sendable, Codable, Equatable {
    /// The base commit (full id) and the revision it was resolved from.
    package var base: String
    package var baseRevision: String
    package var branch: String
    /// The review branch's commit; nil when nothing changed (and then no branch is written).
    package var commit: String?
    /// What happened to the branch: `created`, `updated`, `unchanged` (already held this exact
    /// change), `none` (nothing to commit), `deleted` (nothing to commit: the change is in the base,
    /// so the daemon removed its branch) or `dry-run`.
    package var branchAction: BranchAction
    package var dryRun: Bool
    package var filesChanged: Int
    package var files: [FileReport]
    package var recipes: [RecipeReport]
    package var skipped: [SkippedFile]
    /// Wall-clock milliseconds per phase: `prepare` (parameters, includes), `snapshot` (tree walk), `transform` (read blobs, run
    /// recipes, count lines), `commit` (objects and pack), `branch` (ownership check and ref update).
    package var timingsMilliseconds: [String: Double] = [:]
    /// What the job cost on the backend (``UsageReport``); nil only before it is accounted.
    package var usage: UsageReport?

    package enum BranchAction: String, Sendable, Codable {
        case created, updated, unchanged, none, deleted
        case dryRun = "dry-run"
    }

    package struct FileReport: Sendable, Codable, Equatable {
        package var path: String
        package var added: Int
        package var removed: Int
        package var binary: Bool
        /// Ids of the recipes that changed this file, in order.
        package var recipes: [String]
        /// Whether the file is new (a template step created it).
        package var created: Bool = false
    }

    package struct RecipeReport: Sendable, Codable, Equatable {
        package var id: String
        package var version: String
        package var filesChanged: Int
        package var steps: [StepReport]
        /// The `--param` values the recipe was given (defaults are not listed).
        package var parameters: [String: String] = [:]
    }

    package struct StepReport: Sendable, Codable, Equatable {
        package var name: String
        package var filesChanged: Int
    }

    /// A file some recipe would have worked on but must not (each path once, with the first
    /// reason in recipe order): `binary`, `non-utf8`, `too-large`, `symlink`, `submodule`,
    /// `lfs-pointer`, `exceeds-context` (see ``SkipCause``).
    package struct SkippedFile: Sendable, Codable, Equatable {
        package var path: String
        package var reason: SkipCause
        /// The recipes that skipped it for that reason.
        package var recipes: [String] = []
    }

    enum CodingKeys: String, CodingKey {
        case base, branch, commit, files, recipes, skipped, usage
        case baseRevision = "base_revision"
        case branchAction = "branch_action"
        case dryRun = "dry_run"
        case filesChanged = "files_changed"
        case timingsMilliseconds = "timings_ms"
    }
}

extension ApplyReport {
    /// Spelled out so that `commit` is written as `null` when nothing changed (the synthesized
    /// encoder would leave the key out).
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(base, forKey: .base)
        try container.encode(baseRevision, forKey: .baseRevision)
        try container.encode(branch, forKey: .branch)
        try container.encode(commit, forKey: .commit)
        try container.encode(branchAction, forKey: .branchAction)
        try container.encode(dryRun, forKey: .dryRun)
        try container.encode(filesChanged, forKey: .filesChanged)
        try container.encode(files, forKey: .files)
        try container.encode(recipes, forKey: .recipes)
        try container.encode(skipped, forKey: .skipped)
        try container.encode(timingsMilliseconds, forKey: .timingsMilliseconds)
        try container.encode(usage, forKey: .usage)
    }
}

extension ApplyReport.RecipeReport {
    enum CodingKeys: String, CodingKey {
        case id, version, steps, parameters
        case filesChanged = "files_changed"
    }
}

extension ApplyReport.StepReport {
    enum CodingKeys: String, CodingKey {
        case name
        case filesChanged = "files_changed"
    }
}
