extension SimulatedRequest {
    /// A synthetic job for benchmarks and tests: `requests` requests of `promptTokens` in and
    /// `outputTokens` out each, spread round-robin over `sessions` sessions, all submitted at 0.
    package static func job(requests: Int, sessions: Int, promptTokens: Int, outputTokens: Int) -> [SimulatedRequest] {
        (0..<requests).map {
            SimulatedRequest(session: $0 % max(1, sessions), promptTokens: promptTokens, outputTokens: outputTokens)
        }
    }
}
