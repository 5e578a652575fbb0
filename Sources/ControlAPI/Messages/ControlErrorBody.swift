/// The body of every control API error response, `{"error": {"code", "message", "hint"}}`,
/// with HTTP status 400 (bad request), 404 (no such job or trigger), 409 (the job's state does
/// not allow it) or 500.
package struct ControlErrorBody: Codable, Sendable, Hashable {
    /// Stable, snake_case: `bad_request`, `not_found`, `conflict`, `unavailable`, `internal`.
    package var code: String
    package var message: String
    package var hint: String?

    package init(code: String, message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }

    /// The wire form: the body nested under `error`, as sparkctl's own `--json` errors are.
    package struct Envelope: Codable, Sendable, Hashable {
        package var error: ControlErrorBody

        package init(error: ControlErrorBody) { self.error = error }
    }
}
