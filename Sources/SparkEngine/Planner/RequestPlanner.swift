/// Packs the files one recipe works on into requests that fit a context window.
///
/// - Files are taken in the order given (snapshot order) and packed greedily: a request is
///   closed when the next file would not fit. A request's context is its instructions plus, per
///   unit, a header and the content (the prompt) and the unit's output budget
///   (``TokenEstimator/outputBudget(path:byteCount:)``); it never exceeds the window.
/// - A file too large for a request of its own is split when the program is line-local
///   (``LineLocality``): at line boundaries (after a `\n`) into the fewest chunks that each fit
///   alone. A single line too long for a request, or any oversize file of a program that is not
///   line-local, is refused with the reason `exceeds-context`.
package struct RequestPlanner: Sendable {
    package var window: Int
    /// Tokens of the instructions every request of this recipe carries.
    package var instructionTokens: Int
    package var lineLocal: Bool

    package init(window: Int, instructions: String, lineLocal: Bool) {
        self.window = window
        self.instructionTokens = TokenEstimator.systemPrompt + TokenEstimator.tokens(instructions)
        self.lineLocal = lineLocal
    }

    package struct Item: Sendable {
        package var path: String
        package var bytes: [UInt8]

        package init(path: String, bytes: [UInt8]) {
            self.path = path
            self.bytes = bytes
        }
    }

    package struct Plan: Sendable, Equatable {
        package var requests: [PlannedRequest]
        /// Items that fit no request, by index.
        package var refused: [Int]
    }

    package func plan(_ items: [Item]) -> Plan {
        var plan = Plan(requests: [], refused: [])
        var current: PlannedRequest?
        func add(_ unit: PlannedUnit, prompt: Int, budget: Int) {
            if let open = current, open.context + prompt + budget > window {
                plan.requests.append(open)
                current = nil
            }
            if current == nil { current = PlannedRequest(units: [], promptTokens: instructionTokens, outputBudget: 0) }
            current!.units.append(unit)
            current!.promptTokens += prompt
            current!.outputBudget += budget
        }
        for (index, item) in items.enumerated() {
            let (prompt, budget) = cost(path: item.path, byteCount: item.bytes.count)
            if instructionTokens + prompt + budget <= window {
                add(PlannedUnit(item: index, path: item.path, range: 0..<item.bytes.count, chunk: 0, chunks: 1), prompt: prompt, budget: budget)
                continue
            }
            guard lineLocal, let ranges = chunks(of: item) else {
                plan.refused.append(index)
                continue
            }
            for (chunk, range) in ranges.enumerated() {
                let (prompt, budget) = cost(path: item.path, byteCount: range.count)
                add(PlannedUnit(item: index, path: item.path, range: range, chunk: chunk, chunks: ranges.count), prompt: prompt, budget: budget)
            }
        }
        if let current { plan.requests.append(current) }
        return plan
    }

    /// Prompt tokens and output budget of a unit.
    func cost(path: String, byteCount: Int) -> (prompt: Int, budget: Int) {
        (
            TokenEstimator.header(path: path) + TokenEstimator.tokens(byteCount: byteCount),
            TokenEstimator.outputBudget(path: path, byteCount: byteCount)
        )
    }

    /// Whether a unit of `byteCount` bytes fits a request alone.
    func fitsAlone(path: String, byteCount: Int) -> Bool {
        let (prompt, budget) = cost(path: path, byteCount: byteCount)
        return instructionTokens + prompt + budget <= window
    }

    /// The largest unit (bytes) that fits a request alone, found by bisection on ``fitsAlone``.
    func largestUnit(path: String) -> Int {
        var low = 0
        var high = window * TokenEstimator.bytesPerToken
        while low < high {
            let middle = (low + high + 1) / 2
            if fitsAlone(path: path, byteCount: middle) { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// Line-aligned pieces of `item`, each fitting alone; nil if a line is too long for that.
    func chunks(of item: Item) -> [Range<Int>]? {
        let limit = largestUnit(path: item.path)
        guard limit > 0 else { return nil }
        var ranges: [Range<Int>] = []
        var start = 0
        let bytes = item.bytes
        while start < bytes.count {
            if bytes.count - start <= limit {
                ranges.append(start..<bytes.count)
                break
            }
            // The last line end within the limit.
            var end = start + limit
            while end > start, bytes[end - 1] != 0x0A { end -= 1 }
            guard end > start else { return nil }
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }
}
