import Foundation

/// A compiled regular expression (ICU syntax, through `NSRegularExpression`): what
/// `regex` steps, `when: matches` and rewrite `where` constraints run.
///
/// Offsets and lengths are ICU's UTF-16 ones internally; callers see `String`s.
package struct RegexPattern: Sendable, Hashable, CustomStringConvertible {
    package let pattern: String
    package let flags: RegexFlags
    let expression: NSRegularExpression
    /// Names of the named groups (`(?<name>…)`), in order.
    package let groupNames: [String]

    /// Compiles `pattern`; throws a message saying what is wrong.
    package init(_ pattern: String, flags: RegexFlags = []) throws(RegexSyntaxError) {
        self.pattern = pattern
        self.flags = flags
        do {
            expression = try NSRegularExpression(pattern: pattern, options: flags.options)
        } catch {
            throw RegexSyntaxError(message: Self.explain(pattern))
        }
        groupNames = Self.namedGroups(in: pattern)
    }

    /// The number of capturing groups.
    package var groupCount: Int { expression.numberOfCaptureGroups }

    /// Whether `text` has a match.
    package func hasMatch(in text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// `text` with every match replaced by `replacement`, and the number of matches.
    package func replacing(in text: String, with replacement: Replacement) -> (text: String, count: Int) {
        let matches = expression.matches(in: text, range: NSRange(text.startIndex..., in: text))
        guard !matches.isEmpty else { return (text, 0) }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var cursor = text.startIndex
        for match in matches {
            guard let range = Range(match.range, in: text) else { continue }
            result += text[cursor..<range.lowerBound]
            replacement.append(to: &result, match: match, in: text, groupNames: groupNames)
            cursor = range.upperBound
        }
        result += text[cursor...]
        return (result, matches.count)
    }

    package var description: String { pattern }

    package static func == (lhs: Self, rhs: Self) -> Bool { lhs.pattern == rhs.pattern && lhs.flags == rhs.flags }
    package func hash(into hasher: inout Hasher) {
        hasher.combine(pattern)
        hasher.combine(flags)
    }

    /// Group names of `(?<name>…)` outside character classes and escapes (ICU names are
    /// ASCII letters and digits, starting with a letter).
    static func namedGroups(in pattern: String) -> [String] {
        let scalars = Array(pattern.unicodeScalars)
        var names: [String] = []
        var index = 0
        var inClass = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                index += 2
                continue
            }
            if scalar == "[" { inClass += 1 }
            if scalar == "]", inClass > 0 { inClass -= 1 }
            if inClass == 0, scalar == "(", index + 3 < scalars.count, scalars[index + 1] == "?",
                scalars[index + 2] == "<", scalars[index + 3] != "=", scalars[index + 3] != "!"
            {
                var end = index + 3
                var name = ""
                while end < scalars.count, scalars[end] != ">" {
                    name.unicodeScalars.append(scalars[end])
                    end += 1
                }
                if !name.isEmpty { names.append(name) }
                index = end
            }
            index += 1
        }
        return names
    }

    /// A message for a pattern ICU rejected: Swift's regex parser, which reads a nearly
    /// identical syntax, usually says what is wrong.
    static func explain(_ pattern: String) -> String {
        do {
            _ = try Regex(pattern)
        } catch {
            return "invalid regular expression: \(error)"
        }
        return "invalid regular expression (ICU syntax)"
    }
}

/// A pattern that does not compile.
package struct RegexSyntaxError: Error, Sendable, Hashable {
    package var message: String
}
