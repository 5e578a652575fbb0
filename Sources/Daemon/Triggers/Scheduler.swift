package import Foundation
package import Logging
package import ServiceLifecycle

/// Runs the configuration's cron `schedules:` (each in its own time zone) by firing their names
/// as triggers. A run missed while sparkd was down is not made up (cron's rule); the systemd
/// timer with `Persistent=true` covers `nightly` for that. Sleeps at most a minute at a time, so
/// a reload's new schedules take effect within one.
package struct Scheduler: Service {
    let setup: SetupHolder
    let triggers: JobTriggers
    let logger: Logger
    /// What the waits are measured on; schedules fire at wall-clock times (`now`).
    let clock: any Clock<Duration>
    let now: @Sendable () -> Date

    package init(
        setup: SetupHolder, triggers: JobTriggers, clock: any Clock<Duration> = ContinuousClock(),
        now: @escaping @Sendable () -> Date = Date.init, logger: Logger
    ) {
        (self.setup, self.triggers, self.clock, self.now, self.logger) = (setup, triggers, clock, now, logger)
    }

    package func run() async throws {
        var last = self.now()
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            let now = self.now()
            let due = Self.due(setup.current.configuration.schedules, after: last, upTo: now)
            for schedule in due {
                do {
                    let results = try await triggers.fire(schedule.name)
                    logger.info("schedule fired", metadata: ["schedule.name": "\(schedule.name)", "job.count": "\(results.count)"])
                } catch {
                    logger.warning("schedule failed", metadata: ["schedule.name": "\(schedule.name)", "error.message": "\(error)"])
                }
            }
            last = now
            let next = Self.nextFire(setup.current.configuration.schedules, after: now) ?? now.addingTimeInterval(60)
            let wait = min(60, max(0.05, next.timeIntervalSince(self.now()) + 0.01))
            try? await cancelWhenGracefulShutdown { try await clock.sleep(for: .seconds(wait)) }
        }
    }

    /// Schedules with a fire time in `(after, upTo]`.
    static func due(_ schedules: [DaemonConfiguration.Schedule], after: Date, upTo: Date) -> [DaemonConfiguration.Schedule] {
        schedules.filter { schedule in
            guard let zone = TimeZone(identifier: schedule.timeZone), let next = schedule.cron.next(after: after, in: zone) else {
                return false
            }
            return next <= upTo
        }
    }

    static func nextFire(_ schedules: [DaemonConfiguration.Schedule], after date: Date) -> Date? {
        schedules.compactMap { schedule in
            TimeZone(identifier: schedule.timeZone).flatMap { schedule.cron.next(after: date, in: $0) }
        }.min()
    }
}
