/// A path pattern matched against a whole repository-relative path (`src/a/b.py`).
///
/// `*` matches any characters but `/`; `**` as a whole segment matches any number of
/// segments, none included (`**/*.py` matches `a.py` and `x/y/a.py`; `vendor/**`
/// matches everything under `vendor`); `?` matches one character but `/`;
/// `[abc]`, `[a-z]` and `[!abc]` (or `[^abc]`) match one character of (not of) a set;
/// `\` escapes the next character. Patterns are anchored at the repository root:
/// `setup.py` matches only the top-level file.
package struct Glob: Sendable, Hashable, CustomStringConvertible {
    package let pattern: String
    private let segments: [Segment]

    private enum Segment: Hashable {
        case anyDepth
        case name([Token])
    }

    private enum Token: Hashable {
        case literal(Unicode.Scalar)
        case anyCharacter
        case anyRun
        case set(negated: Bool, items: [ClosedRange<Unicode.Scalar>])
    }

    /// Parses `pattern`; throws for an empty pattern, an absolute path, a `..` or
    /// empty segment, `**` inside a segment and an unclosed `[`.
    package init(_ pattern: String) throws(GlobSyntaxError) {
        self.pattern = pattern
        guard !pattern.isEmpty else { throw GlobSyntaxError(message: "the pattern is empty", offset: 0) }
        guard !pattern.hasPrefix("/") else {
            throw GlobSyntaxError(
                message: "'\(pattern)' is absolute; patterns are relative to the repository root", offset: 0)
        }
        var segments: [Segment] = []
        var offset = 0
        for raw in pattern.split(separator: "/", omittingEmptySubsequences: false) {
            let text = String(raw)
            if text.isEmpty {
                throw GlobSyntaxError(message: "'\(pattern)' has an empty path segment ('//' or a trailing '/')", offset: offset)
            }
            if text == ".." || text == "." {
                throw GlobSyntaxError(message: "'\(pattern)' has a '\(text)' segment; patterns cannot leave or name the current directory", offset: offset)
            }
            if text == "**" {
                if segments.last != .anyDepth { segments.append(.anyDepth) }
            } else {
                segments.append(.name(try Self.tokens(text, pattern: pattern, offset: offset)))
            }
            offset += text.unicodeScalars.count + 1
        }
        self.segments = segments
    }

    private static func tokens(_ text: String, pattern: String, offset: Int) throws(GlobSyntaxError) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "*":
                if index + 1 < scalars.count, scalars[index + 1] == "*" {
                    throw GlobSyntaxError(
                        message: "'**' must be a whole path segment (as in 'a/**/b'); use '*' within a name",
                        offset: offset + index)
                }
                tokens.append(.anyRun)
            case "?":
                tokens.append(.anyCharacter)
            case "\\":
                index += 1
                guard index < scalars.count else {
                    throw GlobSyntaxError(message: "'\\' at the end of a segment escapes nothing", offset: offset + index - 1)
                }
                tokens.append(.literal(scalars[index]))
            case "[":
                let start = index
                index += 1
                var negated = false
                if index < scalars.count, scalars[index] == "!" || scalars[index] == "^" {
                    negated = true
                    index += 1
                }
                var items: [ClosedRange<Unicode.Scalar>] = []
                var first = true
                while index < scalars.count, scalars[index] != "]" || first {
                    first = false
                    var low = scalars[index]
                    if low == "\\", index + 1 < scalars.count {
                        index += 1
                        low = scalars[index]
                    }
                    if index + 2 < scalars.count, scalars[index + 1] == "-", scalars[index + 2] != "]" {
                        let high = scalars[index + 2]
                        guard low <= high else {
                            throw GlobSyntaxError(
                                message: "range '\(low)-\(high)' in '\(pattern)' is reversed", offset: offset + index)
                        }
                        items.append(low...high)
                        index += 3
                    } else {
                        items.append(low...low)
                        index += 1
                    }
                }
                guard index < scalars.count else {
                    throw GlobSyntaxError(message: "'[' in '\(pattern)' is never closed with ']'", offset: offset + start)
                }
                tokens.append(.set(negated: negated, items: items))
            default:
                tokens.append(.literal(scalar))
            }
            index += 1
        }
        return tokens
    }

    /// Whether `path` (relative, `/`-separated) matches the whole pattern.
    package func matches(_ path: String) -> Bool {
        let names = path.split(separator: "/", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        return Self.match(segments[...], names[...])
    }

    private static func match(_ segments: ArraySlice<Segment>, _ names: ArraySlice<[Unicode.Scalar]>) -> Bool {
        guard let segment = segments.first else { return names.isEmpty }
        switch segment {
        case .anyDepth:
            let rest = segments.dropFirst()
            // `**` at the end matches one or more remaining names (`vendor/**` is what is under vendor).
            if rest.isEmpty { return !names.isEmpty }
            var remaining = names
            while true {
                if match(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        case .name(let tokens):
            guard let name = names.first, matchName(tokens[...], name[...]) else { return false }
            return match(segments.dropFirst(), names.dropFirst())
        }
    }

    private static func matchName(_ tokens: ArraySlice<Token>, _ name: ArraySlice<Unicode.Scalar>) -> Bool {
        // Iterative matching with backtracking to the last `*`: linear in practice.
        var t = tokens.startIndex
        var n = name.startIndex
        var starToken: Int?
        var starName = name.startIndex
        while n < name.endIndex {
            if t < tokens.endIndex {
                switch tokens[t] {
                case .anyRun:
                    starToken = t
                    starName = n
                    t += 1
                    continue
                case .anyCharacter:
                    t += 1
                    n += 1
                    continue
                case .literal(let scalar) where scalar == name[n]:
                    t += 1
                    n += 1
                    continue
                case .set(let negated, let items) where items.contains { $0.contains(name[n]) } != negated:
                    t += 1
                    n += 1
                    continue
                default:
                    break
                }
            }
            guard let star = starToken else { return false }
            t = star + 1
            starName += 1
            n = starName
        }
        while t < tokens.endIndex, tokens[t] == .anyRun { t += 1 }
        return t == tokens.endIndex
    }

    package var description: String { pattern }

    package static func == (lhs: Self, rhs: Self) -> Bool { lhs.pattern == rhs.pattern }
    package func hash(into hasher: inout Hasher) { hasher.combine(pattern) }
}

/// A malformed glob: what is wrong and where (Unicode-scalar offset in the pattern).
package struct GlobSyntaxError: Error, Sendable, Hashable {
    package var message: String
    package var offset: Int
}
