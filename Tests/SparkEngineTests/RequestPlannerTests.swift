import Recipes
import Testing

@testable import SparkEngine

/// The planner packs files into requests within the window, splits only line-local programs at
/// line boundaries, and refuses what it cannot split.
@Suite("Request planner")
struct RequestPlannerTests {
    /// Deterministic pseudo-random sizes (SplitMix64).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static func items(seed: UInt64, count: Int, maxBytes: Int) -> [RequestPlanner.Item] {
        var random = Generator(state: seed)
        return (0..<count).map { index in
            let size = random.next(maxBytes)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(size)
            while bytes.count < size {
                let line = random.next(120)
                bytes += Array(repeating: UInt8(ascii: "a"), count: line) + [0x0A]
            }
            return .init(path: "dir/file\(index).txt", bytes: Array(bytes.prefix(size)))
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func packingNeverExceedsTheWindowAndCoversEveryByteOnce(seed: UInt64) {
        let window = 2_000
        let items = Self.items(seed: seed, count: 80, maxBytes: 6_000)
        for lineLocal in [true, false] {
            let planner = RequestPlanner(window: window, instructions: "Apply recipe test.", lineLocal: lineLocal)
            let plan = planner.plan(items)
            var covered = [[Range<Int>]](repeating: [], count: items.count)
            for request in plan.requests {
                #expect(request.context <= window)
                #expect(!request.units.isEmpty)
                // The request's accounting is the sum of its units'.
                var prompt = planner.instructionTokens
                var budget = 0
                for unit in request.units {
                    let cost = planner.cost(path: unit.path, byteCount: unit.range.count)
                    prompt += cost.prompt
                    budget += cost.budget
                    covered[unit.item].append(unit.range)
                    // A piece of a split file ends at a line boundary (or the file's end).
                    if unit.chunks > 1, unit.range.upperBound < items[unit.item].bytes.count {
                        #expect(items[unit.item].bytes[unit.range.upperBound - 1] == 0x0A)
                    }
                }
                #expect(request.promptTokens == prompt && request.outputBudget == budget)
            }
            for (index, item) in items.enumerated() {
                let fits = planner.fitsAlone(path: item.path, byteCount: item.bytes.count)
                if plan.refused.contains(index) {
                    #expect(covered[index].isEmpty)
                    #expect(!fits, "a file that fits was refused")
                    continue
                }
                // Whole, or split only when line-local and too large.
                #expect(fits || lineLocal, "\(item.path) was split for a program that is not line-local")
                #expect(covered[index].count == 1 || !fits)
                var next = 0
                for range in covered[index] {
                    #expect(range.lowerBound == next)
                    next = range.upperBound
                }
                #expect(next == item.bytes.count)
            }
            if !lineLocal { #expect(!plan.refused.isEmpty, "the sizes should include oversize files") }
        }
    }

    @Test func smallFilesShareOneRequest() {
        let items = (0..<20).map { RequestPlanner.Item(path: "f\($0).txt", bytes: Array("hello\n".utf8)) }
        let plan = RequestPlanner(window: 131_072, instructions: "x", lineLocal: false).plan(items)
        #expect(plan.requests.count == 1)
        #expect(plan.requests[0].units.map(\.item) == Array(0..<20))
    }

    @Test func aLineLongerThanAnyRequestIsRefusedEvenWhenLineLocal() {
        let long = RequestPlanner.Item(path: "long.txt", bytes: Array(repeating: UInt8(ascii: "a"), count: 20_000) + [0x0A])
        let plan = RequestPlanner(window: 2_000, instructions: "x", lineLocal: true).plan([long])
        #expect(plan.refused == [0])
        #expect(plan.requests.isEmpty)
    }

    @Test func onlyTrailingWhitespaceIsLineLocal() throws {
        #expect(LineLocality.isLineLocal(try EngineFixture.recipe(id: "t/tw", step: EngineFixture.trailingWhitespace)))
        #expect(!LineLocality.isLineLocal(try EngineFixture.recipe(id: "t/eof", step: EngineFixture.endOfFile)))
        #expect(!LineLocality.isLineLocal(try EngineFixture.recipe(id: "t/mixed", step: "  - fix: mixed-line-ending")))
        #expect(!LineLocality.isLineLocal(try EngineFixture.recipe(id: "t/re", step: "  - regex: { pattern: 'a', replace: 'b' }")))
        #expect(!LineLocality.isLineLocal(try EngineFixture.recipe(id: "t/rw", step: "  - rewrite: { match: 'a', replace: 'b' }")))
        // `when` conditions read the whole file.
        #expect(
            !LineLocality.isLineLocal(
                try EngineFixture.recipe(id: "t/when", step: EngineFixture.trailingWhitespace, extra: "when:\n  - contains: 'x'")))
    }
}
