internal import CLibGit2

extension StagedIndex {
    /// Every entry, in index order.
    package var entries: [Entry] {
        let count = git_index_entrycount(handle)
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        for position in 0..<count {
            guard let raw = git_index_get_byindex(handle, position) else { continue }
            entries.append(Self.entry(raw))
        }
        return entries
    }

    /// The stage-0 entry at `path`, if there is one.
    package func entry(at path: String) -> Entry? {
        git_index_get_bypath(handle, path, 0).map(Self.entry)
    }

    /// Whether `path` has conflict stages (a merge in progress left it unresolved).
    package func isConflicted(_ path: String) -> Bool {
        (1...3).contains { git_index_get_bypath(handle, path, Int32($0)) != nil }
    }

    static func entry(_ raw: UnsafePointer<git_index_entry>) -> Entry {
        let flags = UInt32(raw.pointee.flags)
        let extended = UInt32(raw.pointee.flags_extended)
        return Entry(
            path: String(cString: raw.pointee.path),
            mode: raw.pointee.mode,
            id: ObjectID(raw.pointee.id),
            stage: Int((flags & UInt32(GIT_INDEX_ENTRY_STAGEMASK)) >> UInt32(GIT_INDEX_ENTRY_STAGESHIFT)),
            isIntentToAdd: extended & GIT_INDEX_ENTRY_INTENT_TO_ADD.rawValue != 0)
    }

    /// Points the stage-0 entry at `path` to `blob`, keeping its mode and flags. Its cached stat
    /// data is cleared — size 0 included, git's mark for "compare the content" (with a non-zero
    /// size that differs from the file's, as after a CRLF checkout, git would call the file
    /// modified without looking) — so git re-reads the working file instead of trusting stale
    /// stat data. In memory until ``write()``.
    package func setBlob(_ blob: ObjectID, for path: String) throws(GitError) {
        guard let current = git_index_get_bypath(handle, path, 0) else {
            throw GitError(.notFound, "'\(path)' is not in the index", subject: path)
        }
        var entry = git_index_entry()
        entry.mode = current.pointee.mode
        entry.flags = current.pointee.flags
        entry.flags_extended = current.pointee.flags_extended
        entry.id = blob.raw
        let code = path.withCString { pointer -> Int32 in
            entry.path = pointer
            return git_index_add(handle, &entry)
        }
        try LibGit2.check(code, "updating '\(path)' in the index", subject: path)
    }

    /// Saves the index: written to `<file>.lock` and renamed into place, so a failure or a kill
    /// leaves the old index whole. Another process's lock is a `.locked` error.
    package func write() throws(GitError) {
        try LibGit2.check(git_index_write(handle)) { code, message in
            if code == GIT_ELOCKED.rawValue || message.contains(".lock") {
                return GitError(
                    .locked, "the index '\(file)' is locked by another git process", subject: file,
                    hint: "wait for the other git command to finish; if none is running, remove '\(file).lock'")
            }
            return GitError(.other, "writing the index '\(file)' failed: \(message)", subject: file)
        }
    }
}
