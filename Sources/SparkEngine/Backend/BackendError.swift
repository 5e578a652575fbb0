internal import Diagnostics

/// A request or session a backend could not serve: what, which request or session, and how to
/// go on. Match on ``code``.
package struct BackendError: DiagnosticError, Equatable {
    package enum Code: String, Sendable {
        /// The request's prompt plus output budget does not fit the model's context window
        /// (or the replica's KV cache).
        case contextOverflow = "context-overflow"
        /// The session closed (or was never opened) while a request needed it.
        case sessionLost = "session-lost"
        /// The service refused more sessions or requests for now. Reserved for a remote backend:
        /// ``WSESimBackend`` never throws it, and nothing retries on it yet.
        case rateLimited = "rate-limited"
        /// The request was cancelled before it finished.
        case cancelled
        /// The program returned a different number of outputs than the request has units.
        case malformedOutput = "malformed-output"
    }

    package var code: Code
    package var message: String
    package var hint: String?

    package init(_ code: Code, _ message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }
}
