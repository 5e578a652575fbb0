internal import CLibGit2
internal import Foundation

extension Repository {
    /// Whether `name` is a branch name git accepts (`git check-ref-format --branch`).
    package static func isValidBranchName(_ name: String) -> Bool {
        LibGit2.ensureInitialised()
        var valid: Int32 = 0
        return git_reference_name_is_valid(&valid, fullBranchName(name)) == 0 && valid == 1
    }

    /// Moves branch `name` to `new` only if it still points at `expected` (nil: only if it does
    /// not exist yet). This is the one way sparkd moves a ref.
    ///
    /// - Throws: ``GitError/Code/modified`` when the branch moved since it was read (the other
    ///   writer's commit is left in place); ``GitError/Code/checkedOut`` when a worktree has the
    ///   branch checked out; ``GitError/Code/locked`` when another process still holds the ref's
    ///   lock after `lockRetryBudget`; ``GitError/Code/invalidName`` for a name git refuses.
    package func updateBranch(
        _ name: String, to new: ObjectID, expecting expected: ObjectID?, reflogMessage: String,
        lockRetryBudget: Duration = .seconds(2)
    ) throws(GitError) {
        let fullName = Self.fullBranchName(name)
        guard Self.isValidBranchName(name) else {
            throw GitError(
                .invalidName, "'\(name)' is not a valid branch name", subject: name,
                hint: "use letters, digits, '-', '_', '.' and '/' (see `git check-ref-format --help`)")
        }
        if expected != nil, try isCheckedOut(fullName) {
            throw GitError(
                .checkedOut, "branch '\(name)' is checked out in a worktree of '\(path)'; sparkd never moves a checked-out branch",
                subject: name, hint: "switch that worktree to another branch, or pass --branch with another name")
        }
        try retryingLocks(budget: lockRetryBudget, ref: fullName) { () throws(GitError) in
            var ref: OpaquePointer?
            var target = new.raw
            let code: Int32
            if let expected {
                var old = expected.raw
                code = git_reference_create_matching(&ref, handle, fullName, &target, 1, &old, reflogMessage)
            } else {
                code = git_reference_create(&ref, handle, fullName, &target, 0, reflogMessage)
            }
            defer { git_reference_free(ref) }
            try LibGit2.check(code) { code, message in
                Self.updateError(name: name, expected: expected, code: code, message: message, path: path)
            }
        }
    }

    /// Deletes branch `name` only if it still points at `expected`.
    package func deleteBranch(_ name: String, expecting expected: ObjectID) throws(GitError) {
        let fullName = Self.fullBranchName(name)
        if try isCheckedOut(fullName) {
            throw GitError(.checkedOut, "branch '\(name)' is checked out; sparkd does not delete it", subject: name)
        }
        var ref: OpaquePointer?
        try LibGit2.check(git_reference_lookup(&ref, handle, fullName)) { _, _ in
            GitError(.modified, "branch '\(name)' was deleted by someone else", subject: name)
        }
        defer { git_reference_free(ref) }
        guard let target = git_reference_target(ref), ObjectID(target) == expected else {
            throw GitError(.modified, "branch '\(name)' moved since it was read; not deleted", subject: name)
        }
        // git_reference_delete refuses when the ref no longer matches what was loaded above.
        try retryingLocks(budget: .seconds(2), ref: fullName) { () throws(GitError) in
            try LibGit2.check(git_reference_delete(ref)) { code, message in
                Self.updateError(name: name, expected: expected, code: code, message: message, path: path)
            }
        }
    }

    private static func updateError(name: String, expected: ObjectID?, code: Int32, message: String, path: String) -> GitError {
        switch code {
        case GIT_EMODIFIED.rawValue, GIT_EEXISTS.rawValue:
            let was = expected.map { "at \($0.short)" } ?? "absent"
            return GitError(
                .modified, "branch '\(name)' changed since sparkd read it (expected it \(was)); not overwritten",
                subject: name, hint: "run the job again: it will start from the branch's new state")
        case GIT_ELOCKED.rawValue:
            return lockedError(name: name, path: path)
        default:
            return GitError(.other, "cannot update branch '\(name)': \(message)", subject: name)
        }
    }

    private static func lockedError(name: String, path: String) -> GitError {
        GitError(
            .locked, "branch '\(name)' is locked by another process", subject: name,
            hint: "wait for the other git process to finish; if none is running, remove the stale '.lock' file for refs/heads/\(name) in '\(path)'")
    }

    /// Waits (with the same backoff as ``updateBranch``) until no other process holds the lock of
    /// branch `name`, and throws ``GitError/Code/locked`` if one still does after `budget`. Called
    /// before a job writes any object, so a held lock costs nothing; the lock is taken for real only
    /// by the compare-and-swap update, which still reports a lock that appears in between.
    package func waitUntilBranchUnlocked(_ name: String, budget: Duration = .seconds(2)) throws(GitError) {
        let lockPath = commonDirectory + Self.fullBranchName(name) + ".lock"
        try retryingLocks(budget: budget, ref: name) { () throws(GitError) in
            if FileManager.default.fileExists(atPath: lockPath) { throw Self.lockedError(name: name, path: path) }
        }
    }

    /// Whether any worktree of the repository has `fullName` checked out (its HEAD names it).
    private func isCheckedOut(_ fullName: String) throws(GitError) -> Bool {
        var ref: OpaquePointer?
        let code = git_reference_lookup(&ref, handle, fullName)
        if code == GIT_ENOTFOUND.rawValue { return false }
        try LibGit2.check(code, "reading \(fullName)", subject: fullName)
        defer { git_reference_free(ref) }
        let result = git_branch_is_checked_out(ref)
        try LibGit2.check(result, "checking whether \(fullName) is checked out", subject: fullName)
        return result == 1
    }

    /// libgit2 does not wait for locks; a concurrent git, `gc` or `pack-refs` holds them briefly.
    /// Retry with exponential backoff (1 ms doubling, up to `budget` in all).
    private func retryingLocks(budget: Duration, ref: String, _ body: () throws(GitError) -> Void) throws(GitError) {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: budget)
        var delay = Duration.milliseconds(1)
        while true {
            do {
                return try body()
            } catch  where error.code == .locked && clock.now.advanced(by: delay) < deadline {
                Thread.sleep(forTimeInterval: Double(delay.components.attoseconds) / 1e18 + Double(delay.components.seconds))
                delay = min(delay * 2, .milliseconds(200))
            }
        }
    }
}
