/// One file's change in a change set, relative to a base tree.
package struct FileChange: Sendable, Hashable {
    package enum Action: Sendable, Hashable {
        /// Create or replace the file with these bytes and mode (also a mode-only change).
        /// `id`, when given, is the bytes' blob id from ``ObjectID/blob(of:)``, computed ahead
        /// (for example on another thread) so the writer need not hash them again.
        case write([UInt8], mode: FileMode, id: ObjectID? = nil)
        /// Remove the file (or, for a path that is a directory in the base, the whole directory).
        case delete
    }

    /// Slash-separated path from the repository root.
    package var path: String
    package var action: Action

    package init(path: String, action: Action) {
        self.path = path
        self.action = action
    }

    package static func write(_ path: String, _ bytes: [UInt8], mode: FileMode = .regular, id: ObjectID? = nil) -> FileChange {
        FileChange(path: path, action: .write(bytes, mode: mode, id: id))
    }

    package static func delete(_ path: String) -> FileChange {
        FileChange(path: path, action: .delete)
    }
}
