/// The `rewrite` step's engine: a Comby-style structural search and replace over bytes.
///
/// **Templates.** `match` is literal text with holes: `:[name]` binds the text it matches,
/// `:[_]` matches without binding. `replace` is literal text in which `:[name]` stands for the
/// bound text. Leading and trailing whitespace of `match` is ignored; `replace` is used verbatim.
///
/// **Holes** match the shortest text that lets the rest of the template match (extending one
/// atom at a time: an ordinary character, a whole string literal or comment, a whole bracket
/// group), possibly empty. Their text has balanced `()`, `[]`, `{}` outside strings and comments,
/// and never crosses a closer it did not open, so `f(:[a])` takes the `)` that closes `f(`.
/// A hole inside a template string literal matches within one source string of the same kind,
/// up to its closing delimiter. A name used twice must match the same bytes both times.
/// `where` constraints (`HoleConstraint`) guide the match: a hole extends past text that fails
/// them.
///
/// **Whitespace** (space, tab, CR, LF, VT, FF) in the template's code is flexible: a run of it
/// matches a run of one or more whitespace bytes in the source, taken whole; where the template
/// has no whitespace between two tokens the source must have none either (a hole may still take
/// whitespace into its text). Whitespace inside a template string or comment matches exactly.
///
/// **Lexical context.** Comments and string literals are recognised with the language's
/// `LexicalSyntax` (the rule's language, else the one detected from the path; none: every byte is
/// code). Template code only matches source code, so nothing matches inside a source string or
/// comment unless the template puts it there; brackets inside strings and comments never count.
///
/// **Word boundaries.** A match whose first literal starts with an identifier byte (letter,
/// digit, `_`, non-ASCII) does not start right after one, and one ending in a literal that ends
/// with an identifier byte does not end right before one: `interface{}` does not match in
/// `myinterface{}`, `foo(:[a]).bar` not in `foo(x).barrier`.
///
/// **Matches** are found left to right, without overlap: after a match the search resumes at
/// its end, so a match nested inside another is only rewritten by running the rule again.
/// Every byte outside the matched ranges is copied unchanged. A file that is not valid UTF-8 is
/// left alone with a notice.
///
/// **Cost.** A file not containing the template's longest literal run is rejected by one
/// byte search. Otherwise: UTF-8 validation and one lexing pass, O(n); then per candidate start
/// the text the holes cover, with failed (hole, position) pairs memoised; a step budget linear in
/// the file size stops pathological templates with a notice (see `StructuralMatcher`).
package struct RewriteRule: Sendable, Hashable {
    package let match: String
    package let replace: String
    package let constraints: [HoleConstraint]
    /// The language whose comment and string syntax applies; nil: detected per file from its path.
    package let language: SourceLanguage?
    let program: RewriteProgram

    package init(
        match: String, replace: String, constraints: [HoleConstraint] = [], language: SourceLanguage? = nil
    ) throws(RewriteRuleError) {
        self.match = match
        self.replace = replace
        self.constraints = constraints
        self.language = language
        program = try RewriteProgram(match: match, replace: replace, constraints: constraints, language: language)
    }

    /// Rewrites every match in `bytes`. nil when nothing matched and there is nothing to report;
    /// otherwise the output, the number of matches, and a notice if the rule skipped the file or
    /// stopped early (then `output` keeps the untouched part as it was).
    package func rewrite(_ bytes: [UInt8], path: String) -> RewriteResult? {
        program.rewrite(bytes, path: path, language: language)
    }

    package static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.match == rhs.match && lhs.replace == rhs.replace && lhs.constraints == rhs.constraints
            && lhs.language == rhs.language
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(match)
        hasher.combine(replace)
        hasher.combine(constraints)
        hasher.combine(language)
    }
}
