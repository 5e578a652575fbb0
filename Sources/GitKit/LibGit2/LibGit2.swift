internal import CLibGit2

/// The one place that initialises libgit2 and turns its return codes into ``GitError``s.
enum LibGit2 {
    /// `git_libgit2_init` exactly once per process; a `static let` runs it lazily and thread-safely.
    private static let initialised: Bool = {
        // libgit2 writes objects and refs to a temporary file and renames it into place, so a
        // process killed at any point leaves no half-written object or ref. (fsync stays off, as
        // in git: it guards against power loss only and costs milliseconds per object on a VM's disk.)
        git_libgit2_init()
        return true
    }()

    static func ensureInitialised() { _ = initialised }

    /// Whether every object read is hashed again to check its id (libgit2's default; git itself
    /// leaves that to `git fsck`).
    static func setVerifiesObjectHashes(_ enabled: Bool) {
        ensureInitialised()
        _ = sparkd_git_set_strict_hash_verification(enabled ? 1 : 0)
    }

    /// libgit2's last error message on this thread. Call right after the failing call: it is per thread.
    static func lastErrorMessage() -> String? {
        guard let error = git_error_last(), let text = error.pointee.message else { return nil }
        return String(cString: text)
    }

    /// Returns normally for `code >= 0`; otherwise throws a ``GitError`` built by `describe` from
    /// libgit2's code and message.
    @discardableResult
    static func check(
        _ code: Int32, _ describe: (_ code: Int32, _ message: String) -> GitError
    ) throws(GitError) -> Int32 {
        guard code < 0 else { return code }
        let message = lastErrorMessage() ?? "unknown libgit2 error \(code)"
        var error = describe(code, message)
        error.libgit2Code = code
        error.libgit2Message = message
        if code == GIT_ELOCKED.rawValue, error.code == .other { error.code = .locked }
        if error.code == .other, Self.looksReadOnly(message) {
            error.code = .readOnly
            error.hint = error.hint ?? "make the repository writable for this user, or run sparkd as its owner"
        }
        return try { () throws(GitError) -> Int32 in throw error }()
    }

    /// Shorthand: a generic failure of `operation` on `subject`.
    @discardableResult
    static func check(_ code: Int32, _ operation: String, subject: String? = nil) throws(GitError) -> Int32 {
        try check(code) { _, message in
            GitError(.other, "\(operation) failed: \(message)", subject: subject)
        }
    }

    static func looksReadOnly(_ message: String) -> Bool {
        message.contains("Read-only file system") || message.contains("Permission denied")
    }
}
