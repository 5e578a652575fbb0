import TestSupport
import Testing

@testable import WSESim

/// The model behaves as the hardware does, beyond the points it was fitted to.
@Suite("Performance model: physical sanity", .tags(.small))
struct PhysicalSanityTests {
    private let calibration = CalibrationSet.published().points.map(\.arch)

    @Test func biggerModelsNeedMoreWafers() {
        let models = calibration.map { PerformanceModel(architecture: $0, contextWindow: 8192) }
            .sorted { $0.architecture.weightBytes < $1.architecture.weightBytes }
        for (smaller, bigger) in zip(models, models.dropFirst()) {
            #expect(smaller.wafers <= bigger.wafers, "\(smaller.architecture.name) vs \(bigger.architecture.name)")
        }
        #expect(models.first!.wafers < models.last!.wafers)
        // "20B fits on one CS-3, 70B on as few as four" (README).
        let llama70 = calibration.first { $0.name == "Llama 3.1 70B" }!
        #expect(PerformanceModel(architecture: llama70, contextWindow: 8192).wafers == 4)
    }

    @Test func sessionsDropAsContextGrows() {
        let model = Profile.codexSpark.model
        let contexts = [1024, 4096, 16_384, 65_536, 131_072]
        let sessions = contexts.map { model.maxSessions(context: $0) }
        for (a, b) in zip(sessions, sessions.dropFirst()) { #expect(a > b, "\(sessions)") }
        #expect(sessions.last! >= 1)
    }

    @Test func decodeSlowsAsContextGrows() {
        let model = Profile.codexSpark.model
        #expect(model.decodeTokensPerSecond(context: 1024) > model.decodeTokensPerSecond(context: 131_072))
    }

    @Test func codexSparkIsInThe1000TokensClassAt128K() {
        let estimate = Profile.codexSpark.model.estimate(context: 131_072)
        #expect(estimate.decodeTokensPerSecond >= 1000)
        #expect(estimate.maxSessions >= 1, "a 128K session fits on the replica")
    }

    /// GPU-served GPT-5.3-Codex: about 65–70 tokens/s (README), at a typical 32K context. The
    /// GPU constants are assumed, not fitted; the band allows the README's 25 % source spread.
    @Test func gpuBaselineIsNearTheGPUServedCodex() {
        let rate = Profile.gpuH100.model.decodeTokensPerSecond(context: 32_768)
        #expect(rate > 65 * 0.75 && rate < 70 * 1.25, "\(rate)")
        #expect(Profile.codexSpark.model.decodeTokensPerSecond(context: 32_768) / rate > 10)
    }

    @Test func mixtureOfExpertsTouchesMoreWeightsInABatch() {
        let moe = Profile.codexSparkArchitecture
        #expect(moe.touchedWeightBytes(batch: 1) == moe.activeWeightBytes)
        #expect(moe.touchedWeightBytes(batch: 8) > moe.touchedWeightBytes(batch: 1))
        #expect(moe.touchedWeightBytes(batch: 10_000) <= moe.weightBytes * (1 + 1e-12))
        let dense = calibration.first { $0.name == "Qwen3 32B" }!
        #expect(dense.touchedWeightBytes(batch: 8) == dense.weightBytes)
    }

    @Test func longerPromptsTakeLongerToFirstToken() {
        let model = Profile.codexSpark.model
        #expect(model.ttftSeconds(prompt: 100_000) > model.ttftSeconds(prompt: 1_000))
        #expect(model.ttftSeconds(prompt: 1_000, transport: .http) > model.ttftSeconds(prompt: 1_000, transport: .webSocket))
    }

    @Test func everyProfileNameResolvesAndUnknownNamesSuggest() throws {
        for profile in Profile.all { #expect(try Profile.named(profile.name) == profile) }
        #expect(Profile.all.map(\.name).contains("llama-3.1-70b"))
        do {
            _ = try Profile.named("codex-sprak")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .unknownProfile)
            #expect(error.hint?.contains("codex-spark") == true)
        }
    }
}
