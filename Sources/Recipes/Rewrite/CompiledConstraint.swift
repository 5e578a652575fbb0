/// A `HoleConstraint` ready to test hole text.
enum CompiledConstraint: @unchecked Sendable {
    // `Regex<AnyRegexOutput>` is not Sendable (its output type is not). The regex is never
    // mutated after `init`, which also runs one match so the program is compiled (lazily, by
    // the standard library) before the rule can be shared; matching then only reads it.
    case matches(Regex<AnyRegexOutput>)
    case notMatches(Regex<AnyRegexOutput>)
    case notEqual([UInt8])

    init(_ constraint: HoleConstraint) throws(RewriteRuleError) {
        switch constraint {
        case .matches(let hole, let pattern):
            self = .matches(try Self.regex(pattern, hole: hole))
        case .notMatches(let hole, let pattern):
            self = .notMatches(try Self.regex(pattern, hole: hole))
        case .notEqual(_, let text):
            self = .notEqual(Array(text.utf8))
        }
    }

    private static func regex(_ pattern: String, hole: String) throws(RewriteRuleError) -> Regex<AnyRegexOutput> {
        do {
            let regex = try Regex(pattern)
            _ = try? regex.wholeMatch(in: "")
            return regex
        } catch {
            throw RewriteRuleError(
                .badRegex, badRegex(pattern, hole: hole, error: "\(error)"), part: .where, hint: badRegexHint)
        }
    }

    /// Whether `text` (the hole's bytes, `string` the same as a String) passes.
    func accepts(_ text: UnsafeBufferPointer<UInt8>, string: String) -> Bool {
        switch self {
        case .matches(let regex):
            return (try? regex.wholeMatch(in: string)) != nil
        case .notMatches(let regex):
            return (try? regex.wholeMatch(in: string)) == nil
        case .notEqual(let forbidden):
            return !text.elementsEqual(forbidden)
        }
    }

    var needsString: Bool {
        if case .notEqual = self { return false }
        return true
    }

    // MARK: Messages

    static func badRegex(_ pattern: String, hole: String, error: String) -> String {
        "the regular expression `\(pattern)` on hole `\(hole)` does not compile: \(error)"
    }
    static let badRegexHint = "use Swift Regex syntax (like PCRE); the expression must match the whole hole text"
}
