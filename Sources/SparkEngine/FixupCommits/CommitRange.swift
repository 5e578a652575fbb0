internal import Foundation
package import GitKit

/// `BASE..HEAD` as `sparkctl fixup --commits` takes it: the commits reachable from HEAD and not
/// from BASE, which must form one line of single-parent commits on top of BASE (what
/// `git rebase -i BASE` replays).
package struct CommitRange: Sendable, Hashable {
    package var base: String
    package var head: String

    package init(base: String, head: String) {
        (self.base, self.head) = (base, head)
    }

    /// `BASE..HEAD`, `BASE..` (HEAD) or `BASE` alone (as `git rebase -i BASE` reads it).
    package static func parse(_ text: String) throws(GitError) -> CommitRange {
        if text.contains("...") {
            throw GitError(
                .invalidRange, "'\(text)' is a symmetric range; fixup commits need BASE..HEAD", subject: text,
                hint: "write BASE..HEAD with two dots, BASE being where the work under review starts (e.g. main..feature)")
        }
        let parts = text.components(separatedBy: "..")
        guard parts.count <= 2, let base = parts.first, !base.isEmpty else {
            throw GitError(
                .invalidRange, "'\(text)' is not a range of the form BASE..HEAD", subject: text,
                hint: "write BASE..HEAD, e.g. main..feature or origin/main..HEAD")
        }
        let head = parts.count == 2 && !parts[1].isEmpty ? parts[1] : "HEAD"
        return CommitRange(base: base, head: head)
    }

    package var description: String { "\(base)..\(head)" }

    /// The range resolved in `repository`: its commits oldest first.
    package struct Resolved: Sendable {
        package var base: ObjectID
        package var head: ObjectID
        /// BASE..HEAD, oldest first; each one's parent is the one before (the first's is BASE).
        package var commits: [ObjectID]
    }

    /// Resolves both ends and walks from HEAD down to BASE by parents.
    ///
    /// - Throws: ``GitError/Code/unknownRevision`` naming the revision that does not resolve;
    ///   ``GitError/Code/invalidRange`` when BASE is not an ancestor of HEAD, or when a merge
    ///   commit is in the range (a rebase would flatten it, so a `fixup!` commit cannot be folded
    ///   into the history as it is: refused rather than skipped, so no fix is silently dropped).
    package func resolve(in repository: Repository) throws(GitError) -> Resolved {
        let baseID = try resolveEnd(base, in: repository)
        let headID = try resolveEnd(head, in: repository)
        guard try repository.isAncestor(baseID, of: headID) else {
            throw GitError(
                .invalidRange, "'\(base)' (\(baseID.short)) is not an ancestor of '\(head)' (\(headID.short)) in '\(repository.path)'",
                subject: description,
                hint: "use the commit the work starts from as BASE, e.g. $(git merge-base \(base) \(head))..\(head)")
        }
        var commits: [ObjectID] = []
        var current = headID
        while current != baseID {
            let parents = try repository.parents(of: current)
            guard parents.count == 1 else {
                let subject = (try? repository.message(of: current))?.split(separator: "\n").first.map(String.init) ?? ""
                throw GitError(
                    .invalidRange,
                    parents.isEmpty
                        ? "'\(base)' is not reachable from '\(head)' by first parents"
                        : "\(description) contains the merge commit \(current.short) \"\(subject)\"; fixup! commits can only be "
                            + "folded into a line of single-parent commits (git rebase -i flattens merges)",
                    subject: current.description,
                    hint: "start the range after the merge (\(current.short)..\(head)), or make the branch linear first (git rebase \(base))")
            }
            commits.append(current)
            current = parents[0]
        }
        return Resolved(base: baseID, head: headID, commits: commits.reversed())
    }

    private func resolveEnd(_ revision: String, in repository: Repository) throws(GitError) -> ObjectID {
        do {
            return try repository.resolveCommit(revision)
        } catch {
            var error = error
            if error.code == .unknownRevision {
                error.hint =
                    "both ends of \(description) must name commits of '\(repository.path)' "
                    + "(a branch, tag or commit id; see `git log --oneline` or `git branch -a`)"
            }
            throw error
        }
    }
}
