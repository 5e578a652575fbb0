/// Wall-clock time per phase of a job, for the report (`timings_ms`).
struct PhaseClock: Sendable {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private(set) var laps: [String: Double] = [:]

    init() { last = clock.now }

    /// Records the time since the previous lap under `phase`.
    mutating func lap(_ phase: String) {
        let now = clock.now
        let elapsed = now - last
        laps[phase, default: 0] += Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
        last = now
    }
}
