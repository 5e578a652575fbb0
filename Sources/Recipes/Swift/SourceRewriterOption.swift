/// One `with` option of a ``SourceRewriter``.
package struct SourceRewriterOption: Sendable, Hashable {
    package var name: String
    /// A required option has no default; the step must set it.
    package var isRequired: Bool
    /// What the option means, for hints.
    package var summary: String

    package init(_ name: String, required: Bool = false, summary: String) {
        self.name = name
        isRequired = required
        self.summary = summary
    }
}

/// A `with` option value a rewriter cannot use.
package struct SourceRewriterOptionError: Error, Sendable, Hashable {
    /// The option at fault.
    package var option: String
    /// What is wrong with its value.
    package var message: String
    /// How to write it instead.
    package var hint: String?

    package init(option: String, _ message: String, hint: String? = nil) {
        self.option = option
        self.message = message
        self.hint = hint
    }
}
