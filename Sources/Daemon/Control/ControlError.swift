package import ControlAPI
internal import Diagnostics
package import JobQueue

/// A control request the daemon refuses, with the HTTP status it is sent with and what to do.
///
/// Match on codes: `catch let error as ControlError where error.code == .notFound`.
package struct ControlError: DiagnosticError {
    package enum Code: String, Sendable, Hashable {
        /// The request is malformed: bad JSON, a bad id, an unknown state name. HTTP 400.
        case badRequest = "bad_request"
        /// No such job, trigger or route. HTTP 404.
        case notFound = "not_found"
        /// The job's state does not allow it (cancel a finished job, retry a queued one). HTTP 409.
        case conflict
        /// The daemon failed (its database, a bug). HTTP 500.
        case `internal`
    }

    package var code: Code
    package var message: String
    package var hint: String?

    package init(_ code: Code, _ message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }

    package static func badRequest(_ message: String, hint: String? = nil) -> ControlError { .init(.badRequest, message, hint: hint) }
    package static func notFound(_ message: String, hint: String? = nil) -> ControlError { .init(.notFound, message, hint: hint) }
    package static func conflict(_ message: String, hint: String? = nil) -> ControlError { .init(.conflict, message, hint: hint) }

    package var httpStatus: Int {
        switch code {
        case .badRequest: 400
        case .notFound: 404
        case .conflict: 409
        case .internal: 500
        }
    }

    package var body: ControlErrorBody { ControlErrorBody(code: code.rawValue, message: message, hint: hint) }
}

extension ControlError {
    /// The control view of a job store failure: unknown job → 404, a state that does not allow
    /// the operation → 409, anything else (the database) → 500.
    package init(_ error: JobQueueError) {
        switch error.code {
        case .notFound:
            self.init(.notFound, error.message, hint: error.hint ?? "list jobs with 'sparkctl jobs'")
        case .invalidTransition, .leaseLost:
            self.init(.conflict, error.message, hint: error.hint)
        case .unavailable, .database, .newerSchema:
            self.init(.internal, error.message + (error.underlying.map { ": \($0)" } ?? ""), hint: error.hint)
        }
    }
}
