internal import CLibGit2
internal import Foundation

extension Repository {
    /// Writes the blob for `bytes` and returns its id (an existing identical blob is reused).
    package func writeBlob(_ bytes: [UInt8], knownID: ObjectID? = nil) throws(GitError) -> ObjectID {
        var oid = knownID?.raw ?? git_oid()
        let code = bytes.withUnsafeBytes { buffer -> Int32 in
            guard let mempack else { return git_blob_create_from_buffer(&oid, handle, buffer.baseAddress, buffer.count) }
            // In a packed write, hash once and store in memory. `git_odb_write` would first look
            // for the object in every backend and, on a miss, re-scan the pack directory: two
            // to three syscalls per blob, about 0.1 s over 10,000 blobs in `make bench-commit`. A blob that happens
            // to exist already is stored again in the new pack, which git allows.
            if knownID == nil {
                let hashed = git_odb_hash(&oid, buffer.baseAddress, buffer.count, GIT_OBJECT_BLOB)
                guard hashed == 0 else { return hashed }
            }
            return mempack.pointee.write(mempack, &oid, buffer.baseAddress, buffer.count, GIT_OBJECT_BLOB)
        }
        try LibGit2.check(code, "writing a blob into '\(path)'", subject: path)
        if mempack != nil { packedBlobs.append((ObjectID(oid), bytes)) }
        return ObjectID(oid)
    }

    /// Writes a blob for each of `contents` and returns their ids, in order. From `packThreshold`
    /// blobs on they go into one pack (hashed once, no per-object existence check, deflated on
    /// all cores, ``PackWriter``), written before this returns; fewer are written as loose objects. Either way every
    /// blob is readable by any handle and process when this returns, so an index or ref may name
    /// them at once.
    package func writeBlobs(_ contents: [[UInt8]], packThreshold: Int = defaultPackThreshold) throws(GitError) -> [ObjectID] {
        guard !contents.isEmpty else { return [] }
        return try writingObjects(count: contents.count, packThreshold: packThreshold) { writer throws(GitError) in
            var ids: [ObjectID] = []
            ids.reserveCapacity(contents.count)
            for bytes in contents { ids.append(try writer.writeBlob(bytes)) }
            return ids
        }
    }

    /// Writes the tree that is `base` with `changes` applied and returns its id.
    ///
    /// Uses `git_tree_create_updated` (fast: only the touched subtrees are rebuilt); that call
    /// refuses file↔directory changes and removals of missing paths, so those change sets go
    /// through an in-memory index instead.
    package func writeTree(base: ObjectID, changes: [FileChange]) throws(GitError) -> ObjectID {
        let blobs = try changes.map { change throws(GitError) -> (FileChange, ObjectID?) in
            if case .write(let bytes, _, let id) = change.action { return (change, try writeBlob(bytes, knownID: id)) }
            return (change, nil)
        }
        if let tree = try? updatedTree(base: base, blobs: blobs) { return tree }
        return try indexTree(base: base, blobs: blobs)
    }

    private func updatedTree(base: ObjectID, blobs: [(FileChange, ObjectID?)]) throws(GitError) -> ObjectID {
        var baseRaw = base.raw
        var baseTree: OpaquePointer?
        try LibGit2.check(git_tree_lookup(&baseTree, handle, &baseRaw), "reading tree \(base.short)")
        defer { git_tree_free(baseTree) }
        // The path C strings must outlive the call: keep them in one array of owned copies.
        let paths = blobs.map { strdup($0.0.path)! }
        defer { paths.forEach { free($0) } }
        var updates = zip(blobs, paths).map { item, cPath -> git_tree_update in
            var update = git_tree_update()
            update.path = UnsafePointer(cPath)
            if case .write(_, let mode, _) = item.0.action, let id = item.1 {
                update.action = GIT_TREE_UPDATE_UPSERT
                update.id = id.raw
                update.filemode = mode.libgit2
            } else {
                update.action = GIT_TREE_UPDATE_REMOVE
            }
            return update
        }
        var out = git_oid()
        try LibGit2.check(
            git_tree_create_updated(&out, handle, baseTree, updates.count, &updates), "updating tree \(base.short)")
        return ObjectID(out)
    }

    private func indexTree(base: ObjectID, blobs: [(FileChange, ObjectID?)]) throws(GitError) -> ObjectID {
        var index: OpaquePointer?
        try LibGit2.check(git_index_new(&index), "creating an in-memory index")
        defer { git_index_free(index) }
        var baseRaw = base.raw
        var baseTree: OpaquePointer?
        try LibGit2.check(git_tree_lookup(&baseTree, handle, &baseRaw), "reading tree \(base.short)")
        defer { git_tree_free(baseTree) }
        try LibGit2.check(git_index_read_tree(index, baseTree), "reading tree \(base.short) into an index")
        // Removals first, so a path freed by a removal can be reused by a write.
        for (change, _) in blobs where change.action == .delete {
            _ = git_index_remove_bypath(index, change.path)
            _ = git_index_remove_directory(index, change.path, 0)
        }
        for (change, id) in blobs {
            guard case .write(_, let mode, _) = change.action, let id else { continue }
            var entry = git_index_entry()
            entry.mode = mode.rawValue
            entry.id = id.raw
            // git_index_add replaces entries that collide (a file where a directory was, or back).
            let code = change.path.withCString { cPath -> Int32 in
                entry.path = cPath
                return git_index_add(index, &entry)
            }
            try LibGit2.check(code) { _, message in
                GitError(
                    .invalidChange, "cannot place '\(change.path)' in the new tree: \(message)",
                    subject: change.path, hint: "paths must be relative, slash-separated and without '.' or '..' parts")
            }
        }
        var out = git_oid()
        try LibGit2.check(git_index_write_tree_to(&out, index, handle), "writing the new tree")
        return ObjectID(out)
    }
}
