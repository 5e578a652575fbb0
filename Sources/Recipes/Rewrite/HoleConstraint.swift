/// A `where` condition on the text a named hole matched. Constraints guide the match: a hole keeps
/// extending past text that fails its constraint, as past text after which the rest of the
/// template does not match.
///
/// Regular expressions use Swift `Regex` syntax and must match the whole hole text (write
/// `.*word.*` to look for a part). Hole text is compared as matched, surrounding whitespace
/// included.
package enum HoleConstraint: Sendable, Hashable {
    /// `matches: REGEX`: the hole text must match.
    case matches(hole: String, regex: String)
    /// `not-matches: REGEX`: the hole text must not match.
    case notMatches(hole: String, regex: String)
    /// `not: TEXT`: the hole text must not equal `text`.
    case notEqual(hole: String, text: String)

    /// The hole the constraint is on.
    package var hole: String {
        switch self {
        case .matches(let hole, _), .notMatches(let hole, _), .notEqual(let hole, _): hole
        }
    }
}
