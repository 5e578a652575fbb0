package import Foundation

/// One job as the control API shows it (`GET /v1/jobs`, and the result of enqueue, cancel, retry).
package struct JobSummary: Codable, Sendable, Hashable, Identifiable {
    package var id: Int64
    package var repository: String
    package var branch: String
    /// The base commit's full id.
    package var base: String
    package var recipes: [String]
    package var parameters: [String: String]
    package var trigger: String
    /// `queued`, `running`, `succeeded`, `no-change`, `blocked`, `failed`, `cancelled`, `superseded`.
    package var state: String
    package var attempts: Int
    package var maxAttempts: Int
    /// Why it is blocked or failed, or why the last attempt failed.
    package var reason: String?
    package var supersededBy: Int64?
    package var resultBranch: String?
    package var resultCommit: String?
    package var createdAt: Date
    package var updatedAt: Date
    package var finishedAt: Date?

    package init(
        id: Int64, repository: String, branch: String, base: String, recipes: [String], parameters: [String: String],
        trigger: String, state: String, attempts: Int, maxAttempts: Int, reason: String? = nil, supersededBy: Int64? = nil,
        resultBranch: String? = nil, resultCommit: String? = nil, createdAt: Date, updatedAt: Date, finishedAt: Date? = nil
    ) {
        self.id = id
        self.repository = repository
        self.branch = branch
        self.base = base
        self.recipes = recipes
        self.parameters = parameters
        self.trigger = trigger
        self.state = state
        self.attempts = attempts
        self.maxAttempts = maxAttempts
        self.reason = reason
        self.supersededBy = supersededBy
        self.resultBranch = resultBranch
        self.resultCommit = resultCommit
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.finishedAt = finishedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, repository, branch, base, recipes, parameters, trigger, state, attempts, reason
        case maxAttempts = "max_attempts"
        case supersededBy = "superseded_by"
        case resultBranch = "result_branch"
        case resultCommit = "result_commit"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case finishedAt = "finished_at"
    }
}
