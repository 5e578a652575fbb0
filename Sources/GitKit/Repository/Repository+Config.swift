internal import CLibGit2

extension Repository {
    /// A path-valued configuration entry (`~/` expanded, as git does), or nil when unset.
    package func configPath(_ key: String) throws(GitError) -> String? {
        var config: OpaquePointer?
        try LibGit2.check(git_repository_config_snapshot(&config, handle), "reading the configuration", subject: path)
        defer { git_config_free(config) }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let code = git_config_get_path(&buffer, config, key)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try LibGit2.check(code, "reading \(key)", subject: path)
        return buffer.ptr.map { String(cString: $0) }
    }

    /// Where git runs this repository's hooks from: `core.hooksPath` (relative to the working
    /// tree's root, or to the git directory of a bare repository, as git resolves it), else the
    /// common directory's `hooks/` (shared by every linked worktree).
    package func hooksDirectory() throws(GitError) -> String {
        if let configured = try configPath("core.hooksPath"), !configured.isEmpty {
            if configured.hasPrefix("/") { return configured }
            let base = workingDirectory ?? gitDirectory
            return (base.hasSuffix("/") ? base : base + "/") + configured
        }
        let common = commonDirectory
        return (common.hasSuffix("/") ? common : common + "/") + "hooks"
    }
}
