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

    /// `repository` resolved again under this setup's configuration (its `.sparkd.yml` may have
    /// changed, or it appeared). Slow (reads git); apply the result with ``replacing(_:)``.
    package func resolving(repository: String) -> RepositoryResolution {
        var only = configuration
        only.repositories = configuration.repositories.filter { $0.path == repository }
        let fresh = ConfigurationValidator.resolve(only, catalog: catalog)
        return RepositoryResolution(
            repository: repository, configuration: configuration, branches: fresh.branches,
            problems: fresh.problems.filter { $0.repository == repository })
    }

    /// This setup with one repository's resolution swapped in; unchanged when the configuration
    /// was reloaded since the resolution was made (it would bring the old configuration back).
    package func replacing(_ resolution: RepositoryResolution) -> DaemonSetup {
        guard resolution.configuration == configuration else { return self }
        var next = self
        next.resolved.branches.removeAll { $0.repository == resolution.repository }
        next.resolved.problems.removeAll { $0.repository == resolution.repository }
        next.resolved.branches += resolution.branches
        next.resolved.problems += resolution.problems
        return next
    }

    /// One repository's branches and problems, as ``resolving(repository:)`` found them.
    package struct RepositoryResolution: Sendable {
        package var repository: String
        package var configuration: DaemonConfiguration
        package var branches: [ResolvedConfiguration.Branch]
        package var problems: [RecipeError]
    }

    package func repository(_ path: String) -> RepositoryConfiguration? {
        configuration.repositories.first { $0.path == path }
    }

    package func branch(repository: String, branch: String) -> ResolvedConfiguration.Branch? {
        resolved.branches.first { $0.repository == repository && $0.branch == branch }
    }
}
