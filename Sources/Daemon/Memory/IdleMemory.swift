internal import Foundation
package import Logging
package import ServiceLifecycle

/// Gives back what an idle daemon does not use, once it has been idle for `quiet`: the heap
/// malloc keeps free (`malloc_trim`), and the mapped pages of code and read-only data that
/// start-up and the last jobs touched (`madvise(MADV_DONTNEED)` on clean, read-only file
/// mappings: the pages stay in the page cache, and a later job faults back in what it runs).
///
/// Why: measured after start-up, 47 MB of sparkd's 47 MB resident set were pages of its
/// binary and the Swift runtime, Foundation and ICU that the idle daemon never touches again —
/// start-up code, the first job's code, and their 64 KB fault-around neighbours (the kernel
/// maps pages around each fault). The kernel would drop the same pages under memory pressure;
/// this drops them when the daemon goes quiet, so what it keeps is what it uses.
///
/// Only mappings that are read-only, file-backed and hold no page of their own (no copy-on-write
/// page: `Anonymous: 0 kB` in smaps) are touched; dropping any other page would lose data.
package final class IdleMemory: Service {
    private let workers: WorkerPool
    private let quiet: Duration
    private let clock: any Clock<Duration>
    private let logger: Logger

    /// `clock`: what the quiet period is measured on (it looks every half second).
    package init(workers: WorkerPool, quiet: Duration = .seconds(2), clock: any Clock<Duration> = ContinuousClock(), logger: Logger) {
        (self.workers, self.quiet, self.clock, self.logger) = (workers, quiet, clock, logger)
    }

    package func run() async throws {
        do {
            try await cancelWhenGracefulShutdown { try await self.watch() }
        } catch is CancellationError {
            // Shutting down: nothing to finish.
        }
    }

    private func watch() async throws {
        // The attempt count when memory was last given back; nil until the first time.
        var releasedAt: Int?
        var seen = workers.attemptsFinished
        var quietFor = Duration.zero
        let look = Duration.milliseconds(500)
        while true {
            try await clock.sleep(for: look)
            let attempts = workers.attemptsFinished
            if attempts != seen || workers.busy > 0 {
                (seen, quietFor) = (attempts, .zero)
                continue
            }
            quietFor += look
            guard releasedAt != attempts, quietFor >= quiet else { continue }
            releasedAt = attempts
            let released = Self.release()
            logger.info("idle: memory given back", metadata: ["memory.released_kb": "\(released / 1024)", "memory.resident_kb": "\(Self.residentBytes() / 1024)"])
        }
    }

    /// Gives back free heap and clean read-only mapped pages; returns how many bytes of the
    /// resident set that released.
    @discardableResult
    package static func release() -> Int {
        let before = residentBytes()
        // glibc's malloc_trim is not in Swift's Glibc module; looked up, it is simply skipped
        // where the C library has none.
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
            _ = unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)(0)
        }
        for mapping in cleanReadOnlyMappings() {
            _ = madvise(UnsafeMutableRawPointer(bitPattern: mapping.start), mapping.end - mapping.start, MADV_DONTNEED)
        }
        return max(0, before - residentBytes())
    }

    /// The process's resident set in bytes (`VmRSS` of /proc/self/status).
    package static func residentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024
        }
        return 0
    }

    /// Read-only (`r--p`, `r-xp`) mappings of files with no copy-on-write page, from
    /// /proc/self/smaps.
    package static func cleanReadOnlyMappings() -> [(start: Int, end: Int)] {
        guard let smaps = try? String(contentsOfFile: "/proc/self/smaps", encoding: .utf8) else { return [] }
        var result: [(start: Int, end: Int)] = []
        var current: (start: Int, end: Int, eligible: Bool)?
        func finish() {
            if let current, current.eligible { result.append((current.start, current.end)) }
        }
        for line in smaps.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard let first = fields.first else { continue }
            if first.contains("-"), !first.hasSuffix(":"), fields.count >= 5 {
                finish()
                let bounds = first.split(separator: "-")
                let permissions = fields[1]
                // A path (not [heap], [stack], [vdso], [vvar] or an anonymous mapping).
                let path = fields.count >= 6 ? fields[5] : ""
                guard bounds.count == 2, let start = Int(bounds[0], radix: 16), let end = Int(bounds[1], radix: 16) else {
                    current = nil
                    continue
                }
                let readOnly = permissions == "r--p" || permissions == "r-xp"
                current = (start, end, readOnly && path.hasPrefix("/"))
            } else if first == "Anonymous:", fields.count >= 2, fields[1] != "0" {
                current?.eligible = false
            }
        }
        finish()
        return result
    }
}
