internal import CLibGit2

extension Repository {
    /// The local branches whose names start with `prefix` (`spark/`), without `refs/heads/`,
    /// sorted: the review branches the daemon counts against a repository's limit.
    package func branchNames(withPrefix prefix: String) throws(GitError) -> [String] {
        var iterator: OpaquePointer?
        // libgit2's glob matches `/` with `*`, so this lists nested names too.
        try LibGit2.check(
            git_reference_iterator_glob_new(&iterator, handle, "refs/heads/\(prefix)*"), "listing branches '\(prefix)*'")
        defer { git_reference_iterator_free(iterator) }
        var names: [String] = []
        var name: UnsafePointer<CChar>?
        while git_reference_next_name(&name, iterator) == 0, let name {
            names.append(String(String(cString: name).dropFirst("refs/heads/".count)))
        }
        return names.sorted()
    }
}
