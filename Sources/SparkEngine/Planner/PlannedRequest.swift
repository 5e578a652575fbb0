/// A request the ``RequestPlanner`` packed: its units (whole files or line-aligned chunks) and
/// its token accounting. It fits the window: `instructions + Σ prompt ≤ promptTokens`,
/// `promptTokens + outputBudget ≤ window`.
package struct PlannedRequest: Sendable, Equatable {
    package var units: [PlannedUnit]
    package var promptTokens: Int
    package var outputBudget: Int

    package var context: Int { promptTokens + outputBudget }
}

/// One unit of a planned request: bytes `range` of input `item` (the whole file unless it was
/// split), chunk `chunk` of `chunks`.
package struct PlannedUnit: Sendable, Equatable {
    package var item: Int
    package var path: String
    package var range: Range<Int>
    package var chunk: Int
    package var chunks: Int
}
