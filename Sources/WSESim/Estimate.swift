/// What `sparkctl wse estimate` reports. Encodes exactly the five documented keys; the rest is
/// for human output.
package struct Estimate: Encodable, Hashable, Sendable {
    package var decodeTokensPerSecond: Double
    package var prefillTokensPerSecond: Double
    package var wafers: Int
    package var ttftSeconds: Double
    package var maxSessions: Int
    /// Wafers or GPUs in the replica.
    package var devices: Int
    package var hardware: String
    package var context: Int
    package var prompt: Int

    enum CodingKeys: String, CodingKey {
        case decodeTokensPerSecond = "decode_tokens_per_second"
        case prefillTokensPerSecond = "prefill_tokens_per_second"
        case wafers
        case ttftSeconds = "ttft_seconds"
        case maxSessions = "max_sessions"
    }
}
