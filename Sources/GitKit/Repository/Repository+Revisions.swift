internal import CLibGit2

extension Repository {
    /// Resolves `revision` (anything `git rev-parse` accepts: `HEAD`, a branch, a tag, `main~2`, a
    /// hex id) to the commit it names, peeling tags.
    package func resolveCommit(_ revision: String) throws(GitError) -> ObjectID {
        if revision == "HEAD", isHeadUnborn {
            throw GitError(
                .emptyRepository, "repository '\(path)' has no commits yet, so there is nothing to apply recipes to",
                subject: path, hint: "commit something first, then run sparkctl again")
        }
        var object: OpaquePointer?
        try LibGit2.check(git_revparse_single(&object, handle, revision)) { code, message in
            GitError(
                .unknownRevision, "unknown revision '\(revision)' in '\(path)'", subject: revision,
                hint: "pass --base with a branch, tag or commit that exists (see `git log --oneline` or `git branch -a`)")
        }
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        try LibGit2.check(git_object_peel(&commit, object, GIT_OBJECT_COMMIT)) { _, _ in
            GitError(
                .unknownRevision, "revision '\(revision)' in '\(path)' does not name a commit", subject: revision,
                hint: "pass a branch, tag or commit id")
        }
        defer { git_object_free(commit) }
        return ObjectID(git_object_id(commit)!)
    }

    /// The commit a branch points at, or nil when the branch does not exist.
    package func branchTip(_ branch: String) throws(GitError) -> ObjectID? {
        var oid = git_oid()
        let code = git_reference_name_to_id(&oid, handle, Self.fullBranchName(branch))
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try LibGit2.check(code, "reading branch '\(branch)'", subject: branch)
        return ObjectID(oid)
    }

    /// The tree of a commit.
    package func treeOfCommit(_ commit: ObjectID) throws(GitError) -> ObjectID {
        try withCommit(commit) { pointer in ObjectID(git_commit_tree_id(pointer)!) }
    }

    /// The full message of a commit.
    package func message(of commit: ObjectID) throws(GitError) -> String {
        try withCommit(commit) { pointer in String(cString: git_commit_message_raw(pointer)) }
    }

    /// The trailers (`Key: value` lines at the end of the message) of a commit, in order.
    package func trailers(of commit: ObjectID) throws(GitError) -> [(key: String, value: String)] {
        let text = try message(of: commit)
        var array = git_message_trailer_array()
        try LibGit2.check(git_message_trailers(&array, text), "reading trailers of \(commit.short)")
        defer { git_message_trailer_array_free(&array) }
        return (0..<array.count).map { index in
            let trailer = array.trailers[index]
            return (String(cString: trailer.key), String(cString: trailer.value))
        }
    }

    /// The commits reachable from `tip` but not from `base`, newest first (`git rev-list base..tip`).
    package func commits(from tip: ObjectID, excluding base: ObjectID) throws(GitError) -> [ObjectID] {
        var walk: OpaquePointer?
        try LibGit2.check(git_revwalk_new(&walk, handle), "walking history")
        defer { git_revwalk_free(walk) }
        var tipRaw = tip.raw
        var baseRaw = base.raw
        try LibGit2.check(git_revwalk_push(walk, &tipRaw), "walking from \(tip.short)")
        try LibGit2.check(git_revwalk_hide(walk, &baseRaw), "walking to \(base.short)")
        var result: [ObjectID] = []
        var oid = git_oid()
        while git_revwalk_next(&oid, walk) == 0 { result.append(ObjectID(oid)) }
        return result
    }

    /// The parents of a commit.
    package func parents(of commit: ObjectID) throws(GitError) -> [ObjectID] {
        try withCommit(commit) { pointer in
            (0..<git_commit_parentcount(pointer)).map { ObjectID(git_commit_parent_id(pointer, $0)!) }
        }
    }

    func withCommit<T>(_ id: ObjectID, _ body: (OpaquePointer) throws(GitError) -> T) throws(GitError) -> T {
        var raw = id.raw
        var commit: OpaquePointer?
        try LibGit2.check(git_commit_lookup(&commit, handle, &raw)) { code, _ in
            GitError(
                code == GIT_ENOTFOUND.rawValue ? .notFound : .other,
                "commit \(id) cannot be read from '\(path)'", subject: id.description)
        }
        defer { git_commit_free(commit) }
        return try body(commit!)
    }

    static func fullBranchName(_ branch: String) -> String {
        branch.hasPrefix("refs/") ? branch : "refs/heads/\(branch)"
    }
}
