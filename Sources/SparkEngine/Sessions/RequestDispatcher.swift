/// Runs a wave of requests through a ``SessionPool`` and returns every request's outputs, in
/// request order.
///
/// The wave takes `k = min(requests, the pool's limit at the wave's largest context)` sessions
/// from the pool — reused ones first — and runs request `j` on the `j mod k`-th, one request at a
/// time per session, the `k` sessions at once. So a session's requests, the sessions a job opens
/// and the modeled times computed from them do not depend on thread scheduling. Events are read
/// as they stream; edits fill the outputs. A failed request cancels the wave; a lost session is
/// given back to the pool as lost.
package struct RequestDispatcher: Sendable {
    package let pool: SessionPool

    package init(pool: SessionPool) { self.pool = pool }

    package func run(_ requests: [BackendRequest]) async throws -> [[[UInt8]?]] {
        guard let context = requests.map(\.context).max() else { return [] }
        let workers = min(pool.effectiveLimit(context: context), requests.count)
        var sessions: [SessionID] = []
        do {
            for _ in 0..<workers { sessions.append(try await pool.acquire(context: context)) }
        } catch {
            for session in sessions { await pool.release(session) }
            throw error
        }
        let backend = pool.backend
        var outputs = [[[UInt8]?]](repeating: [], count: requests.count)
        var failure: (any Error)?
        var lost: Set<SessionID> = []
        await withTaskGroup(of: (worker: Int, result: Result<[(Int, [[UInt8]?])], any Error>).self) { group in
            for worker in 0..<workers {
                let session = sessions[worker]
                group.addTask {
                    do {
                        var done: [(Int, [[UInt8]?])] = []
                        for index in stride(from: worker, to: requests.count, by: workers) {
                            try Task.checkCancellation()
                            done.append((index, try await Self.perform(requests[index], on: session, backend: backend)))
                        }
                        return (worker, .success(done))
                    } catch {
                        return (worker, .failure(error))
                    }
                }
            }
            for await (worker, result) in group {
                switch result {
                case .success(let done):
                    for (index, output) in done { outputs[index] = output }
                case .failure(let error):
                    if failure == nil || failure is CancellationError { failure = error }
                    if let error = error as? BackendError, error.code == .sessionLost { lost.insert(sessions[worker]) }
                    group.cancelAll()
                }
            }
        }
        for session in sessions {
            if lost.contains(session) { await pool.lost(session) } else { await pool.release(session) }
        }
        if let failure { throw failure }
        return outputs
    }

    /// Submits `request` and collects its edits from the event stream.
    static func perform(_ request: BackendRequest, on session: SessionID, backend: any Backend) async throws -> [[UInt8]?] {
        let stream = try await backend.submit(request, on: session)
        var outputs = [[UInt8]?](repeating: nil, count: request.units.count)
        var finished = false
        for try await event in stream {
            switch event {
            case .edit(let edit) where outputs.indices.contains(edit.unit):
                outputs[edit.unit] = edit.bytes
            case .done:
                finished = true
            default:
                continue
            }
        }
        guard finished else {
            throw BackendError(.sessionLost, "\(request.id) on \(session) ended before it was done", hint: "run the job again")
        }
        return outputs
    }
}
