package import Foundation

/// A five-field cron expression (`minute hour day-of-month month day-of-week`) as in crontab(5):
/// `*`, numbers, ranges `a-b`, steps `*/n` and `a-b/n`, lists `a,b`, month and weekday names
/// (`jan`, `mon`), `7` for Sunday, and the macros `@hourly`, `@daily` (`@midnight`), `@weekly`,
/// `@monthly`, `@yearly` (`@annually`). When both day fields are restricted, a day matching
/// either runs, as cron does.
package struct CronExpression: Sendable, Hashable, CustomStringConvertible {
    package let minutes: Set<Int>
    package let hours: Set<Int>
    package let daysOfMonth: Set<Int>
    package let months: Set<Int>
    /// 0 = Sunday.
    package let daysOfWeek: Set<Int>
    private let dayOfMonthRestricted: Bool
    private let dayOfWeekRestricted: Bool
    package let description: String

    /// Why an expression does not parse, and the 0-based field at fault (nil: the whole thing).
    package struct ParseError: Error, Sendable, Hashable {
        package var message: String
        package var field: Int?
    }

    private static let macros = [
        "@hourly": "0 * * * *", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@weekly": "0 0 * * 0",
        "@monthly": "0 0 1 * *", "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *",
    ]
    private static let fieldNames = ["minute", "hour", "day of month", "month", "day of week"]
    private static let bounds = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 7)]
    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    package init(_ text: String) throws(ParseError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let expanded: String
        if trimmed.hasPrefix("@") {
            guard let macro = Self.macros[trimmed.lowercased()] else {
                throw ParseError(
                    message: "unknown cron macro '\(trimmed)'; use one of \(Self.macros.keys.sorted().joined(separator: ", "))")
            }
            expanded = macro
        } else {
            expanded = trimmed
        }
        let fields = expanded.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count == 5 else {
            throw ParseError(
                message: "a cron expression has 5 fields (minute hour day-of-month month day-of-week), not \(fields.count)")
        }
        var sets: [Set<Int>] = []
        for (index, field) in fields.enumerated() {
            sets.append(try Self.parseField(field, index: index))
        }
        minutes = sets[0]
        hours = sets[1]
        daysOfMonth = sets[2]
        months = sets[3]
        daysOfWeek = Set(sets[4].map { $0 % 7 })
        dayOfMonthRestricted = fields[2] != "*"
        dayOfWeekRestricted = fields[4] != "*"
        description = trimmed
    }

    /// Whether the expression runs at this minute (calendar fields in the schedule's time zone).
    package func matches(minute: Int, hour: Int, day: Int, month: Int, weekday: Int) -> Bool {
        minutes.contains(minute) && hours.contains(hour) && months.contains(month) && matchesDay(day, weekday: weekday)
    }

    /// The first whole minute strictly after `date` at which the expression runs, in `timeZone`;
    /// nil if none within five years (e.g. `0 0 31 2 *`).
    package func next(after date: Date, in timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        guard var candidate = calendar.dateInterval(of: .minute, for: date)?.end else { return nil }
        let limit = date.addingTimeInterval(5 * 366 * 86_400)
        while candidate < limit {
            let parts = calendar.dateComponents([.minute, .hour, .day, .month, .weekday], from: candidate)
            let (minute, hour, day, month) = (parts.minute!, parts.hour!, parts.day!, parts.month!)
            let weekday = parts.weekday! - 1
            if !months.contains(month) || !matchesDay(day, weekday: weekday) {
                // Skip to the next day's midnight.
                guard let nextDay = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: candidate)) else {
                    return nil
                }
                candidate = nextDay
            } else if !hours.contains(hour) {
                guard let hourStart = calendar.dateInterval(of: .hour, for: candidate) else { return nil }
                candidate = hourStart.end
            } else if !minutes.contains(minute) {
                candidate = candidate.addingTimeInterval(60)
            } else {
                return candidate
            }
        }
        return nil
    }

    private func matchesDay(_ day: Int, weekday: Int) -> Bool {
        switch (dayOfMonthRestricted, dayOfWeekRestricted) {
        case (true, true): daysOfMonth.contains(day) || daysOfWeek.contains(weekday)
        case (true, false): daysOfMonth.contains(day)
        case (false, true): daysOfWeek.contains(weekday)
        case (false, false): true
        }
    }

    private static func parseField(_ field: String, index: Int) throws(ParseError) -> Set<Int> {
        let (low, high) = bounds[index]
        let name = fieldNames[index]
        var values = Set<Int>()
        for part in field.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            let pieces = part.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard pieces.count <= 2, !pieces[0].isEmpty else {
                throw ParseError(message: "malformed \(name) '\(part)'", field: index)
            }
            var step = 1
            if pieces.count == 2 {
                guard let value = Int(pieces[1]), value > 0 else {
                    throw ParseError(message: "the step in \(name) '\(part)' must be a positive number", field: index)
                }
                step = value
            }
            var first = low
            var last = high
            if pieces[0] != "*" {
                let range = pieces[0].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
                guard range.count <= 2 else { throw ParseError(message: "malformed range '\(pieces[0])' in \(name)", field: index) }
                first = try value(range[0], index: index)
                last = range.count == 2 ? try value(range[1], index: index) : (pieces.count == 2 ? high : first)
                guard first <= last else {
                    throw ParseError(message: "the range '\(pieces[0])' in \(name) runs backwards", field: index)
                }
            }
            values.formUnion(stride(from: first, through: last, by: step))
        }
        return values
    }

    private static func value(_ text: String, index: Int) throws(ParseError) -> Int {
        let (low, high) = bounds[index]
        let names = index == 3 ? monthNames : index == 4 ? dayNames : []
        if let position = names.firstIndex(of: text.lowercased()) { return index == 3 ? position + 1 : position }
        guard let number = Int(text) else {
            let hint = names.isEmpty ? "" : " (or a name: \(names.joined(separator: ", ")))"
            throw ParseError(message: "'\(text)' is not a \(fieldNames[index]) number from \(low) to \(high)\(hint)", field: index)
        }
        guard (low...high).contains(number) else {
            throw ParseError(message: "\(fieldNames[index]) \(number) is out of range \(low)-\(high)", field: index)
        }
        return number
    }
}
