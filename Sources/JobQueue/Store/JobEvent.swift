package import Foundation

/// One line of a job's history: a state change, when, by whom and why.
package struct JobEvent: Sendable, Hashable {
    package var jobID: Job.ID
    package var at: Date
    /// Nil for the event that created the job.
    package var from: JobState?
    package var to: JobState
    /// The worker involved, if any.
    package var worker: String?
    package var detail: String?
}
