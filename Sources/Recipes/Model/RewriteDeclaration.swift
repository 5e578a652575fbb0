/// The YAML shape of a `rewrite` step (a structural pattern with holes), parsed and
/// validated so that recipes get precise errors; the structural matcher that runs it
/// lives elsewhere (`RewriteRule`).
///
/// ```yaml
/// - rewrite:
///     match: "XCTAssertEqual(:[a], :[b])"
///     replace: "#expect(:[a] == :[b])"
///     where:
///       - { hole: a, matches: '^\w+$' }
///       - { hole: b, not-matches: 'nil' }
///       - { hole: b, not: 'nil' }
/// ```
package struct RewriteDeclaration: Sendable, Hashable {
    package var match: TemplateText
    package var replace: TemplateText
    package var constraints: [Constraint]
    package var name: String?
    package var location: RecipeLocation?

    /// One `where` item: a condition on what a hole captured.
    package struct Constraint: Sendable, Hashable {
        package enum Kind: Sendable, Hashable {
            /// `matches: REGEX` — the captured text has a match.
            case matches(RegexPattern)
            /// `not-matches: REGEX` — the captured text has no match.
            case notMatches(RegexPattern)
            /// `not: TEXT` — the captured text is not exactly this.
            case not(String)
        }

        package var hole: String
        package var kind: Kind
        package var location: RecipeLocation?

        /// The keys that select a kind.
        package static let kindKeys = ["matches", "not-matches", "not"]
    }
}
