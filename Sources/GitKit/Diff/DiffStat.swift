internal import CLibGit2

/// Lines added and removed between two versions of a file, as `git diff --stat` counts them.
package struct LineStat: Sendable, Hashable, Codable {
    package var added: Int
    package var removed: Int
    /// libgit2 saw binary content (a NUL byte): no line counts.
    package var binary: Bool

    package init(added: Int, removed: Int, binary: Bool) {
        self.added = added
        self.removed = removed
        self.binary = binary
    }

    /// Diffs two buffers in memory (nothing is written to the repository).
    package static func between(_ old: [UInt8], _ new: [UInt8], path: String) throws(GitError) -> LineStat {
        try BufferPatch.with(old, new, path: path) { patch throws(GitError) in
            let binary = git_patch_get_delta(patch).map { ($0.pointee.flags & GIT_DIFF_FLAG_BINARY.rawValue) != 0 } ?? false
            var context = 0
            var added = 0
            var removed = 0
            try LibGit2.check(git_patch_line_stats(&context, &added, &removed, patch), "counting lines of '\(path)'")
            return LineStat(added: added, removed: removed, binary: binary)
        }
    }
}
