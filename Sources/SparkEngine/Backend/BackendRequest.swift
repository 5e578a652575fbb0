/// One request to a ``Backend``: instructions and packed units (files or chunks of files) as the
/// prompt, an output budget, and the deterministic program that defines the correct output.
///
/// **Token accounting** (see ``TokenEstimator``): prompt = instructions + for every unit a header
/// (its path) and its content. Output = for every unit the model changes, its whole new content
/// (a model that rewrites files returns them whole: diffs from models are unreliable to apply),
/// plus a short "unchanged" answer for every unit it leaves alone. The budget reserved at
/// planning time is the worst case: every unit rewritten at its input size.
package struct BackendRequest: Sendable {
    package var id: RequestID
    package var instructions: String
    package var units: [Unit]
    /// Tokens of the prompt: instructions plus every unit's header and content.
    package var promptTokens: Int
    /// Output tokens reserved: the request must fit `promptTokens + outputBudget` in the window.
    package var outputBudget: Int
    package var program: RequestProgram

    package struct Unit: Sendable, Equatable {
        package var path: String
        /// Which chunk of the file (0 when whole) and of how many.
        package var chunk: Int
        package var chunks: Int
        package var byteCount: Int

        package init(path: String, chunk: Int = 0, chunks: Int = 1, byteCount: Int) {
            self.path = path
            self.chunk = chunk
            self.chunks = chunks
            self.byteCount = byteCount
        }
    }

    package init(
        id: RequestID, instructions: String, units: [Unit], promptTokens: Int, outputBudget: Int, program: RequestProgram
    ) {
        self.id = id
        self.instructions = instructions
        self.units = units
        self.promptTokens = promptTokens
        self.outputBudget = outputBudget
        self.program = program
    }

    /// The context the request needs: prompt plus output budget.
    package var context: Int { promptTokens + outputBudget }
}

/// The deterministic program a request carries: given nothing (its inputs are captured), it
/// returns one output per unit of the request, in unit order (nil: unit unchanged). The engine
/// builds it from a recipe's per-file steps; it may use every core.
package struct RequestProgram: Sendable {
    package var run: @Sendable () -> [[UInt8]?]

    package init(_ run: @escaping @Sendable () -> [[UInt8]?]) { self.run = run }
}
