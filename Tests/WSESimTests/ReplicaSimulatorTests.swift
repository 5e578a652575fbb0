import TestSupport
import Testing

@testable import WSESim

/// The discrete-event simulator: conservation, backpressure, analytic agreement, clocks.
@Suite("Replica simulator", .tags(.small))
struct ReplicaSimulatorTests {
    private let model = Profile.codexSpark.model

    @Test func everyRequestCompletesInOrderWithinItsSession() async throws {
        let job = SimulatedRequest.job(requests: 400, sessions: 40, promptTokens: 3000, outputTokens: 700)
        let report = try await ReplicaSimulator(model: model).run(job)
        #expect(report.requests.count == job.count)
        #expect(report.outputTokens == 400 * 700)
        for timing in report.requests {
            #expect(timing.submitted <= timing.admitted)
            #expect(timing.admitted < timing.firstToken)
            #expect(timing.firstToken <= timing.done)
        }
        for session in 0..<40 {
            let own = report.requests.filter { $0.session == session }
            for (earlier, later) in zip(own, own.dropFirst()) { #expect(later.submitted >= earlier.done) }
        }
    }

    @Test func concurrencyNeverExceedsMaxSessionsAtTheContextLength() async throws {
        let context = 100_000
        let limit = model.maxSessions(context: context)
        let job = SimulatedRequest.job(requests: 60, sessions: 30, promptTokens: context - 2000, outputTokens: 2000)
        let report = try await ReplicaSimulator(model: model).run(job)
        #expect(limit >= 1)
        #expect(report.peakConcurrency == limit, "30 sessions queue for \(limit) slots")
        #expect(report.peakKVBytes <= model.kvCapacityBytes)
        #expect(report.requests.contains { $0.admitted > $0.submitted }, "some requests waited: backpressure")
    }

    @Test func aLoneRequestMatchesTheAnalyticModel() async throws {
        let request = SimulatedRequest(session: 0, promptTokens: 4000, outputTokens: 1000)
        let transport = Transport.http
        let timing = try await ReplicaSimulator(model: model, transport: transport).run([request]).requests[0]
        let kv = model.architecture.kv.bytesPerToken * (4000 + 500)
        let step = model.decodeStepSeconds(batch: 1, kvBytes: kv)
        let server = transport.serverQueueSeconds + model.prefillSeconds(prompt: 4000)
        #expect(abs(timing.ttft - (server + step + transport.firstTokenSeconds)) < 1e-9)
        #expect(abs(timing.latency - (server + 1000 * step + transport.roundTripSeconds + 1000 * transport.perTokenSeconds)) < 1e-9)
    }

    @Test func batchingRaisesThroughput() async throws {
        let one = try await ReplicaSimulator(model: model).run(SimulatedRequest.job(requests: 20, sessions: 1, promptTokens: 1000, outputTokens: 1000))
        let many = try await ReplicaSimulator(model: model).run(SimulatedRequest.job(requests: 20, sessions: 20, promptTokens: 1000, outputTokens: 1000))
        #expect(many.makespan < one.makespan / 5)
    }

    @Test func aRequestThatCannotFitIsAContextOverflow() async {
        await #expect(throws: WSEError.self) {
            try await ReplicaSimulator(model: model).run([SimulatedRequest(session: 0, promptTokens: 200_000, outputTokens: 10)])
        }
        do {
            _ = try await ReplicaSimulator(model: model).run([SimulatedRequest(session: 0, promptTokens: 200_000, outputTokens: 10)])
        } catch {
            #expect(error.code == .contextOverflow)
            #expect(error.message.contains("200010"))
        }
    }

    @Test func virtualAndPacedClocksGiveTheSameModeledTotals() async throws {
        let job = [
            SimulatedRequest(session: 0, promptTokens: 300, outputTokens: 40),
            SimulatedRequest(session: 1, promptTokens: 200, outputTokens: 60),
            SimulatedRequest(session: 0, promptTokens: 100, outputTokens: 20),
        ]
        let simulator = ReplicaSimulator(model: model)
        var virtual = VirtualClock()
        var virtualEvents = [SimulationEvent]()
        let a = try await simulator.run(job, clock: &virtual) { virtualEvents.append($0) }
        var paced = PacedClock(speedup: 4)
        var pacedEvents = [SimulationEvent]()
        let b = try await simulator.run(job, clock: &paced) { pacedEvents.append($0) }
        #expect(a == b)
        #expect(virtualEvents == pacedEvents)
        #expect(abs(paced.now - a.makespan) < 1e-9 && abs(virtual.now - a.makespan) < 1e-9)
        let times = virtualEvents.map { event -> Double in
            switch event {
            case .sessionOpened(_, let at), .firstToken(_, let at), .done(_, let at): return at
            }
        }
        #expect(times == times.sorted(), "events reach the observer in modeled time order")
        #expect(virtualEvents.count == 2 + 2 * job.count)
    }

    @Test func quantilesOfTimeToFirstToken() async throws {
        let report = try await ReplicaSimulator(model: model).run(SimulatedRequest.job(requests: 50, sessions: 10, promptTokens: 2000, outputTokens: 100))
        #expect(report.ttftQuantile(0.5) <= report.ttftQuantile(0.95))
        #expect(report.ttftQuantile(1) == report.requests.map(\.ttft).max())
    }
}
