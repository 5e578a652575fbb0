/// The tree of one commit, flattened: every file, symlink and submodule with its mode and object
/// id, in git's path order. Bytes are not read here; ask the repository for them
/// (``Repository/contents(of:)``) only for the files a recipe needs.
package struct Snapshot: Sendable {
    package struct Entry: Sendable, Hashable {
        /// Slash-separated path from the repository root.
        package var path: String
        package var mode: FileMode
        /// The blob (or, for a submodule, the commit) the entry names.
        package var id: ObjectID
    }

    /// The commit the snapshot was read from.
    package var commit: ObjectID
    /// The commit's root tree.
    package var tree: ObjectID
    package var entries: [Entry]

    package init(commit: ObjectID, tree: ObjectID, entries: [Entry]) {
        self.commit = commit
        self.tree = tree
        self.entries = entries
    }
}
