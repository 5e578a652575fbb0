internal import Executors
internal import Foundation
internal import GitKit
internal import Logging
internal import ServiceLifecycle

/// Connects the ``RefWatcher`` to ``JobTriggers``: a moved branch queues its `push` jobs, a
/// deleted one is remembered, a repository that appears is resolved again. Restarts the watcher
/// with the new repository list when the configuration is reloaded.
struct RepositoryWatch: Service {
    let daemon: SparkDaemon

    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            // Subscribed before the setup is read: a reload in between is not missed.
            let reloads = daemon.reloads.subscribe()
            let setup = daemon.setup.current
            let watcher = RefWatcher(
                repositories: setup.configuration.repositories.map(WatchedRepository.init),
                pollInterval: .seconds(setup.configuration.watch.pollIntervalSeconds),
                mode: setup.configuration.watch.mode == "polling" ? .pollingOnly : .automatic, logger: daemon.logger)
            daemon.metrics.setWatchedRepositories(setup.configuration.repositories.count)
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await watcher.run() }
                group.addTask { for await event in watcher.events { await handle(event) } }
                group.addTask {
                    var iterator = reloads.makeAsyncIterator()
                    _ = await iterator.next()
                }
                // The first to end — a reload, or the watcher stopping for shutdown — ends this round.
                await group.next()
                group.cancelAll()
            }
        }
    }

    private func handle(_ event: RefWatchEvent) async {
        let triggers = daemon.triggers
        let logger = daemon.logger
        do {
            switch event {
            case .baseline:
                // Pushes between start-up's catch-up and the watcher's first scan.
                try await triggers.catchUp()
            case .branch(let change):
                if let tip = change.newTip {
                    logger.info(
                        "watched branch moved",
                        metadata: [
                            "repo.path": "\(change.repositoryPath)", "ref.name": "\(change.branch)",
                            "ref.change": "\(change.kind)", "ref.tip": "\(tip.short)",
                        ])
                    try await triggers.branchMoved(repository: change.repositoryPath, branch: change.branch, to: tip.description)
                } else {
                    try await triggers.branchDeleted(repository: change.repositoryPath, branch: change.branch)
                }
            case .repositoryAppeared(let path):
                logger.info("repository appeared", metadata: ["repo.path": "\(path)"])
                let resolution = try await daemon.executor.run { [setup = daemon.setup] in setup.current.resolving(repository: path) }
                daemon.setup.update { $0.replacing(resolution) }
                try await triggers.catchUp()
            case .repositoryVanished(let path):
                logger.warning("repository vanished; watching for it to come back", metadata: ["repo.path": "\(path)"])
            }
        } catch {
            logger.warning("cannot queue jobs for a ref change", metadata: ["error.message": "\(error)"])
        }
    }
}
