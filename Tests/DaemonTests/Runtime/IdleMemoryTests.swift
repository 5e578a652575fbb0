import Daemon
import Foundation
import Logging
import TestSupport
import Testing

/// `IdleMemory` drops only pages that can be read back from their files.
@Suite("Idle memory")
struct IdleMemoryTests {
    @Test func onlyReadOnlyFileMappingsWithoutCopiedPagesAreChosen() throws {
        let maps = try String(contentsOfFile: "/proc/self/maps", encoding: .utf8).split(separator: "\n").map { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            let bounds = fields[0].split(separator: "-").map { Int($0, radix: 16)! }
            return (start: bounds[0], end: bounds[1], permissions: String(fields[1]), path: fields.count > 5 ? String(fields[5]) : "")
        }
        let chosen = IdleMemory.cleanReadOnlyMappings()
        #expect(!chosen.isEmpty)
        for range in chosen {
            let mapping = try #require(maps.first { $0.start == range.start && $0.end == range.end })
            #expect(["r--p", "r-xp"].contains(mapping.permissions), "\(mapping)")
            #expect(mapping.path.hasPrefix("/"), "\(mapping)")
        }
        #expect(!chosen.contains { range in maps.contains { $0.start == range.start && ($0.path == "[heap]" || $0.permissions.contains("w")) } })
        // The test binary's code is among them.
        let code = maps.filter { $0.permissions == "r-xp" && $0.path.hasPrefix("/") }
        #expect(code.contains { mapping in chosen.contains { $0.start == mapping.start } })
    }

    @Test func givingBackKeepsEveryByteAndTheCodeRunning() throws {
        var generator = SystemRandomNumberGenerator()
        let data = (0..<4_000_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let sum = data.reduce(0) { $0 &+ Int($1) }
        let before = IdleMemory.residentBytes()
        IdleMemory.release()
        #expect(data.reduce(0) { $0 &+ Int($1) } == sum, "heap bytes are kept")
        let json = try JSONEncoder().encode(["after": "release"])
        #expect(String(decoding: json, as: UTF8.self) == #"{"after":"release"}"#, "code pages come back")
        #expect(IdleMemory.residentBytes() > 0 && before > 0)
    }
}

/// The quiet period on an injected clock: no sleeping on wall time to see it pass.
@Suite("Idle memory on a manual clock")
struct IdleMemoryClockTests {
    @Test("memory is given back once the workers were quiet for `quiet` on the clock, not before")
    func quietPeriodFollowsTheClock() async throws {
        let fixture = try await DaemonFixture(files: ["a.txt": "a\n"])
        let pool = WorkerPool(
            setup: SetupHolder(try DaemonSetup.load(file: fixture.configPath)), store: try fixture.store(),
            options: .init(workers: 1), logger: Logger(label: "sparkd.test.idle"))
        let messages = RecordedMessages()
        let clock = ManualClock()
        let idle = IdleMemory(
            workers: pool, quiet: .seconds(2), clock: clock,
            logger: Logger(label: "sparkd.test.idle") { _ in RecordingLogHandler(messages: messages) })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await idle.run() }
            // Three looks, half a second of the clock apart: 1.5 s of quiet.
            for _ in 0..<3 {
                #expect(await eventually { clock.sleeping == 1 })
                clock.advance(by: .milliseconds(500))
            }
            #expect(await eventually { clock.sleeping == 1 })
            #expect(!messages.all.contains("idle: memory given back"), "\(messages.all)")
            clock.advance(by: .milliseconds(500))
            #expect(await eventually { messages.all.contains("idle: memory given back") }, "\(messages.all)")
            group.cancelAll()
        }
    }
}

private final class RecordedMessages: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []
    func add(_ message: String) { lock.withLock { messages.append(message) } }
    var all: [String] { lock.withLock { messages } }
}

private struct RecordingLogHandler: LogHandler {
    let messages: RecordedMessages
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) { messages.add(event.message.description) }
}
