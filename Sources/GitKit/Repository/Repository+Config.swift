internal import CLibGit2

extension Repository {
    /// Turns off (or on) hashing every object read again to check its id, for this process. On
    /// by default, so that the daemon notices a corrupt object; a pre-commit hook that reads
    /// every staged blob, as `git commit` itself does, and `sparkctl apply`, need it no more than
    /// git (which leaves it to `git fsck`): SHA-1 with collision detection was 14 % of fixing
    /// 1,000 staged files, and a fifth of a 10,000-file apply.
    package static func verifyObjectHashes(_ enabled: Bool) {
        LibGit2.setVerifiesObjectHashes(enabled)
    }

    /// A path-valued configuration entry (`~/` expanded, as git does), or nil when unset.
    package func configPath(_ key: String) throws(GitError) -> String? {
        try configValue(key, git_config_get_path)
    }

    /// A configuration entry's text, or nil when unset.
    package func configString(_ key: String) throws(GitError) -> String? {
        try configValue(key, git_config_get_string_buf)
    }

    private func configValue(
        _ key: String, _ get: (UnsafeMutablePointer<git_buf>?, OpaquePointer?, UnsafePointer<CChar>?) -> Int32
    ) throws(GitError) -> String? {
        var config: OpaquePointer?
        try LibGit2.check(git_repository_config_snapshot(&config, handle), "reading the configuration", subject: path)
        defer { git_config_free(config) }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let code = get(&buffer, config, key)
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
