import Foundation

/// What to run: recipes on one repository at one base commit of a watched branch.
package struct JobRequest: Sendable, Hashable, Codable {
    /// The repository's path, as configured.
    package var repository: String
    /// The watched branch the base came from (`main`), which names the job's lineage.
    package var branch: String
    /// The base commit's full id.
    package var base: String
    /// Recipe ids, applied in this order.
    package var recipes: [String]
    /// Recipe parameters (`K=V`).
    package var parameters: [String: String]
    /// What asked for the job: `push`, `manual`, `nightly`, a schedule's name.
    package var trigger: String
    /// A sharded job's part of the tree: a top-level directory, or `""` for the files at the top
    /// level; nil: the whole tree.
    package var scope: String?
    /// A fixup-commits job (`fixup_commits:` in the configuration): the base branch whose merge
    /// base with `base` starts the range; its `fixup!` commits land on `<prefix>fixup/<branch>`.
    /// nil: a job that writes one review commit on `base`.
    package var fixupBase: String?

    package init(
        repository: String, branch: String, base: String, recipes: [String], parameters: [String: String] = [:],
        trigger: String, scope: String? = nil, fixupBase: String? = nil
    ) {
        self.scope = scope
        self.fixupBase = fixupBase
        self.repository = repository
        self.branch = branch
        self.base = base
        self.recipes = recipes
        self.parameters = parameters
        self.trigger = trigger
    }

    /// Equal for two requests that would do the same work: repository, watched branch (which names
    /// the review branch), recipes, parameters, base. At most one active job has a given key.
    var dedupeKey: String {
        var parts: [String: KeyPart] = [
            "repository": .string(repository), "branch": .string(branch), "base": .string(base), "recipes": .list(recipes),
            "parameters": .map(parameters),
        ]
        if let scope { parts["scope"] = .string(scope) }
        if let fixupBase { parts["fixup_base"] = .string(fixupBase) }
        return Self.key(parts)
    }

    /// Equal for requests on the same branch with the same recipes, whatever the base: a newer
    /// base supersedes a queued job with the same lineage.
    var lineageKey: String {
        var parts: [String: KeyPart] = [
            "repository": .string(repository), "branch": .string(branch), "recipes": .list(recipes), "parameters": .map(parameters),
        ]
        if let scope { parts["scope"] = .string(scope) }
        if let fixupBase { parts["fixup_base"] = .string(fixupBase) }
        return Self.key(parts)
    }

    private enum KeyPart: Encodable {
        case string(String)
        case list([String])
        case map([String: String])
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let value): try container.encode(value)
            case .list(let value): try container.encode(value)
            case .map(let value): try container.encode(value)
            }
        }
    }

    private static func key(_ parts: [String: KeyPart]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, lists and maps of strings cannot fail.
        return String(decoding: try! encoder.encode(parts), as: UTF8.self)
    }
}
