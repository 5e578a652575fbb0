extension FixerConfiguration {
    /// The fixer `name` configured from a step's `with` options; mirrors the
    /// command-line flags of pre-commit-hooks, including their validation.
    init(_ name: FixerName, options: FixerOptions) throws(RecipeError) {
        switch name {
        case .endOfFile:
            self = .endOfFile(EndOfFileFixer())
        case .mixedLineEnding:
            let mode = try options.choice("fix", MixedLineEndingFixer.Mode.self) ?? .auto
            self = .mixedLineEnding(MixedLineEndingFixer(mode: mode))
        case .trailingWhitespace:
            let markdown = try Self.markdownLinebreaks(options)
            let chars = try options.string("chars")
            self = .trailingWhitespace(TrailingWhitespaceFixer(markdown: markdown, chars: chars))
        }
    }

    private static func markdownLinebreaks(_ options: FixerOptions) throws(RecipeError) -> MarkdownLinebreaks {
        let key = "markdown-linebreak-ext"
        guard let node = options[key] else { return .default }
        let items = try options.reader.strings(
            node, key: key, in: "'with' of \(options.context)", allowScalar: true, example: "[md, markdown]")
        do {
            return try MarkdownLinebreaks(arguments: items.map(\.value))
        } catch {
            let hint =
                switch error {
                case .emptyArgument: "remove the empty entry, or use '*' for every file"
                case .probableFileName: MarkdownLinebreaks.Messages.probableFileNameHint
                }
            throw options.reader.error(
                .invalidValue, error.description, at: items[error.argumentIndex].node, key: key, hint: hint)
        }
    }
}
