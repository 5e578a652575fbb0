/// The result of a simulated job: per-request times and totals, in modeled seconds.
package struct SimulationReport: Hashable, Sendable {
    package struct RequestTiming: Hashable, Sendable {
        package var session: Int
        /// When the client submitted it.
        package var submitted: Double
        /// When the server admitted it (KV cache reserved).
        package var admitted: Double
        /// When the client saw its first token / its end.
        package var firstToken: Double
        package var done: Double
        package var promptTokens: Int
        package var outputTokens: Int

        package var ttft: Double { firstToken - submitted }
        package var latency: Double { done - submitted }
    }

    package var requests: [RequestTiming]
    /// Handshakes paid (persistent sessions opened).
    package var sessionsOpened: Int
    /// The most requests holding KV cache at once.
    package var peakConcurrency: Int
    /// The most KV-cache bytes reserved at once.
    package var peakKVBytes: Double

    /// Modeled seconds from the first submission to the last completion.
    package var makespan: Double {
        (requests.map(\.done).max() ?? 0) - (requests.map(\.submitted).min() ?? 0)
    }

    package var outputTokens: Int { requests.reduce(0) { $0 + $1.outputTokens } }
    package var promptTokens: Int { requests.reduce(0) { $0 + $1.promptTokens } }

    /// The `p`-quantile (0…1) of time to first token, nearest rank.
    package func ttftQuantile(_ p: Double) -> Double {
        let sorted = requests.map(\.ttft).sorted()
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}
