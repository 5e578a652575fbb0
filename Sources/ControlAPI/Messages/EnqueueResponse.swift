/// What an enqueue did: a new job (possibly superseding queued jobs of the same lineage on an
/// older base), or the active job that already does the same work.
package struct EnqueueResponse: Codable, Sendable, Hashable {
    package var job: JobSummary
    /// True when no new job was made: `job` is an active job with the same repository, branch,
    /// recipes, parameters and base.
    package var deduplicated: Bool
    /// Queued jobs this one replaced.
    package var superseded: [Int64]

    package init(job: JobSummary, deduplicated: Bool, superseded: [Int64] = []) {
        self.job = job
        self.deduplicated = deduplicated
        self.superseded = superseded
    }
}
