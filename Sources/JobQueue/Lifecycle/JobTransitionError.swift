/// An event that the job's state does not allow, e.g. completing a job that is not running.
/// Nothing was changed.
package struct JobTransitionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The event, as a verb: "claim", "complete", "fail", "expire the lease of", "cancel",
    /// "supersede", "retry".
    package var event: String
    package var state: JobState

    package var description: String {
        "cannot \(event) a job that is \(state.rawValue)"
            + (state.isFinal ? "; it is finished (retry it, or enqueue a new job)" : "")
    }
}
