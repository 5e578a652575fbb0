package import Foundation

/// `GET /v1/jobs/{id}`: the job's summary fields (flat, as in ``JobSummary``) plus its history.
package struct JobDetail: Codable, Sendable, Hashable {
    /// One state change: when, from which state, by which worker, and why.
    package struct Event: Codable, Sendable, Hashable {
        package var at: Date
        /// Nil for the event that created the job.
        package var from: String?
        package var to: String
        package var worker: String?
        package var detail: String?

        package init(at: Date, from: String?, to: String, worker: String? = nil, detail: String? = nil) {
            self.at = at
            self.from = from
            self.to = to
            self.worker = worker
            self.detail = detail
        }
    }

    package var job: JobSummary
    /// Oldest first.
    package var events: [Event]

    package init(job: JobSummary, events: [Event]) {
        self.job = job
        self.events = events
    }

    enum CodingKeys: String, CodingKey {
        case events
    }

    package init(from decoder: any Decoder) throws {
        job = try JobSummary(from: decoder)
        events = try decoder.container(keyedBy: CodingKeys.self).decode([Event].self, forKey: .events)
    }

    package func encode(to encoder: any Encoder) throws {
        try job.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(events, forKey: .events)
    }
}
