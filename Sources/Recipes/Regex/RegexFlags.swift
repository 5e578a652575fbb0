import Foundation

/// The `flags:` of a `regex` step; inline flags (`(?m)`, `(?i)`, `(?s)`, `(?x)`) work too.
package struct RegexFlags: OptionSet, Sendable, Hashable {
    package let rawValue: Int
    package init(rawValue: Int) { self.rawValue = rawValue }

    /// `multiline`: `^` and `$` match at line starts and ends.
    package static let multiline = RegexFlags(rawValue: 1 << 0)
    /// `ignore-case`.
    package static let ignoreCase = RegexFlags(rawValue: 1 << 1)
    /// `dot-all`: `.` matches line breaks too.
    package static let dotAll = RegexFlags(rawValue: 1 << 2)
    /// `extended`: whitespace and `#` comments in the pattern are ignored.
    package static let extended = RegexFlags(rawValue: 1 << 3)

    /// Flag names as recipes write them.
    package static let names: [(String, RegexFlags)] = [
        ("multiline", .multiline), ("ignore-case", .ignoreCase), ("dot-all", .dotAll), ("extended", .extended),
    ]

    var options: NSRegularExpression.Options {
        var options: NSRegularExpression.Options = []
        if contains(.multiline) { options.insert(.anchorsMatchLines) }
        if contains(.ignoreCase) { options.insert(.caseInsensitive) }
        if contains(.dotAll) { options.insert(.dotMatchesLineSeparators) }
        if contains(.extended) { options.insert(.allowCommentsAndWhitespace) }
        return options
    }
}
