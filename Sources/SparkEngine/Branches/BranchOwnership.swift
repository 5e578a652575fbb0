/// Whether sparkd may overwrite an existing review branch: only while every commit on it past the
/// base is sparkd's own (carries the `Spark-Base` trailer). A human commit freezes it (Renovate's
/// rule); sparkd then reports the branch as blocked and never force-overwrites it.
package struct BranchOwnership: Sendable, Equatable {
    package struct ForeignCommit: Sendable, Equatable {
        package var id: String
        package var subject: String
    }

    /// Commits on the branch past the base that sparkd did not write, newest first.
    package var foreignCommits: [ForeignCommit]

    package var isOwnedBySparkd: Bool { foreignCommits.isEmpty }

    /// `commits` are the branch's commits past the base with their messages' trailer keys.
    package init(commits: [(id: String, subject: String, trailerKeys: [String])]) {
        foreignCommits = commits
            .filter { !$0.trailerKeys.contains(CommitMessage.baseTrailer) }
            .map { ForeignCommit(id: $0.id, subject: $0.subject) }
    }
}
