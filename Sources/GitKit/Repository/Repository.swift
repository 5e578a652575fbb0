internal import CLibGit2
internal import Foundation

/// An open git repository (bare, non-bare, or a linked worktree).
///
/// Owns its `git_repository` handle and frees it in `deinit`. Not `Sendable`: libgit2 objects must
/// not be used by two threads at once, so a `Repository` lives inside one `BlockingExecutor` job.
package final class Repository {
    let handle: OpaquePointer
    /// Set while this handle writes into an in-memory object database (``withPackedObjects``):
    /// blobs then go straight to it, skipping the odb's per-object existence checks.
    var mempack: UnsafeMutablePointer<git_odb_backend>?
    /// While ``mempack`` is set: the blobs written into it, with their bytes, and the commits,
    /// for the pack (``withPackedObjects``); the new trees are found from the commits.
    var packedBlobs: [(id: ObjectID, bytes: [UInt8])] = []
    var packedCommits: [ObjectID] = []
    /// The path the caller gave, for messages.
    package let path: String

    private init(handle: OpaquePointer, path: String) {
        self.handle = handle
        self.path = path
    }

    deinit { git_repository_free(handle) }

    /// Opens the repository at `path` (a working tree, a linked worktree, a `.git` directory or a
    /// bare repository); a subdirectory of a working tree also works, as with `git -C`.
    package static func open(at path: String) throws(GitError) -> Repository {
        LibGit2.ensureInitialised()
        var handle: OpaquePointer?
        try LibGit2.check(git_repository_open_ext(&handle, path, 0, nil)) { code, message in
            Self.openError(path: path, code: code, message: message)
        }
        let repository = Repository(handle: handle!, path: path)
        // Reflog entries written by this handle name sparkd rather than the user.
        git_repository_set_ident(handle, "sparkd", "sparkd@localhost")
        return repository
    }

    private static func openError(path: String, code: Int32, message: String) -> GitError {
        // libgit2 1.5.1 (Debian 12) reports the ownership refusal as ENOTFOUND with "config value
        // 'safe.directory' was not found" when no safe.directory is configured; later releases
        // return GIT_EOWNER. Recognise both.
        if code == GIT_EOWNER.rawValue || message.contains("safe.directory") {
            let owner = (try? FileManager.default.attributesOfItem(atPath: path)[.ownerAccountID]) as? NSNumber
            let ownerText = owner.map { "uid \($0)" } ?? "another user"
            return GitError(
                .notOwned,
                "repository '\(path)' is owned by \(ownerText), not by the user running sparkd (uid \(getuid()))",
                subject: path,
                hint: "if you trust it, run: git config --global --add safe.directory '\(path)' "
                    + "(for the user sparkd runs as), or run sparkd as the repository's owner")
        }
        if code == GIT_ENOTFOUND.rawValue {
            let exists = FileManager.default.fileExists(atPath: path)
            return GitError(
                .notARepository,
                exists
                    ? "'\(path)' is not a git repository (nor inside one)"
                    : "'\(path)' does not exist",
                subject: path,
                hint: "pass --repo with the path of a repository's working tree or of a bare repository")
        }
        return GitError(.other, "cannot open repository '\(path)': \(message)", subject: path)
    }

    /// Whether this is a bare repository (no working tree).
    package var isBare: Bool { git_repository_is_bare(handle) == 1 }

    /// Whether this handle was opened through a linked worktree (`git worktree add`).
    package var isLinkedWorktree: Bool { git_repository_is_worktree(handle) == 1 }

    /// Whether HEAD names a branch that has no commits yet (a new repository). Unlike
    /// `git_repository_is_empty`, this does not assume the initial branch is `master`.
    package var isHeadUnborn: Bool { git_repository_head_unborn(handle) == 1 }

    /// The repository's git directory (for a linked worktree, its private one under `worktrees/`).
    package var gitDirectory: String { String(cString: git_repository_path(handle)) }

    /// The directory shared by all worktrees: objects and refs live here.
    package var commonDirectory: String { String(cString: git_repository_commondir(handle)) }

    /// The working tree, or nil for a bare repository.
    package var workingDirectory: String? { git_repository_workdir(handle).map { String(cString: $0) } }

    /// Opens a second handle on the same repository, for work that must not share this one's
    /// object database (for example an in-memory pack writer).
    func reopen() throws(GitError) -> Repository {
        try Repository.open(at: gitDirectory)
    }
}
