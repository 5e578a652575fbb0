internal import Diagnostics

/// A failed git operation: what failed, where, and how to fix it.
///
/// Match on ``code`` (`catch let error as GitError where error.code == .locked`), or with
/// `catch GitError.Code.locked`.
package struct GitError: DiagnosticError {
    package enum Code: String, Sendable {
        /// The path is not a git repository (nor inside one).
        case notARepository
        /// libgit2 refused the repository because another user owns it (git's `safe.directory`).
        case notOwned
        /// The repository has no commits yet, so there is no snapshot to read.
        case emptyRepository
        /// A revision did not resolve to a commit.
        case unknownRevision
        /// A commit range that cannot be used as asked (its base is not an ancestor of its tip,
        /// or it holds a merge where only a line of commits makes sense).
        case invalidRange
        /// A path, object or reference does not exist.
        case notFound
        /// A lock file is held by another process (a concurrent git, gc or pack-refs).
        case locked
        /// Compare-and-swap lost: the reference moved since it was read.
        case modified
        /// A branch name that git does not accept.
        case invalidName
        /// The branch is checked out in a worktree, so moving it would change someone's checkout.
        case checkedOut
        /// The repository or its object database is not writable.
        case readOnly
        /// The change set cannot be turned into a tree (for example a path that is both file and directory).
        case invalidChange
        /// Anything else libgit2 reported.
        case other
    }

    package var code: Code
    package var message: String
    /// The repository path, file path or reference involved.
    package var subject: String?
    /// How to fix it, in one sentence.
    package var hint: String?
    /// libgit2's own return code and message, when it came from libgit2.
    package var libgit2Code: Int32?
    package var libgit2Message: String?

    package init(
        _ code: Code, _ message: String, subject: String? = nil, hint: String? = nil,
        libgit2Code: Int32? = nil, libgit2Message: String? = nil
    ) {
        self.code = code
        self.message = message
        self.subject = subject
        self.hint = hint
        self.libgit2Code = libgit2Code
        self.libgit2Message = libgit2Message
    }

    /// libgit2's own message, unless ``message`` already holds it.
    package var detail: String? {
        guard let libgit2Message, !message.contains(libgit2Message) else { return nil }
        return "libgit2: \(libgit2Message)"
    }
}

extension GitError.Code {
    /// Lets `catch GitError.Code.locked` match any error whose code is `.locked`.
    package static func ~= (code: GitError.Code, error: any Error) -> Bool {
        (error as? GitError)?.code == code
    }
}
