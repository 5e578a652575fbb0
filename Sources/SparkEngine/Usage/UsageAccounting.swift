internal import WSESim

/// Turns the requests a ``WSESimBackend`` served into a ``UsageReport``: replays them, on the
/// sessions they ran on and in request order, through WSESim's ``ReplicaSimulator`` for the
/// chosen profile (paced if asked) and for the baseline (always in virtual time).
package enum UsageAccounting {
    package static func report(
        served: [RequestUsage], configuration: BackendConfiguration, cpuSeconds: Double
    ) async throws -> UsageReport {
        let simulated = served.map {
            SimulatedRequest(session: $0.session.value, promptTokens: $0.promptTokens, outputTokens: $0.outputTokens)
        }
        var report = UsageReport(
            backend: "wse-sim", profile: configuration.profile.name, transport: configuration.transport.kind.rawValue,
            requests: served.count, sessions: Set(served.map(\.session)).count, handshakes: 0,
            promptTokens: served.reduce(0) { $0 + $1.promptTokens }, outputTokens: served.reduce(0) { $0 + $1.outputTokens },
            modeledSeconds: 0, baselineProfile: configuration.baseline.name, baselineModeledSeconds: 0,
            ttftP50Seconds: 0, ttftP95Seconds: 0, peakConcurrency: 0, cpuSeconds: cpuSeconds,
            paced: configuration.pace != .virtual)
        guard !simulated.isEmpty else { return report }
        let simulator = ReplicaSimulator(model: configuration.profile.model, transport: configuration.transport)
        let main: SimulationReport
        switch configuration.pace {
        case .virtual:
            main = try await simulator.run(simulated)
        case .paced(let speedup):
            var clock = PacedClock(speedup: speedup)
            main = try await simulator.run(simulated, clock: &clock)
        }
        let baseline = try await ReplicaSimulator(model: configuration.baseline.model, transport: configuration.transport)
            .run(simulated)
        report.handshakes = main.sessionsOpened
        report.modeledSeconds = main.makespan
        report.baselineModeledSeconds = baseline.makespan
        report.ttftP50Seconds = main.ttftQuantile(0.5)
        report.ttftP95Seconds = main.ttftQuantile(0.95)
        report.peakConcurrency = main.peakConcurrency
        return report
    }
}
