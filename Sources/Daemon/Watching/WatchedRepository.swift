/// A repository ``RefWatcher`` watches, and which of its branches.
package struct WatchedRepository: Sendable, Hashable {
    /// The path as configured: a working tree or a bare repository. It need not exist yet.
    package var path: String
    /// Branch names (`main`, `release/1.0`); other branches are ignored.
    package var branches: [String]

    package init(path: String, branches: [String]) {
        self.path = path
        self.branches = branches
    }

    package init(_ configuration: RepositoryConfiguration) {
        self.init(path: configuration.path, branches: configuration.branches)
    }
}
