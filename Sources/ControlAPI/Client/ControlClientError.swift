internal import Diagnostics

/// A control request that failed: no daemon, no permission, a broken reply, or the daemon's
/// own refusal (with its error body relayed).
package struct ControlClientError: DiagnosticError {
    package enum Code: String, Sendable, Hashable {
        /// Nothing listens on the socket: the file is missing, or stale (connection refused).
        case noDaemon = "no_daemon"
        /// The socket exists but this user may not connect to it (it is mode 0600).
        case permissionDenied = "permission_denied"
        /// The path cannot be a socket (too long for `sun_path`, or not a socket).
        case invalidSocket = "invalid_socket"
        /// The daemon did not answer in time.
        case timeout
        /// The connection broke, or the reply was not HTTP or not the JSON expected.
        case badResponse = "bad_response"
        /// The daemon answered with an error (see `status` and `daemonCode`).
        case daemon
    }

    package var code: Code
    package var message: String
    package var hint: String?
    package var socketPath: String
    /// The HTTP status of a `.daemon` error.
    package var status: Int?
    /// The daemon's error code (`not_found`, `conflict`, …) of a `.daemon` error.
    package var daemonCode: String?

    package init(
        _ code: Code, _ message: String, socketPath: String, hint: String? = nil, status: Int? = nil, daemonCode: String? = nil
    ) {
        self.code = code
        self.message = message
        self.hint = hint
        self.socketPath = socketPath
        self.status = status
        self.daemonCode = daemonCode
    }
}
