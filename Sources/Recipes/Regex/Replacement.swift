import Foundation

/// The `replace:` text of a `regex` step: `$0`–`$99` or `${1}` insert a group,
/// `${name}` a named group, `$$` a dollar sign; everything else is literal.
/// A group that did not take part in the match inserts nothing.
package struct Replacement: Sendable, Hashable {
    package enum Part: Sendable, Hashable {
        case literal(String)
        case group(Int)
        case namedGroup(String)
    }

    package let parts: [Part]

    /// Parses `text`; `offset` in a thrown error counts Unicode scalars.
    package init(_ text: String) throws(ReplacementSyntaxError) {
        let scalars = Array(text.unicodeScalars)
        var parts: [Part] = []
        var literal = ""
        var index = 0
        func flush() {
            if !literal.isEmpty { parts.append(.literal(literal)) }
            literal = ""
        }
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "$" else {
                literal.unicodeScalars.append(scalar)
                index += 1
                continue
            }
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            switch next {
            case "$":
                literal += "$"
                index += 2
            case let digit? where digit.properties.numericType != nil && digit.isASCII:
                var end = index + 1
                var number = 0
                while end < scalars.count, end < index + 3, scalars[end].isASCII,
                    let value = Int(String(scalars[end]))
                {
                    number = number * 10 + value
                    end += 1
                }
                flush()
                parts.append(.group(number))
                index = end
            case "{":
                guard let close = scalars[(index + 2)...].firstIndex(of: "}") else {
                    throw ReplacementSyntaxError(message: "'${' is never closed with '}'", offset: index)
                }
                let name = String(String.UnicodeScalarView(scalars[(index + 2)..<close]))
                guard !name.isEmpty else { throw ReplacementSyntaxError(message: "'${}' names no group", offset: index) }
                flush()
                parts.append(Int(name).map(Part.group) ?? .namedGroup(name))
                index = close + 1
            default:
                throw ReplacementSyntaxError(
                    message: "'$' must be followed by a group number, '{name}' or '$' (write '$$' for a dollar sign)",
                    offset: index)
            }
        }
        flush()
        self.parts = parts
    }

    /// The first reference to a group that `pattern` does not have, as a message.
    package func missingGroup(in pattern: RegexPattern) -> String? {
        for part in parts {
            switch part {
            case .group(let number) where number > pattern.groupCount:
                return "replacement uses group $\(number), but the pattern has \(pattern.groupCount) group\(pattern.groupCount == 1 ? "" : "s")"
            case .namedGroup(let name) where !pattern.groupNames.contains(name):
                let names = pattern.groupNames
                return "replacement uses group '${\(name)}', but the pattern has no group named so"
                    + (names.isEmpty ? "" : Suggestions.didYouMean(name, in: names))
            default:
                continue
            }
        }
        return nil
    }

    func append(to result: inout String, match: NSTextCheckingResult, in text: String, groupNames: [String]) {
        for part in parts {
            switch part {
            case .literal(let literal):
                result += literal
            case .group(let number):
                guard number < match.numberOfRanges, let range = Range(match.range(at: number), in: text) else { continue }
                result += text[range]
            case .namedGroup(let name):
                guard let range = Range(match.range(withName: name), in: text) else { continue }
                result += text[range]
            }
        }
    }
}

package struct ReplacementSyntaxError: Error, Sendable, Hashable {
    package var message: String
    package var offset: Int
}
