import Daemon
import Foundation
import Testing

@Suite struct CronExpressionTests {
    @Test("fields, ranges, steps, lists, names and macros")
    func parse() throws {
        let cron = try CronExpression("*/15 9-17 * jan,jul mon-fri")
        #expect(cron.minutes == [0, 15, 30, 45])
        #expect(cron.hours == Set(9...17))
        #expect(cron.months == [1, 7])
        #expect(cron.daysOfWeek == Set(1...5))
        #expect(try CronExpression("0 0 * * 7").daysOfWeek == [0])
        #expect(try CronExpression("@daily").hours == [0])
        #expect(try CronExpression("5-20/5 * * * *").minutes == [5, 10, 15, 20])
    }

    @Test(
        "malformed expressions say what is wrong",
        arguments: [
            ("* * * *", "5 fields"), ("60 * * * *", "out of range"), ("*/0 * * * *", "positive"),
            ("5-1 * * * *", "backwards"), ("* * * foo *", "not a month"), ("@often", "unknown cron macro"),
        ])
    func malformed(text: String, expected: String) {
        let error = #expect(throws: CronExpression.ParseError.self) { try CronExpression(text) }
        #expect(error?.message.contains(expected) == true, "\(error?.message ?? "")")
    }

    @Test("the next run, in the schedule's time zone")
    func next() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        // 2026-03-28 12:00 UTC (a Saturday); 03:00 Berlin on Sunday the 29th is 01:00 UTC (CEST starts).
        let start = Date(timeIntervalSince1970: 1_774_699_200)
        let nightly = try CronExpression("0 3 * * *")
        #expect(nightly.next(after: start, in: berlin) == Date(timeIntervalSince1970: 1_774_746_000))
        let weekdays = try CronExpression("30 9 * * mon-fri")
        let utc = try #require(TimeZone(identifier: "UTC"))
        // Monday 2026-03-30 09:30 UTC.
        #expect(weekdays.next(after: start, in: utc) == Date(timeIntervalSince1970: 1_774_863_000))
        #expect(try CronExpression("0 0 31 2 *").next(after: start, in: utc) == nil)
    }
}
