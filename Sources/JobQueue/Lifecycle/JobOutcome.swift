/// How a worker's attempt at a job ended, when it ended without an error.
package enum JobOutcome: Sendable, Hashable {
    /// A review branch was written or updated (its name and commit, for the record).
    case succeeded(branch: String?, commit: String?)
    /// Nothing changed: no branch.
    case noChange
    /// The branch was not touched, e.g. because it holds a human commit; `reason` says why.
    case blocked(reason: String)
    /// Nothing was published because the watched branch moved past the job's base while it ran;
    /// the job on the new base regenerates the review branch.
    case superseded(reason: String)
}
