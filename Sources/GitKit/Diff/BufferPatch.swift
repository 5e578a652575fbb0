internal import CLibGit2

/// A libgit2 patch between two buffers in memory (nothing is read from or written to a
/// repository), for ``UnifiedDiff``, ``LineStat`` and ``LineHunk`` to read what they need from.
enum BufferPatch {
    /// Runs `body` with the patch that turns `old` into `new` (under `options`, libgit2's defaults
    /// when nil), and frees it after.
    static func with<T>(
        _ old: [UInt8], _ new: [UInt8], path: String, options: UnsafePointer<git_diff_options>? = nil,
        _ body: (OpaquePointer?) throws(GitError) -> T
    ) throws(GitError) -> T {
        LibGit2.ensureInitialised()
        var patch: OpaquePointer?
        let code = old.withUnsafeBytes { o in
            new.withUnsafeBytes { n in
                git_patch_from_buffers(&patch, o.baseAddress, o.count, path, n.baseAddress, n.count, path, options)
            }
        }
        try LibGit2.check(code, "diffing '\(path)'", subject: path)
        defer { git_patch_free(patch) }
        return try body(patch)
    }
}
