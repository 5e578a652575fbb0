internal import Executors
internal import Synchronization
package import WSESim

/// The simulated wafer-scale backend: runs each request's program on the CPU for real (its
/// output *is* the change set) and records the request's tokens and session, so that
/// ``UsageAccounting`` can replay the job through WSESim's ``ReplicaSimulator`` and say what it
/// would have cost on the profile (and on the GPU baseline).
///
/// Sessions are numbered in the order they are opened; a request is refused if its session is
/// not open, if it was cancelled, or if its prompt plus output budget does not fit the profile's
/// window or the replica's KV cache.
package final class WSESimBackend: Backend {
    package let profile: Profile
    package let transport: Transport
    private let state = Mutex(State())

    private struct State {
        var nextSession = 0
        var open: Set<SessionID> = []
        var cancelled: Set<RequestID> = []
        var served: [RequestUsage] = []
    }

    package init(profile: Profile, transport: Transport = .webSocket) {
        self.profile = profile
        self.transport = transport
    }

    package var contextWindow: Int { profile.model.contextWindow }

    package func sessionCapacity(context: Int) -> Int { profile.model.maxSessions(context: context) }

    package func openSession() async throws(BackendError) -> SessionID {
        state.withLock { state in
            let id = SessionID(state.nextSession)
            state.nextSession += 1
            state.open.insert(id)
            return id
        }
    }

    package func close(_ session: SessionID) async {
        _ = state.withLock { $0.open.remove(session) }
    }

    package func cancel(_ request: RequestID) async {
        _ = state.withLock { $0.cancelled.insert(request) }
    }

    package func submit(_ request: BackendRequest, on session: SessionID) async throws(BackendError) -> BackendEventStream {
        try admit(request, on: session)
        // The program is the recipe's CPU work over every unit: on the compute threads, not the pool.
        let program = request.program
        let outputs = await BlockingExecutor.compute.run { program.run() }
        guard outputs.count == request.units.count else {
            throw BackendError(
                .malformedOutput, "\(request.id) has \(request.units.count) units but its program returned \(outputs.count) outputs",
                hint: "a request program must answer every unit, in order (nil for unchanged)")
        }
        let (stream, continuation) = BackendEventStream.makeStream()
        continuation.yield(.firstToken)
        var outputTokens = 0
        for (index, output) in outputs.enumerated() {
            let tokens = TokenEstimator.outputTokens(path: request.units[index].path, output: output)
            outputTokens += tokens
            continuation.yield(.outputDelta(tokens: tokens))
            continuation.yield(.edit(BackendEdit(unit: index, bytes: output)))
        }
        let usage = RequestUsage(
            request: request.id, session: session, promptTokens: request.promptTokens, outputTokens: max(1, outputTokens))
        if usage.promptTokens + usage.outputTokens > contextWindow {
            continuation.finish(
                throwing: BackendError(
                    .contextOverflow,
                    "\(request.id): \(usage.promptTokens) prompt + \(usage.outputTokens) output tokens exceed the \(contextWindow)-token window of \(profile.name)",
                    hint: "the output outgrew its budget; plan smaller requests"))
            return stream
        }
        state.withLock { $0.served.append(usage) }
        continuation.yield(.done(usage))
        continuation.finish()
        return stream
    }

    /// Every request served so far, in request order.
    package var served: [RequestUsage] {
        state.withLock { $0.served }.sorted { $0.request < $1.request }
    }

    private func admit(_ request: BackendRequest, on session: SessionID) throws(BackendError) {
        let (open, cancelled) = state.withLock { ($0.open.contains(session), $0.cancelled.contains(request.id)) }
        guard open else {
            throw BackendError(.sessionLost, "\(session) is not open for \(request.id)", hint: "open a session and resubmit")
        }
        guard !cancelled else { throw BackendError(.cancelled, "\(request.id) was cancelled") }
        guard request.context <= contextWindow, sessionCapacity(context: request.context) >= 1 else {
            throw BackendError(
                .contextOverflow,
                "\(request.id) needs \(request.context) tokens (prompt \(request.promptTokens) + output budget \(request.outputBudget)); \(profile.name) holds \(contextWindow)",
                hint: "let the planner split the request, or choose a profile with a longer window")
        }
    }
}
