internal import CLibGit2

/// One change between two versions of a file, in lines, as `git diff -U0` reports it: no
/// context lines, so every run of changed lines is its own hunk.
package struct LineHunk: Sendable, Hashable {
    /// 1-based first removed line of the old version; for a pure insertion (`oldCount == 0`),
    /// the line after which the new lines go (0: at the top).
    package var oldStart: Int
    package var oldCount: Int
    /// 1-based first added line of the new version (for `newCount == 0`, where the removal is).
    package var newStart: Int
    package var newCount: Int

    package init(oldStart: Int, oldCount: Int, newStart: Int, newCount: Int) {
        (self.oldStart, self.oldCount, self.newStart, self.newCount) = (oldStart, oldCount, newStart, newCount)
    }

    /// The hunks that turn `old` into `new` (libgit2's xdiff, the algorithm of `git diff`).
    package static func between(_ old: [UInt8], _ new: [UInt8], path: String) throws(GitError) -> [LineHunk] {
        LibGit2.ensureInitialised()
        var options = git_diff_options()
        try LibGit2.check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "preparing a diff")
        options.context_lines = 0
        options.interhunk_lines = 0
        // Content is compared as text even with a NUL byte: callers skip binary files before.
        options.flags |= GIT_DIFF_FORCE_TEXT.rawValue
        return try BufferPatch.with(old, new, path: path, options: &options) { patch throws(GitError) in
            var hunks: [LineHunk] = []
            for index in 0..<git_patch_num_hunks(patch) {
                var hunk: UnsafePointer<git_diff_hunk>?
                var lines = 0
                try LibGit2.check(git_patch_get_hunk(&hunk, &lines, patch, index), "reading a hunk of '\(path)'", subject: path)
                guard let value = hunk?.pointee else { continue }
                hunks.append(
                    LineHunk(
                        oldStart: Int(value.old_start), oldCount: Int(value.old_lines),
                        newStart: Int(value.new_start), newCount: Int(value.new_lines)))
            }
            return hunks
        }
    }
}
