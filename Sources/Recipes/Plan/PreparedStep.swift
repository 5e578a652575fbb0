/// A step with parameters substituted and everything compiled: what runs on files.
indirect enum PreparedStep: Sendable {
    /// A built-in fixer; a text fixer (license-header) only runs on UTF-8 content.
    case fix(FixerConfiguration)
    case regex(RegexPattern, Replacement)
    /// A structural rewrite; skips content that is not UTF-8 (the rule reports it).
    case rewrite(RewriteRule)
    /// Runs once per repository (``RecipePlan/generatedFiles``), not per file.
    case template(PreparedTemplate)
    case include(PreparedRecipe)
    /// A swift-syntax rewriter; runs on `.swift` files only.
    case swift(any SourceRewriter)

    /// Whether the step edits text and so skips content that is not UTF-8.
    var requiresText: Bool {
        switch self {
        case .fix(let configuration): configuration.name.requiresText
        case .regex, .rewrite, .swift: true
        case .template, .include: false
        }
    }
}

/// A template step ready to write: its path checked, its content rendered.
struct PreparedTemplate: Sendable, Hashable {
    let path: String
    let bytes: [UInt8]
    let mode: TemplateStep.Mode
    let location: RecipeLocation?
}
