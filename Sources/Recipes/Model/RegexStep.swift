/// A `regex` step: replaces every match of `pattern` with `replace`, in UTF-8 text.
///
/// ```yaml
/// - regex: { pattern: '\bassertEquals\(', replace: 'assertEqual(', flags: [multiline] }
/// ```
///
/// The pattern is ICU syntax (as `NSRegularExpression`); the replacement inserts
/// groups with `$1`, `${1}` or `${name}` and a dollar sign with `$$`. Both may use
/// parameters (`{{name}}`), which are substituted before the pattern is compiled.
/// Files that are not valid UTF-8 are skipped (`non-utf8`).
package struct RegexStep: StepProgram, Hashable {
    package var pattern: TemplateText
    package var replacement: TemplateText
    package var flags: RegexFlags
    package var name: String?
    package var location: RecipeLocation?

    package init(
        pattern: TemplateText, replacement: TemplateText, flags: RegexFlags = [], name: String? = nil,
        location: RecipeLocation? = nil
    ) {
        self.pattern = pattern
        self.replacement = replacement
        self.flags = flags
        self.name = name
        self.location = location
    }

    package var defaultName: String { "regex \(pattern.source)" }
}
