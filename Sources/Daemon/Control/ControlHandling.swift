package import ControlAPI

/// What the control socket asks of the daemon. ``ControlServer`` decodes requests, calls these,
/// and encodes the result; a thrown ``ControlError`` becomes its HTTP status and error body, any
/// other error a 500. Implementations must not block Swift's cooperative pool (JobStore calls are
/// synchronous: run them on the daemon's own executor).
package protocol ControlHandling: Sendable {
    func status() async throws -> StatusResponse
    /// Jobs in `states` (every state when empty; the server has checked the names), newest
    /// first, at most `limit`.
    func jobs(states: [String], limit: Int) async throws -> [JobSummary]
    /// Throws ``ControlError`` `.notFound` for an unknown id.
    func job(_ id: Int64) async throws -> JobDetail
    func enqueue(_ request: EnqueueRequest) async throws -> EnqueueResponse
    func cancel(_ id: Int64) async throws -> JobSummary
    func retry(_ id: Int64) async throws -> JobSummary
    /// Runs the trigger `name` (`nightly`, `push`, a schedule's name) now; `.notFound` if no
    /// configured recipe uses it.
    func trigger(_ name: String) async throws -> TriggerResponse
}
