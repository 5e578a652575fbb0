internal import CLibGit2

/// A unified diff of two versions of one file, as `git diff` prints it (for `--mode check`).
package enum UnifiedDiff {
    package static func between(_ old: [UInt8], _ new: [UInt8], path: String) throws(GitError) -> String {
        try BufferPatch.with(old, new, path: path) { patch throws(GitError) in
            var buffer = git_buf()
            defer { git_buf_dispose(&buffer) }
            try LibGit2.check(git_patch_to_buf(&buffer, patch), "printing the diff of '\(path)'", subject: path)
            guard buffer.size > 0, let bytes = buffer.ptr else { return "" }
            return String(decoding: UnsafeRawBufferPointer(start: bytes, count: buffer.size), as: UTF8.self)
        }
    }
}
