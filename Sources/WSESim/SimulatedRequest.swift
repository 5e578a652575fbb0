/// One request in a simulated job. Requests of the same session run one after another, in the
/// order given (a session carries one request at a time, as a WebSocket session does).
package struct SimulatedRequest: Hashable, Sendable {
    package var session: Int
    /// Earliest time the client may submit it (modeled seconds); it also waits for the previous
    /// request of its session.
    package var submitAt: Double
    package var promptTokens: Int
    package var outputTokens: Int

    package init(session: Int, submitAt: Double = 0, promptTokens: Int, outputTokens: Int) {
        self.session = session
        self.submitAt = submitAt
        self.promptTokens = promptTokens
        self.outputTokens = outputTokens
    }

    /// Tokens of KV cache the request holds at its end: prompt plus output.
    package var context: Int { promptTokens + outputTokens }
}
