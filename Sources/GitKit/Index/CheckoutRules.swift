internal import CLibGit2
internal import Foundation

/// What a path's attributes say about its working file: whether it is a filtered or re-encoded
/// one, and its checkout form (end of lines, `ident`). Each path's attributes are looked up once
/// — a lookup resolves the path and stats each of its directories for `.gitattributes`, which
/// for a thousand fixed files cost more than fixing them — and a file no attribute converts, in
/// a repository without `core.autocrlf`, is its blob byte for byte, without libgit2's filters.
package struct CheckoutRules {
    /// One path's attributes, as far as its working file is concerned.
    package struct Attributes: Sendable, Equatable {
        /// `filter=DRIVER` (LFS and other clean/smudge filters).
        package var filter: String?
        /// `working-tree-encoding=ENCODING`.
        package var workingTreeEncoding: String?
        /// Whether `text`, `eol`, `crlf` or `ident` is specified (set, unset or a value).
        package var specifiesConversion: Bool
    }

    static let names = ["filter", "working-tree-encoding", "text", "eol", "crlf", "ident"]

    private let repository: Repository
    /// `core.autocrlf` is `true` or `input`: git converts text files without any attribute.
    private let autocrlf: Bool

    package init(_ repository: Repository) throws(GitError) {
        self.repository = repository
        let value = try repository.configString("core.autocrlf")?.lowercased() ?? "false"
        autocrlf = !["false", "no", "off", "0", ""].contains(value)
    }

    /// The attributes of `path` (relative to the working tree), in one lookup.
    package func attributes(for path: String) throws(GitError) -> Attributes {
        let cNames = Self.names.map { strdup($0) }
        defer { cNames.forEach { free($0) } }
        var values = [UnsafePointer<CChar>?](repeating: nil, count: cNames.count)
        var pointers = cNames.map { UnsafePointer($0) }
        try LibGit2.check(
            git_attr_get_many(&values, repository.handle, 0, path, cNames.count, &pointers),
            "reading the attributes of '\(path)'", subject: path)
        func string(_ value: UnsafePointer<CChar>?) -> String? {
            guard let value, git_attr_value(value) == GIT_ATTR_VALUE_STRING else { return nil }
            return String(cString: value)
        }
        return Attributes(
            filter: string(values[0]), workingTreeEncoding: string(values[1]),
            specifiesConversion: values[2...].contains { $0 != nil && git_attr_value($0) != GIT_ATTR_VALUE_UNSPECIFIED })
    }

    /// Each of `contents` (a blob's bytes) as git would write it into the working file at `path`,
    /// whose attributes are `attributes`.
    package func workingTreeForms(of contents: [[UInt8]], path: String, attributes: Attributes) throws(GitError) -> [[UInt8]] {
        guard autocrlf || attributes.specifiesConversion || attributes.filter != nil else { return contents }
        var filters: OpaquePointer?
        try LibGit2.check(
            git_filter_list_load(&filters, repository.handle, nil, path, GIT_FILTER_TO_WORKTREE, 0),
            "loading the checkout filters of '\(path)'", subject: path)
        guard let filters else { return contents }
        defer { git_filter_list_free(filters) }
        var forms: [[UInt8]] = []
        for bytes in contents {
            var buffer = git_buf()
            defer { git_buf_dispose(&buffer) }
            let code = bytes.withUnsafeBytes { raw in
                git_filter_list_apply_to_buffer(&buffer, filters, raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count)
            }
            try LibGit2.check(code, "converting '\(path)' for the working tree", subject: path)
            forms.append(buffer.size > 0 && buffer.ptr != nil ? Array(UnsafeRawBufferPointer(start: buffer.ptr, count: buffer.size)) : [])
        }
        return forms
    }
}
