/// `POST /v1/jobs`: recipes to run on one repository. The daemon resolves what is left out.
package struct EnqueueRequest: Codable, Sendable, Hashable {
    /// The repository's path, as configured in the daemon (or any git repository it may open).
    package var repository: String
    /// The watched branch the job belongs to; nil: the repository's first watched branch.
    package var branch: String?
    /// A revision for the base commit; nil: the tip of `branch`.
    package var base: String?
    /// Recipe ids, applied in this order.
    package var recipes: [String]
    /// Recipe parameters, `NAME` or `RECIPE:NAME` → value.
    package var parameters: [String: String]
    /// What asked for the job; `manual` for sparkctl.
    package var trigger: String

    package init(
        repository: String, branch: String? = nil, base: String? = nil, recipes: [String], parameters: [String: String] = [:],
        trigger: String = "manual"
    ) {
        self.repository = repository
        self.branch = branch
        self.base = base
        self.recipes = recipes
        self.parameters = parameters
        self.trigger = trigger
    }

    enum CodingKeys: String, CodingKey {
        case repository, branch, base, recipes, parameters, trigger
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        repository = try container.decode(String.self, forKey: .repository)
        branch = try container.decodeIfPresent(String.self, forKey: .branch)
        base = try container.decodeIfPresent(String.self, forKey: .base)
        recipes = try container.decode([String].self, forKey: .recipes)
        parameters = try container.decodeIfPresent([String: String].self, forKey: .parameters) ?? [:]
        trigger = try container.decodeIfPresent(String.self, forKey: .trigger) ?? "manual"
    }
}
