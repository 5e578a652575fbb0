internal import Foundation
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

    package init(setup: SetupHolder, triggers: JobTriggers, logger: Logger) {
        (self.setup, self.triggers, self.logger) = (setup, triggers, logger)
    }

    package func run() async throws {
        var last = Date()
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            let now = Date()
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
            let wait = min(60, max(0.05, next.timeIntervalSince(Date()) + 0.01))
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(wait)) }
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
