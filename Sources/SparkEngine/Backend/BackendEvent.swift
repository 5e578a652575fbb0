/// What a backend streams for one request, in this order: the first token, then output deltas
/// and edits as the output is produced, then `done` with the request's token usage.
package enum BackendEvent: Sendable {
    case firstToken
    /// More output tokens were produced.
    case outputDelta(tokens: Int)
    /// The output for one unit of the request (a file or a chunk of one) is complete.
    case edit(BackendEdit)
    case done(RequestUsage)
}

/// One unit's output: `bytes` nil means the unit is unchanged (the model answered "no change").
package struct BackendEdit: Sendable, Equatable {
    /// Index of the unit in ``BackendRequest/units``.
    package var unit: Int
    package var bytes: [UInt8]?

    package init(unit: Int, bytes: [UInt8]?) {
        self.unit = unit
        self.bytes = bytes
    }
}

/// Tokens one request consumed.
package struct RequestUsage: Sendable, Equatable {
    package var request: RequestID
    package var session: SessionID
    package var promptTokens: Int
    package var outputTokens: Int

    package init(request: RequestID, session: SessionID, promptTokens: Int, outputTokens: Int) {
        self.request = request
        self.session = session
        self.promptTokens = promptTokens
        self.outputTokens = outputTokens
    }
}
