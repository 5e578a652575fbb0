/// Whether sparkd may overwrite an existing review branch: only while every commit on it past the
/// base is sparkd's own (carries the `Spark-Base` trailer). A human commit freezes it (Renovate's
/// rule); sparkd then reports the branch as blocked and never force-overwrites it.
///
/// The base may have been rewritten since the branch was written (a force-push to `main`): the
/// commits of the old base are then not in the new one, yet they are not the branch's content.
/// So the walk stops at the newest sparkd commit that sits on the base it names
/// (`Spark-Base` = its parent): what lies below it is base history, whoever wrote it.
///
/// A reviewer's `git commit --amend` or `rebase -i` keeps the message, trailers included, but
/// makes the reviewer the committer: when sparkd's committer email is known, a commit is
/// sparkd's only if it carries the trailer *and* that committer.
package struct BranchOwnership: Sendable, Equatable {
    package struct ForeignCommit: Sendable, Equatable {
        package var id: String
        package var subject: String
    }

    /// One commit on the branch past the (new) base, as the walk sees it.
    package struct Commit: Sendable {
        package var id: String
        package var subject: String
        /// The `Spark-Base` trailer's value; nil when the commit has none.
        package var sparkBase: String?
        package var parents: [String]
        package var committerEmail: String

        package init(id: String, subject: String, sparkBase: String?, parents: [String], committerEmail: String = "") {
            (self.id, self.subject, self.sparkBase, self.parents, self.committerEmail) =
                (id, subject, sparkBase, parents, committerEmail)
        }
    }

    /// Commits on the branch past the base that sparkd did not write, newest first.
    package var foreignCommits: [ForeignCommit]
    /// The `Spark-Base` of the newest sparkd commit on the branch (the base it was made from).
    package var sparkBase: String?

    package var isOwnedBySparkd: Bool { foreignCommits.isEmpty }

    /// `commits` are the branch's commits past the base, newest first (`git rev-list base..tip`);
    /// `sparkdEmail`, when known, is the committer email sparkd writes with.
    package init(commits: [Commit], sparkdEmail: String? = nil) {
        var foreign: [ForeignCommit] = []
        var newestBase: String?
        for commit in commits {
            if let sparkBase = Self.sparkBase(of: commit, sparkdEmail: sparkdEmail) {
                if newestBase == nil { newestBase = sparkBase }
                if commit.parents == [sparkBase] { break }
                continue
            }
            foreign.append(ForeignCommit(id: commit.id, subject: commit.subject))
        }
        foreignCommits = foreign
        sparkBase = newestBase
    }

    /// The `Spark-Base` of `commit` when it is sparkd's (the trailer, and sparkd's committer when
    /// that is known); nil for anyone else's.
    static func sparkBase(of commit: Commit, sparkdEmail: String?) -> String? {
        let committedBySparkd = sparkdEmail.map { $0.lowercased() == commit.committerEmail.lowercased() } ?? true
        return committedBySparkd ? commit.sparkBase : nil
    }

    /// Whether `commit` is sparkd's and sits on the base it names: what lies below is base history
    /// (where ``init(commits:sparkdEmail:)`` stops judging, and the reader stops reading).
    static func endsTheWalk(_ commit: Commit, sparkdEmail: String?) -> Bool {
        sparkBase(of: commit, sparkdEmail: sparkdEmail).map { commit.parents == [$0] } ?? false
    }
}
