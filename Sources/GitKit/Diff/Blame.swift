internal import CLibGit2

/// Who last touched each line of a file at one commit (`git blame`), through libgit2's
/// `git_blame_file`. No copy or move detection: a line moved from another file counts as new
/// where it landed, as in `git blame` without `-C`/`-M`.
package struct Blame: Sendable, Equatable {
    /// Consecutive lines last changed by the same commit.
    package struct Hunk: Sendable, Equatable {
        /// The commit that last changed these lines. For a boundary hunk, the commit the walk
        /// stopped at (the `oldest` commit given, or a root commit).
        package var commit: ObjectID
        /// 1-based line number of the hunk's first line in the blamed version.
        package var startLine: Int
        package var lineCount: Int
        /// The lines come from the boundary (`oldest`) or earlier: not changed inside the range.
        package var isBoundary: Bool
    }

    package var path: String
    package var hunks: [Hunk]

    /// The hunk holding `line` (1-based), or nil past the end.
    package func hunk(atLine line: Int) -> Hunk? {
        hunks.first { line >= $0.startLine && line < $0.startLine + $0.lineCount }
    }
}

extension Repository {
    /// Blames `path` as it is at `newest`; with `oldest`, the walk stops there (`git blame
    /// oldest..newest -- path`): lines not changed after it come back as boundary hunks.
    ///
    /// - Throws: ``GitError/Code/notFound`` when `path` does not exist at `newest`.
    package func blame(path: String, at newest: ObjectID, oldest: ObjectID? = nil) throws(GitError) -> Blame {
        var options = git_blame_options()
        try LibGit2.check(git_blame_options_init(&options, UInt32(GIT_BLAME_OPTIONS_VERSION)), "preparing blame")
        options.newest_commit = newest.raw
        if let oldest { options.oldest_commit = oldest.raw }
        var blame: OpaquePointer?
        try LibGit2.check(git_blame_file(&blame, handle, path, &options)) { code, message in
            GitError(
                code == GIT_ENOTFOUND.rawValue ? .notFound : .other,
                "cannot blame '\(path)' at \(newest.short) in '\(self.path)': \(message)", subject: path)
        }
        defer { git_blame_free(blame) }
        var hunks: [Blame.Hunk] = []
        for index in 0..<git_blame_get_hunk_count(blame) {
            guard let hunk = git_blame_get_hunk_byindex(blame, index)?.pointee else { continue }
            hunks.append(
                Blame.Hunk(
                    commit: ObjectID(hunk.final_commit_id), startLine: hunk.final_start_line_number, lineCount: hunk.lines_in_hunk,
                    isBoundary: hunk.boundary != 0))
        }
        return Blame(path: path, hunks: hunks)
    }
}
