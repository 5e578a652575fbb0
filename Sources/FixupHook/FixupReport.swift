/// What `sparkctl fixup --staged` (or `sparkd-hook`) did, per staged file.
package struct FixupReport: Encodable {
    package enum Status: String, Encodable {
        /// The staged content was fixed (and, in fix mode, written to the index).
        case fixed
        /// Check mode: the staged content would be fixed.
        case wouldFix = "would-fix"
        /// Not worked on; `reason` says why.
        case skipped
    }

    /// What happened to the working-tree file of a fixed path.
    package enum WorkingCopy: String, Encodable {
        /// It equalled the staged content and now holds the fix.
        case updated
        /// It had unstaged edits; a clean three-way merge carried the fix into it.
        case merged
        /// It had unstaged edits the fix does not merge with: left exactly as it was.
        case keptUnfixed = "kept-unfixed"
        /// There is no working file (deleted, or replaced by a directory or link): nothing to do.
        case absent
    }

    package struct File: Encodable {
        package var path: String
        package var status: Status
        package var reason: String?
        package var workingCopy: WorkingCopy?
        package var recipes: [String]?
        /// Check mode: the change as a unified diff.
        package var diff: String?

        enum CodingKeys: String, CodingKey {
            case path, status, reason, recipes, diff
            case workingCopy = "working_copy"
        }
    }

    package var mode: String
    package var indexFile: String
    package var stagedPaths: Int
    package var files: [File] = []
    package var warnings: [String] = []

    package var changed: Int { files.filter { $0.status != .skipped }.count }

    enum CodingKeys: String, CodingKey {
        case mode, files, warnings, changed
        case indexFile = "index_file"
        case stagedPaths = "staged_paths"
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mode, forKey: .mode)
        try container.encode(indexFile, forKey: .indexFile)
        try container.encode(stagedPaths, forKey: .stagedPaths)
        try container.encode(files, forKey: .files)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(changed, forKey: .changed)
    }

    static let quietReasons: Set<String> = ["binary", "intent-to-add", "symlink", "submodule"]

    /// The short lines the hook prints (git shows them above the commit summary).
    package var humanLines: [String] {
        files.compactMap { file in
            switch (file.status, file.workingCopy) {
            case (.fixed, .keptUnfixed?):
                return "sparkd: fixed \(file.path) in the commit; its working copy has unstaged edits and keeps them unfixed"
            case (.fixed, .merged?):
                return "sparkd: fixed \(file.path) (the fix was merged into your unstaged edits)"
            case (.fixed, _):
                return "sparkd: fixed \(file.path)"
            case (.wouldFix, _):
                return "sparkd: would fix \(file.path)" + (file.diff.map { "\n" + $0 } ?? "")
            case (.skipped, _):
                // Binary files, links, submodules and intent-to-add entries are no news; filters,
                // conflicts and the like are.
                return Self.quietReasons.contains(file.reason ?? "") ? nil : "sparkd: skipped \(file.path) (\(file.reason ?? "skipped"))"
            }
        }
    }
}
