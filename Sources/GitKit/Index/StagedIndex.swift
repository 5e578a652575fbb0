internal import CLibGit2
internal import Foundation

/// The index a commit is about to be made from: the repository's own, or the file `$GIT_INDEX_FILE`
/// names (git sets it for `git commit -a` and pathspec commits, and runs the pre-commit hook
/// against that file).
///
/// Owns its `git_index` and frees it in `deinit`. Entries are changed in memory
/// (``setBlob(_:for:)``) and saved only by ``write()``, which takes git's `index.lock`: a lock held
/// by another process is a `.locked` ``GitError``, never a half-written index.
package final class StagedIndex {
    let handle: OpaquePointer
    /// The index file this handle reads and writes.
    package let file: String

    init(handle: OpaquePointer, file: String) {
        self.handle = handle
        self.file = file
    }

    deinit { git_index_free(handle) }

    /// One stage-0 entry (or a conflict stage) of the index.
    package struct Entry: Sendable, Hashable {
        package var path: String
        /// The raw git mode (`0o100644`, `0o100755`, `0o120000`, `0o160000`).
        package var mode: UInt32
        package var id: ObjectID
        /// 0 for a normal entry, 1–3 for the sides of a conflict.
        package var stage: Int
        /// `git add -N`: a placeholder for a file to be added later; git commits nothing for it.
        package var isIntentToAdd: Bool
        /// A regular or executable file (not a symbolic link, not a submodule).
        package var isFile: Bool { mode == 0o100644 || mode == 0o100755 }
    }

    /// How a staged path differs from HEAD.
    package enum Status: String, Sendable, Hashable, Codable {
        /// Not in HEAD (a new file, or the new name of a renamed one).
        case added
        case modified
        /// In HEAD, gone from the index (or the old name of a renamed file).
        case deleted
        /// A file became a symbolic link or the reverse.
        case typeChanged = "type-changed"
        /// Unmerged: the index holds conflict stages for it.
        case conflicted
    }

    package struct StagedPath: Sendable, Hashable {
        package var path: String
        package var status: Status
    }
}

extension Repository {
    /// Opens the index a commit would be made from: `indexFile` when given (the value of
    /// `$GIT_INDEX_FILE`, resolved against `currentDirectory` when relative, as git does), else
    /// the repository's own index.
    package func openIndex(
        // getenv, not ProcessInfo.environment, which copies the whole environment (a hook's start).
        indexFile: String? = getenv("GIT_INDEX_FILE").map { String(cString: $0) },
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) throws(GitError) -> StagedIndex {
        guard !isBare else {
            throw GitError(
                .other, "'\(path)' is a bare repository: it has no index to fix", subject: path,
                hint: "run this in a working tree (the pre-commit hook does)")
        }
        let file: String
        if let indexFile, !indexFile.isEmpty {
            file = indexFile.hasPrefix("/") ? indexFile : (currentDirectory as NSString).appendingPathComponent(indexFile)
        } else {
            file = (gitDirectory as NSString).appendingPathComponent("index")
        }
        var index: OpaquePointer?
        try LibGit2.check(git_index_open(&index, file), "opening the index '\(file)'", subject: file)
        return StagedIndex(handle: index!, file: file)
    }
}
