/// `POST /v1/triggers/{name}`: the jobs a trigger (`nightly`, `push`, a schedule's name) asked for.
package struct TriggerResponse: Codable, Sendable, Hashable {
    package var trigger: String
    /// One entry per job asked for: new, or an active duplicate.
    package var jobs: [EnqueueResponse]

    package init(trigger: String, jobs: [EnqueueResponse]) {
        self.trigger = trigger
        self.jobs = jobs
    }
}
