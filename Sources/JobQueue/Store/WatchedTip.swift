/// The tip of a watched branch that the daemon has queued its `push` work for. Compared with the
/// branch's tip at start-up, it tells what happened while sparkd was not running.
package struct WatchedTip: Sendable, Hashable {
    package var repository: String
    package var branch: String
    /// Full commit id; nil: the branch was deleted.
    package var tip: String?

    package init(repository: String, branch: String, tip: String?) {
        (self.repository, self.branch, self.tip) = (repository, branch, tip)
    }
}
