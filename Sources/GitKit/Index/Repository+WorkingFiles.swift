internal import CLibGit2

extension Repository {
    /// The `filter` attribute of `path` (a clean/smudge driver such as `lfs`), or nil when none
    /// is set. Working-tree `.gitattributes` first, then the index's, as `git check-attr` does.
    package func filterAttribute(for path: String) throws(GitError) -> String? {
        try stringAttribute("filter", for: path)
    }

    /// The value of attribute `name` for `path` when it is set to a string (`filter=lfs`,
    /// `working-tree-encoding=UTF-16`), else nil.
    package func stringAttribute(_ name: String, for path: String) throws(GitError) -> String? {
        var value: UnsafePointer<CChar>?
        try LibGit2.check(git_attr_get(&value, handle, 0, path, name), "reading the attributes of '\(path)'", subject: path)
        guard let value, git_attr_value(value) == GIT_ATTR_VALUE_STRING else { return nil }
        return String(cString: value)
    }

    /// `blob` as git would write it into the working file at `path` (`core.autocrlf`, `eol`,
    /// `text`, `ident`; binary content is left alone).
    package func workingTreeForm(of blob: ObjectID, path: String) throws(GitError) -> [UInt8] {
        var raw = blob.raw
        var object: OpaquePointer?
        try LibGit2.check(git_blob_lookup(&object, handle, &raw), "reading blob \(blob.short)", subject: path)
        defer { git_blob_free(object) }
        var options = git_blob_filter_options()
        git_blob_filter_options_init(&options, UInt32(GIT_BLOB_FILTER_OPTIONS_VERSION))
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        try LibGit2.check(git_blob_filter(&buffer, object, path, &options), "converting '\(path)' for the working tree", subject: path)
        guard buffer.size > 0, let bytes = buffer.ptr else { return [] }
        return Array(UnsafeRawBufferPointer(start: bytes, count: buffer.size))
    }
}
