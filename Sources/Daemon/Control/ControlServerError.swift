internal import Diagnostics

/// The control server could not start: the socket's place is taken or unusable.
package struct ControlServerError: DiagnosticError {
    package enum Code: String, Sendable, Hashable {
        /// Another sparkd answers on the socket.
        case alreadyRunning = "already_running"
        /// The path exists and is not a socket, or its directory cannot be made.
        case unusablePath = "unusable_path"
    }

    package var code: Code
    package var message: String
    package var socketPath: String
    package var hint: String?

    package init(_ code: Code, _ message: String, socketPath: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.socketPath = socketPath
        self.hint = hint
    }
}
