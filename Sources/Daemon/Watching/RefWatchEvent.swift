/// What ``RefWatcher`` reports, in the order it observed it.
///
/// The first event of every run is `.baseline`: the state of every configured repository at
/// start-up, so the daemon can compare it with what it last processed (changes made while it
/// was down are not reported as `.branch` events). After that, each rescan reports only
/// differences from the previous one.
package enum RefWatchEvent: Sendable, Hashable {
    /// The first scan: every configured repository, present or missing, with its watched tips.
    case baseline(RefSnapshot)
    /// A watched branch was created, advanced, rewritten or deleted.
    case branch(RefChange)
    /// A configured repository that was missing (or not a repository) can now be opened. A
    /// `.branch(.created)` event follows for each watched branch it already has.
    case repositoryAppeared(path: String)
    /// A configured repository can no longer be found. Its branches are not reported as deleted;
    /// if it comes back, `.repositoryAppeared` and `.created` events follow.
    case repositoryVanished(path: String)

    /// The change, for `.branch` events.
    package var change: RefChange? {
        if case .branch(let change) = self { return change }
        return nil
    }
}
