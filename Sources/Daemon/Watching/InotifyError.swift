/// inotify could not be set up: the watcher falls back to polling and says why.
package struct InotifyError: Error, Sendable, CustomStringConvertible {
    /// What was attempted (`inotify_init1`, `inotify_add_watch <path>`).
    package var operation: String
    package var errno: Int32
    package var message: String

    package init(operation: String, errno: Int32, message: String) {
        self.operation = operation
        self.errno = errno
        self.message = message
    }

    package var description: String {
        var text = "\(operation) failed: \(message) (errno \(errno))"
        if errno == 28 {  // ENOSPC: the per-user watch limit.
            text += "; raise fs.inotify.max_user_watches (sysctl), or run the watcher in polling mode"
        }
        return text
    }
}
