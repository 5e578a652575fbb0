package import WSESim

/// Which backend a job runs on and how its time is accounted: `sparkctl apply --profile
/// --transport --pace`. Defaults: `codex-spark`, WebSocket sessions, virtual time.
package struct BackendConfiguration: Sendable {
    package var profile: Profile
    /// The profile the report compares against (`gpu-h100`).
    package var baseline: Profile
    package var transport: Transport
    package var pace: Pace
    /// Sessions the client opens at most (the replica may hold fewer at a long context).
    package var sessionLimit: Int

    package enum Pace: Sendable, Equatable {
        /// Modeled time is computed, never waited for.
        case virtual
        /// The simulation advances at the modeled rate divided by `speedup` (1: real time).
        case paced(speedup: Double)
    }

    package init(
        profile: Profile = .codexSpark, baseline: Profile = .gpuH100, transport: Transport = .webSocket,
        pace: Pace = .virtual, sessionLimit: Int = SessionPool.defaultLimit
    ) {
        self.profile = profile
        self.baseline = baseline
        self.transport = transport
        self.pace = pace
        self.sessionLimit = sessionLimit
    }
}
