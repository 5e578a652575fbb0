package import GitKit

/// One watched branch of one repository moved, appeared or went away.
package struct RefChange: Sendable, Hashable, CustomStringConvertible {
    package enum Kind: String, Sendable, Hashable {
        /// The branch did not exist before (`oldTip` is nil).
        case created
        /// Fast-forward: the old tip is an ancestor of the new one.
        case advanced
        /// History was rewritten (force-push, rebase, amend, reset): the old tip is not an ancestor
        /// of the new one, or no longer exists.
        case rewritten
        /// The branch is gone (`newTip` is nil).
        case deleted
    }

    /// The repository path as configured.
    package var repositoryPath: String
    /// The branch name as configured (`main`, `feature/x`).
    package var branch: String
    package var oldTip: ObjectID?
    package var newTip: ObjectID?
    package var kind: Kind

    package init(repositoryPath: String, branch: String, oldTip: ObjectID?, newTip: ObjectID?, kind: Kind) {
        self.repositoryPath = repositoryPath
        self.branch = branch
        self.oldTip = oldTip
        self.newTip = newTip
        self.kind = kind
    }

    package var description: String {
        "\(kind.rawValue) \(branch) \(oldTip?.short ?? "-")..\(newTip?.short ?? "-") in \(repositoryPath)"
    }
}
