internal import Executors
internal import GitKit
internal import Logging

extension RefWatcher {
    /// The outcome of one pass over every repository.
    struct ScanResult: Sendable {
        var snapshot: RefSnapshot
        /// Differences from the previous snapshot (none for the baseline scan).
        var events: [RefWatchEvent]
        /// The git common directory of every repository that opened, for inotify.
        var commonDirectories: [String]
    }

    /// Reads every repository on the executor's thread. One repository's failure is logged and
    /// leaves its previous state in place; it never stops the others.
    func scan(previous: RefSnapshot?) async -> ScanResult {
        let repositories = self.repositories
        let logger = self.logger
        let result = try? await executor.run {
            Self.scan(repositories, previous: previous, logger: logger)
        }
        // `run` only rethrows the body's errors, and the body throws none.
        return result ?? ScanResult(snapshot: previous ?? RefSnapshot(), events: [], commonDirectories: [])
    }

    private static func scan(_ repositories: [WatchedRepository], previous: RefSnapshot?, logger: Logger) -> ScanResult {
        var result = ScanResult(snapshot: RefSnapshot(), events: [], commonDirectories: [])
        for watched in repositories {
            var logger = logger
            logger[metadataKey: "repo.path"] = "\(watched.path)"
            let before = previous?.repositories[watched.path]
            let (state, commonDirectory, events) = read(watched, previous: before, isBaseline: previous == nil, logger: logger)
            result.snapshot.repositories[watched.path] = state
            result.events += events
            if let commonDirectory { result.commonDirectories.append(commonDirectory) }
        }
        return result
    }

    private static func read(
        _ watched: WatchedRepository, previous: RefSnapshot.RepositoryState?, isBaseline: Bool, logger: Logger
    ) -> (RefSnapshot.RepositoryState, String?, [RefWatchEvent]) {
        let repository: Repository
        do {
            repository = try Repository.openExactly(at: watched.path)
        } catch  where error.code == .notARepository {
            return (.missing, nil, isBaseline ? [] : RefSnapshot.changes(in: watched.path, from: previous, to: .missing) { _, _ in false })
        } catch {
            logger.info(
                "cannot open watched repository; keeping its last known state",
                metadata: [
                    "watch.error": "\(error)"
                ])
            return (previous ?? .missing, nil, [])
        }
        var tips: [String: ObjectID] = [:]
        for branch in watched.branches {
            do {
                if let tip = try repository.branchTip(branch) { tips[branch] = tip }
            } catch {
                logger.info(
                    "cannot read watched branch; keeping its last known tip",
                    metadata: [
                        "ref.name": "\(branch)", "watch.error": "\(error)",
                    ])
                if let old = previous?.tips?[branch] { tips[branch] = old }
            }
        }
        let state = RefSnapshot.RepositoryState.present(tips: tips)
        guard !isBaseline else { return (state, repository.commonDirectory, []) }
        let events = RefSnapshot.changes(in: watched.path, from: previous, to: state) { ancestor, descendant in
            do {
                return try repository.isAncestor(ancestor, of: descendant)
            } catch {
                // Typically the old tip was pruned after a force-push: it is not in the history.
                logger.debug(
                    "ancestry unknown; reporting a rewrite",
                    metadata: [
                        "ref.old": "\(ancestor)", "ref.new": "\(descendant)", "watch.error": "\(error)",
                    ])
                return false
            }
        }
        return (state, repository.commonDirectory, events)
    }
}
