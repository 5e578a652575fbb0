internal import CLibGit2
internal import Foundation

extension Repository {
    /// The attributes of `names` that are set to a string for `path` (`filter=lfs`,
    /// `working-tree-encoding=UTF-16`), by name; one lookup for all of them (each lookup walks
    /// and stats the path's directories for `.gitattributes`).
    package func stringAttributes(_ names: [String], for path: String) throws(GitError) -> [String: String] {
        let cNames = names.map { strdup($0) }
        defer { cNames.forEach { free($0) } }
        var values = [UnsafePointer<CChar>?](repeating: nil, count: names.count)
        var pointers = cNames.map { UnsafePointer($0) }
        try LibGit2.check(
            git_attr_get_many(&values, handle, 0, path, names.count, &pointers), "reading the attributes of '\(path)'", subject: path)
        var result: [String: String] = [:]
        for (name, value) in zip(names, values) {
            if let value, git_attr_value(value) == GIT_ATTR_VALUE_STRING { result[name] = String(cString: value) }
        }
        return result
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
