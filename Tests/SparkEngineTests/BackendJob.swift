import WSESim

@testable import SparkEngine

/// Jobs of synthetic requests run through a real ``WSESimBackend``, pool and dispatcher.
enum BackendJob {
    /// A request of one unit whose program answers `outputBytes` bytes (nil: unchanged).
    static func request(_ id: Int, promptBytes: Int = 3_000, outputBytes: Int?) -> BackendRequest {
        let path = "file\(id).txt"
        let prompt = TokenEstimator.systemPrompt + TokenEstimator.header(path: path) + TokenEstimator.tokens(byteCount: promptBytes)
        let output = outputBytes.map { [UInt8](repeating: UInt8(ascii: "b"), count: $0) }
        return BackendRequest(
            id: RequestID(id), instructions: "test", units: [.init(path: path, byteCount: promptBytes)],
            promptTokens: prompt, outputBudget: TokenEstimator.outputBudget(path: path, byteCount: max(promptBytes, outputBytes ?? 0)),
            program: RequestProgram { [output] })
    }

    /// Runs `waves` of requests (each wave one dispatcher run, as a batch of a job is) and
    /// accounts for them.
    static func run(
        _ waves: [[BackendRequest]], transport: Transport = .webSocket, sessionLimit: Int = 8, pace: BackendConfiguration.Pace = .virtual
    ) async throws -> (usage: UsageReport, served: [RequestUsage], pool: SessionPool) {
        let configuration = BackendConfiguration(transport: transport, pace: pace, sessionLimit: sessionLimit)
        let backend = WSESimBackend(profile: configuration.profile, transport: transport)
        let pool = SessionPool(backend: backend, limit: sessionLimit)
        let dispatcher = RequestDispatcher(pool: pool)
        for wave in waves { _ = try await dispatcher.run(wave) }
        await pool.closeIdle()
        let usage = try await UsageAccounting.report(served: backend.served, configuration: configuration, cpuSeconds: 0)
        return (usage, backend.served, pool)
    }
}
