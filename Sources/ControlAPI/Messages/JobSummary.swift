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
    /// A shard's top-level directory (`shard: directory`); `""` for the files at the top level.
    package var scope: String?
    /// For a `fixup_commits` job: the branch its range starts from (`fixup!` commits on a review branch).
    package var fixupBase: String?
    package var createdAt: Date
    package var updatedAt: Date
    package var finishedAt: Date?

    /// The recipes, and what part of the branch they run on: `fixup/x in src/`, `fixup/x in the
    /// top level`, `fixup/x as fixup! since main`.
    package var work: String {
        var text = recipes.joined(separator: ",")
        if let scope { text += scope.isEmpty ? " in the top level" : " in \(scope)/" }
        if let fixupBase { text += " as fixup! since \(fixupBase)" }
        return text
    }

    package init(
        id: Int64, repository: String, branch: String, base: String, recipes: [String], parameters: [String: String],
        trigger: String, state: String, attempts: Int, maxAttempts: Int, reason: String? = nil, supersededBy: Int64? = nil,
        resultBranch: String? = nil, resultCommit: String? = nil, scope: String? = nil, fixupBase: String? = nil,
        createdAt: Date, updatedAt: Date, finishedAt: Date? = nil
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
        self.scope = scope
        self.fixupBase = fixupBase
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
        case scope
        case fixupBase = "fixup_base"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case finishedAt = "finished_at"
    }
}
