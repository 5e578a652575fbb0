internal import Diagnostics
internal import Foundation

#if canImport(Glibc)
    internal import Glibc
#endif

/// An exclusive `flock(2)` on `<state_dir>/sparkd.lock`, held for the daemon's lifetime: one
/// sparkd per state directory. Holding it proves that every `running` job in the database was
/// left by a process that is gone (kill -9, power loss), so those jobs can be queued again at
/// once instead of waiting for their leases to run out. The kernel drops the lock when the
/// process dies, however it dies.
package final class StateDirectoryLock: Sendable {
    let descriptor: Int32
    package let path: String

    /// Creates the state directory (mode 0700) if needed and takes the lock.
    package init(stateDirectory: String) throws {
        try FileManager.default.createDirectory(
            atPath: stateDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        path = stateDirectory + "/sparkd.lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw DaemonError(
                .lockUnavailable, "cannot create the lock file '\(path)': \(String(cString: strerror(errno)))",
                hint: "check that the state directory is writable by the user sparkd runs as")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
            close(descriptor)
            throw DaemonError(
                .alreadyRunning,
                "another sparkd is already running with the state directory '\(stateDirectory)'"
                    + (holder.map { $0.isEmpty ? "" : " (pid \($0))" } ?? ""),
                hint: "stop it first (systemctl stop sparkd), or give this one another state_dir")
        }
        ftruncate(descriptor, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { write(descriptor, $0, strlen($0)) }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }
}

/// A daemon start-up or runtime problem, with how to fix it.
package struct DaemonError: DiagnosticError {
    package enum Code: String, Sendable {
        /// The state directory's lock file cannot be created (the directory is not writable).
        case lockUnavailable
        /// Another sparkd holds the state directory's lock.
        case alreadyRunning
    }

    package var code: Code
    package var message: String
    package var hint: String?

    package init(_ code: Code, _ message: String, hint: String? = nil) {
        (self.code, self.message, self.hint) = (code, message, hint)
    }
}
