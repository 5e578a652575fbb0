package import GitKit

/// The watched branch tips of every configured repository at one moment. A value: diff two of
/// them with ``changes(from:to:isAncestor:)``.
package struct RefSnapshot: Sendable, Hashable {
    /// One repository's state.
    package enum RepositoryState: Sendable, Hashable {
        /// The path does not exist or is not a git repository.
        case missing
        /// The repository opened; `tips` holds the watched branches that exist.
        case present(tips: [String: ObjectID])

        package var tips: [String: ObjectID]? {
            if case .present(let tips) = self { return tips }
            return nil
        }
    }

    /// Configured repository path → state.
    package var repositories: [String: RepositoryState]

    package init(repositories: [String: RepositoryState] = [:]) {
        self.repositories = repositories
    }

    /// The tip of `branch` in the repository at `path`, nil when either is missing.
    package func tip(of branch: String, in path: String) -> ObjectID? {
        repositories[path]?.tips?[branch]
    }
}
