internal import CLibGit2

/// A line-based three-way merge of one file's contents (`git merge-file`), in memory.
package enum MergeFile {
    /// The merged bytes when `ours` and `theirs` (both derived from `ancestor`) merge without a
    /// conflict, else nil.
    package static func merge(ancestor: [UInt8], ours: [UInt8], theirs: [UInt8], path: String) throws(GitError) -> [UInt8]? {
        LibGit2.ensureInitialised()
        var options = git_merge_file_options()
        git_merge_file_options_init(&options, UInt32(GIT_MERGE_FILE_OPTIONS_VERSION))
        var result = git_merge_file_result()
        defer { git_merge_file_result_free(&result) }
        let code = path.withCString { name in
            ancestor.withUnsafeBufferPointer { a in
                ours.withUnsafeBufferPointer { o in
                    theirs.withUnsafeBufferPointer { t in
                        var inputs = [git_merge_file_input](repeating: git_merge_file_input(), count: 3)
                        for (position, buffer) in [a, o, t].enumerated() {
                            git_merge_file_input_init(&inputs[position], UInt32(GIT_MERGE_FILE_INPUT_VERSION))
                            inputs[position].ptr = UnsafeRawPointer(buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!)
                                .assumingMemoryBound(to: CChar.self)
                            inputs[position].size = buffer.count
                            inputs[position].path = name
                            inputs[position].mode = 0o100644
                        }
                        return git_merge_file(&result, &inputs[0], &inputs[1], &inputs[2], &options)
                    }
                }
            }
        }
        try LibGit2.check(code, "merging '\(path)'", subject: path)
        guard result.automergeable != 0 else { return nil }
        guard result.len > 0, let bytes = result.ptr else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: result.len))
    }
}
