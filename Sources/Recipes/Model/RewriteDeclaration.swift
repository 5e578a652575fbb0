/// A `rewrite` step: a structural pattern with holes, run by ``RewriteRule``.
///
/// ```yaml
/// - rewrite:
///     match: "XCTAssertEqual(:[a], :[b])"
///     replace: "#expect(:[a] == :[b])"
///     where:
///       - { hole: a, matches: '\w+' }
///       - { hole: b, not-matches: 'nil' }
///       - { hole: b, not: 'nil' }
/// ```
///
/// `match`, `replace` and the constraints may use parameters (`{{name}}`), substituted
/// before the rule is compiled. `where` regular expressions must match the hole's whole
/// text (Swift `Regex` syntax). Files that are not valid UTF-8 are skipped (`non-utf8`).
package struct RewriteDeclaration: StepProgram, Hashable {
    package var match: TemplateText
    package var replace: TemplateText
    package var constraints: [Constraint]
    package var name: String?
    package var location: RecipeLocation?

    /// One `where` item: a condition on what a hole captured.
    package struct Constraint: Sendable, Hashable {
        package enum Kind: Sendable, Hashable {
            /// `matches: REGEX` — the captured text matches as a whole.
            case matches(TemplateText)
            /// `not-matches: REGEX` — the captured text does not match as a whole.
            case notMatches(TemplateText)
            /// `not: TEXT` — the captured text is not exactly this.
            case not(TemplateText)
        }

        package var hole: String
        package var kind: Kind
        package var location: RecipeLocation?

        /// The keys that select a kind.
        package static let kindKeys = ["matches", "not-matches", "not"]

        var text: TemplateText {
            switch kind {
            case .matches(let text), .notMatches(let text), .not(let text): text
            }
        }

        /// The engine's constraint, with `values` substituted.
        func rendered(_ values: [String: ParameterValue]) -> HoleConstraint {
            switch kind {
            case .matches(let text): .matches(hole: hole, regex: text.render(values))
            case .notMatches(let text): .notMatches(hole: hole, regex: text.render(values))
            case .not(let text): .notEqual(hole: hole, text: text.render(values))
            }
        }
    }

    package var defaultName: String { "rewrite \(match.source)" }

    /// Every parameter-dependent text of the step.
    var texts: [TemplateText] { [match, replace] + constraints.map(\.text) }

    /// Compiles the rule with `values` substituted.
    func compile(_ values: [String: ParameterValue]) throws(RewriteRuleError) -> RewriteRule {
        try RewriteRule(
            match: match.render(values), replace: replace.render(values),
            constraints: constraints.map { $0.rendered(values) })
    }

    /// Compiles the rule with `values` substituted; a compile error becomes a
    /// `RecipeError` at the part of the step it is in.
    func rule(_ values: [String: ParameterValue]) throws(RecipeError) -> RewriteRule {
        do {
            return try compile(values)
        } catch {
            throw recipeError(error, at: nil)
        }
    }

    /// The recipe error for `error`; at `location` if given, else where its part is declared.
    func recipeError(_ error: RewriteRuleError, at location: RecipeLocation?) -> RecipeError {
        let declared: RecipeLocation?
        let key: String
        switch error.part {
        case .match: (declared, key) = (match.location, "match")
        case .replace: (declared, key) = (replace.location, "replace")
        case .where: (declared, key) = (constraints.first?.location, "where")
        }
        var message = "'\(key)': \(error.message)"
        if !texts.allSatisfy(\.isLiteral) { message += " (with parameters substituted)" }
        return RecipeError(.invalidRewrite, message, location: location ?? declared ?? self.location, key: key, hint: error.hint)
    }
}
