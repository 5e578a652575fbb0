/// What a job cost: the `usage` object of `sparkctl apply --json` (DESIGN.md), the human
/// summary and the commit body's `Usage:` line.
///
/// Tokens are the planner's estimates (``TokenEstimator``) of what the requests sent and what
/// the program answered; modeled seconds come from WSESim's performance model, replaying the
/// job's requests on their sessions — on the chosen profile and on the GPU baseline; CPU seconds
/// are this process's user + system time for the job (getrusage).
package struct UsageReport: Sendable, Codable, Equatable {
    package var backend: String
    package var profile: String
    package var transport: String
    package var requests: Int
    /// Sessions the requests ran on (persistent sessions on WebSocket).
    package var sessions: Int
    /// Handshakes paid: the sessions opened on a WebSocket transport, 0 on per-request HTTP.
    package var handshakes: Int
    package var promptTokens: Int
    package var outputTokens: Int
    /// Modeled seconds from the first request to the last answer, on `profile`.
    package var modeledSeconds: Double
    package var baselineProfile: String
    package var baselineModeledSeconds: Double
    package var ttftP50Seconds: Double
    package var ttftP95Seconds: Double
    /// The most requests the replica served at once.
    package var peakConcurrency: Int
    package var cpuSeconds: Double
    /// Whether the modeled time was also waited for (`--pace`).
    package var paced: Bool

    enum CodingKeys: String, CodingKey {
        case backend, profile, transport, requests, sessions, handshakes, paced
        case promptTokens = "prompt_tokens"
        case outputTokens = "output_tokens"
        case modeledSeconds = "modeled_seconds"
        case baselineProfile = "baseline_profile"
        case baselineModeledSeconds = "baseline_modeled_seconds"
        case ttftP50Seconds = "ttft_p50_seconds"
        case ttftP95Seconds = "ttft_p95_seconds"
        case peakConcurrency = "peak_concurrency"
        case cpuSeconds = "cpu_seconds"
    }
}
