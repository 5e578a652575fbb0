import Synchronization
import Testing
import WSESim

@testable import SparkEngine

/// Sessions are persistent and reused, handshakes are paid once per session, concurrency is
/// bounded by the pool and the replica, and a full pool makes callers wait.
@Suite("Session pool")
struct SessionPoolTests {
    @Test func theStateMachineReusesIdleSessionsThenOpensThenWaits() {
        var state = SessionPoolState()
        #expect(state.acquire(limit: 2) == .open)
        state.opened(SessionID(0))
        #expect(state.acquire(limit: 2) == .open)
        state.opened(SessionID(1))
        #expect(state.acquire(limit: 2) == .wait)
        // A release goes to the waiter, not to the idle list.
        #expect(state.release(SessionID(1)) == .handOver(SessionID(1)))
        #expect(state.release(SessionID(1)) == .none)
        #expect(state.release(SessionID(0)) == .none)
        #expect(state.acquire(limit: 2) == .use(SessionID(0)))
        #expect(state.opened == 2)
    }

    @Test func sessionsAreReusedAcrossWavesAndHandshakesCountedOnce() async throws {
        let waves = (0..<4).map { wave in (0..<5).map { BackendJob.request(wave * 5 + $0, outputBytes: 300) } }
        let (usage, served, pool) = try await BackendJob.run(waves, sessionLimit: 2)
        #expect(await pool.sessionsOpened == 2)
        #expect(Set(served.map(\.session)) == [SessionID(0), SessionID(1)])
        #expect(usage.requests == 20)
        #expect(usage.sessions == 2)
        #expect(usage.handshakes == 2, "the simulator pays one handshake per session, not per request")
    }

    @Test func httpPaysNoHandshake() async throws {
        let (usage, _, _) = try await BackendJob.run([(0..<3).map { BackendJob.request($0, outputBytes: 30) }], transport: .http)
        #expect(usage.handshakes == 0)
        #expect(usage.requests == 3)
    }

    @Test func concurrencyIsBoundedByTheReplicasSessions() async throws {
        let backend = CountingBackend(capacity: 3)
        let pool = SessionPool(backend: backend, limit: 8)
        let requests = (0..<12).map { BackendJob.request($0, outputBytes: 10) }
        _ = try await RequestDispatcher(pool: pool).run(requests)
        #expect(backend.peak <= 3)
        #expect(await pool.sessionsOpened == 3)
    }

    @Test func aFullPoolMakesTheNextCallerWait() async throws {
        let pool = SessionPool(backend: WSESimBackend(profile: .codexSpark), limit: 1)
        let first = try await pool.acquire(context: 1_000)
        let second = Task { try await pool.acquire(context: 1_000) }
        while await pool.waiting == 0 { await Task.yield() }
        await pool.release(first)
        #expect(try await second.value == first)
        #expect(await pool.sessionsOpened == 1)
    }

    @Test func aRequestOnAClosedSessionIsSessionLost() async throws {
        let backend = WSESimBackend(profile: .codexSpark)
        let session = try await backend.openSession()
        await backend.close(session)
        await #expect(throws: BackendError(.sessionLost, "session 0 is not open for request 0", hint: "open a session and resubmit")) {
            _ = try await backend.submit(BackendJob.request(0, outputBytes: 1), on: session)
        }
    }

    @Test func aRequestBeyondTheWindowIsContextOverflow() async throws {
        let backend = WSESimBackend(profile: EngineFixture.profile(window: 1_000))
        let session = try await backend.openSession()
        do {
            _ = try await backend.submit(BackendJob.request(0, promptBytes: 30_000, outputBytes: 1), on: session)
            Issue.record("expected a context overflow")
        } catch {
            #expect(error.code == .contextOverflow)
        }
    }
}

/// A backend that only counts how many requests it serves at once: the real simulator does not
/// expose in-flight concurrency, and this is what the dispatcher must bound.
final class CountingBackend: Backend {
    let capacity: Int
    private let counts = Mutex((next: 0, inFlight: 0, peak: 0))

    init(capacity: Int) { self.capacity = capacity }

    var contextWindow: Int { 131_072 }
    var peak: Int { counts.withLock { $0.peak } }
    func sessionCapacity(context: Int) -> Int { capacity }

    func openSession() async throws(BackendError) -> SessionID {
        counts.withLock { counts in
            defer { counts.next += 1 }
            return SessionID(counts.next)
        }
    }

    func submit(_ request: BackendRequest, on session: SessionID) async throws(BackendError) -> BackendEventStream {
        counts.withLock {
            $0.inFlight += 1
            $0.peak = max($0.peak, $0.inFlight)
        }
        try? await Task.sleep(nanoseconds: 2_000_000)
        let outputs = request.program.run()
        counts.withLock { $0.inFlight -= 1 }
        let (stream, continuation) = BackendEventStream.makeStream()
        for (index, output) in outputs.enumerated() { continuation.yield(.edit(BackendEdit(unit: index, bytes: output))) }
        continuation.yield(.done(RequestUsage(request: request.id, session: session, promptTokens: request.promptTokens, outputTokens: 1)))
        continuation.finish()
        return stream
    }

    func cancel(_ request: RequestID) async {}
    func close(_ session: SessionID) async {}
}
