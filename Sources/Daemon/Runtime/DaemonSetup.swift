package import Recipes

/// What the daemon runs with, loaded from the configuration file at start-up and again on SIGHUP:
/// the configuration, the recipe catalog, and the configuration resolved against the real
/// repositories. A value: a reload builds a new one and swaps it in whole.
package struct DaemonSetup: Sendable {
    package var configuration: DaemonConfiguration
    package var catalog: RecipeCatalog
    package var resolved: ResolvedConfiguration
    /// Recipe files that did not load (each naming its file and position); naming one fails.
    package var catalogProblems: [RecipeError]

    /// Loads `file` and the catalog, and resolves the repositories. Throws the first problem that
    /// concerns the whole configuration; problems with one repository are in `resolved.problems`.
    package static func load(file: String) throws -> DaemonSetup {
        let configuration = try ConfigurationLoader.load(file: file)
        return try make(configuration)
    }

    package static func make(_ configuration: DaemonConfiguration) throws -> DaemonSetup {
        let catalog = try RecipeCatalog.tolerant(directories: try RecipeCatalog.standardDirectories(configuration.recipeDirectories))
        let resolved = ConfigurationValidator.resolve(configuration, catalog: catalog)
        if let fatal = resolved.fatalProblems.first { throw fatal }
        return DaemonSetup(configuration: configuration, catalog: catalog, resolved: resolved, catalogProblems: catalog.problems)
    }

    /// This setup with `repository` resolved again (its `.sparkd.yml` may have changed, or it
    /// appeared): its branches and problems replace the old ones.
    package func reresolving(repository: String) -> DaemonSetup {
        var only = configuration
        only.repositories = configuration.repositories.filter { $0.path == repository }
        let fresh = ConfigurationValidator.resolve(only, catalog: catalog)
        var next = self
        next.resolved.branches.removeAll { $0.repository == repository }
        next.resolved.problems.removeAll { $0.repository == repository }
        next.resolved.branches += fresh.branches
        next.resolved.problems += fresh.problems.filter { $0.repository == repository }
        return next
    }

    package func repository(_ path: String) -> RepositoryConfiguration? {
        configuration.repositories.first { $0.path == path }
    }

    package func branch(repository: String, branch: String) -> ResolvedConfiguration.Branch? {
        resolved.branches.first { $0.repository == repository && $0.branch == branch }
    }
}
