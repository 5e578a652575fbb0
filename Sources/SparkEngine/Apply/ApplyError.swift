internal import Diagnostics

/// An `apply` that could not finish, beyond the git and recipe errors it passes through.
package struct ApplyError: DiagnosticError {
    package enum Code: String, Sendable {
        /// The review branch has commits sparkd did not make: it is frozen.
        case blocked
        /// A recipe changed its own output again: its result is not committed.
        case notIdempotent
        /// A file that parsed before the change does not after it (a ``SourceValidator`` said so).
        case breaksParse
        /// The change needs a new review branch and the repository's limits allow none now.
        case limitReached
        /// The review branch already holds sparkd's change on a newer base than this job's:
        /// publishing would move it back.
        case staleBase
    }

    package var code: Code
    package var message: String
    package var hint: String?

    /// A change that needs the new review branch `branch` while the repository's limits allow none.
    static func limitReached(branch: String) -> ApplyError {
        ApplyError(
            code: .limitReached,
            message: "the change needs a new review branch '\(branch)', and the repository's branch limits allow none now",
            hint: "merge or delete open review branches, or raise limits.open_branches / limits.branches_per_hour")
    }
}
