import Executors
import Foundation
import TestSupport
import Testing

/// `BlockingExecutor`: results and errors come back, a serial executor never overlaps its jobs,
/// a wide one runs as many at once as it has threads.
@Suite("BlockingExecutor", .tags(.small))
struct BlockingExecutorTests {
    struct Refused: Error, Equatable {}

    @Test func returnsResultsAndErrors() async throws {
        let executor = BlockingExecutor(label: "test.results")
        #expect(try await executor.run { () throws(Refused) -> Int in 42 } == 42)
        await #expect(throws: Refused.self) { try await executor.run { () throws(Refused) -> Int in throw Refused() } }
    }

    @Test func serialJobsNeverOverlap() async {
        let executor = BlockingExecutor(label: "test.serial")
        let occupancy = Occupancy()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<40 {
                group.addTask {
                    await executor.run {
                        _ = occupancy.enter()
                        usleep(1_000)
                        occupancy.leave()
                    }
                }
            }
        }
        #expect(occupancy.highest == 1)
    }

    @Test("a wide executor runs as many blocking jobs at once as it has threads")
    func wideExecutorRunsJobsAtOnce() async {
        let executor = BlockingExecutor(label: "test.wide", threads: 8)
        // Eight jobs that each wait for all eight to have started: they finish only if they overlap.
        let arrived = Occupancy()
        let allThere = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    await executor.run {
                        _ = arrived.enter()
                        let deadline = Date().addingTimeInterval(10)
                        while arrived.highest < 8, Date() < deadline { usleep(1_000) }
                        return arrived.highest == 8
                    }
                }
            }
            return await group.allSatisfy { $0 }
        }
        #expect(allThere)
    }
}

/// How many jobs run now, and the most that ever ran at once.
private final class Occupancy: @unchecked Sendable {
    private let lock = NSLock()
    private var now = 0
    private(set) var most = 0
    func enter() -> Int {
        lock.withLock {
            now += 1
            most = max(most, now)
            return now
        }
    }
    func leave() { lock.withLock { now -= 1 } }
    var highest: Int { lock.withLock { most } }
}
