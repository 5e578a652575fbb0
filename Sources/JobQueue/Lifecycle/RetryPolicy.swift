/// How often a job is attempted and how long it waits between attempts: exponential backoff,
/// `baseDelay × 2^(attempt − 1)`, capped at `maxDelay`.
package struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first one included (at least 1).
    package var maxAttempts: Int
    /// Seconds to wait after the first failed attempt.
    package var baseDelay: Double
    /// The longest wait, in seconds.
    package var maxDelay: Double

    package init(maxAttempts: Int = 3, baseDelay: Double = 5, maxDelay: Double = 600) {
        precondition(maxAttempts >= 1, "a job needs at least one attempt")
        self.maxAttempts = maxAttempts
        self.baseDelay = max(0, baseDelay)
        self.maxDelay = max(self.baseDelay, maxDelay)
    }

    /// Seconds to wait before attempt `attempt + 1`, after attempt `attempt` (1-based) failed.
    package func delay(afterAttempt attempt: Int) -> Double {
        let exponent = Double(max(0, attempt - 1))
        return min(maxDelay, baseDelay * pow2(exponent))
    }

    private func pow2(_ exponent: Double) -> Double {
        // 2^63 overflows nothing in Double; the cap keeps the result small.
        exponent >= 63 ? .infinity : Double(UInt64(1) << UInt64(exponent))
    }
}
