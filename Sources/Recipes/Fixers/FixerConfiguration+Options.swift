extension FixerConfiguration {
    /// The fixer `name` configured from a step's `with` options, with `parameters`
    /// substituted into their strings; mirrors the command-line flags of
    /// pre-commit-hooks, including their validation. Errors point at the option.
    init(
        _ name: FixerName, arguments: [FixerArgument], parameters: [String: ParameterValue], context: String
    ) throws(RecipeError) {
        let options = RenderedOptions(arguments: arguments, parameters: parameters, fixer: name, context: context)
        switch name {
        case .endOfFile:
            self = .endOfFile(EndOfFileFixer())
        case .licenseHeader:
            let year: Int
            if case .int(let value)? = parameters[ParameterDeclaration.yearName] {
                year = value
            } else {
                year = ParameterBinding.currentYear()
            }
            self = .licenseHeader(LicenseHeaderFixer(text: options.string("text") ?? "", year: year))
        case .mixedLineEnding:
            let mode = try options.choice("fix", MixedLineEndingFixer.Mode.self) ?? .auto
            self = .mixedLineEnding(MixedLineEndingFixer(mode: mode))
        case .trailingWhitespace:
            let markdown = try Self.markdownLinebreaks(options)
            self = .trailingWhitespace(TrailingWhitespaceFixer(markdown: markdown, chars: options.string("chars")))
        }
    }

    private static func markdownLinebreaks(_ options: RenderedOptions) throws(RecipeError) -> MarkdownLinebreaks {
        let key = "markdown-linebreak-ext"
        guard let items = options.list(key) else { return .default }
        do {
            return try MarkdownLinebreaks(arguments: items.map(\.value))
        } catch {
            let hint =
                switch error {
                case .emptyArgument: "remove the empty entry, or use '*' for every file"
                case .probableFileName: MarkdownLinebreaks.Messages.probableFileNameHint
                }
            throw RecipeError(
                .invalidValue, error.description + options.givenBy(key), location: items[error.argumentIndex].location,
                key: key, hint: options.parameterHint(key, example: "md,markdown") ?? hint)
        }
    }
}

/// A `fix` step's options with parameters substituted.
struct RenderedOptions {
    let arguments: [FixerArgument]
    let parameters: [String: ParameterValue]
    let fixer: FixerName
    let context: String

    func argument(_ key: String) -> FixerArgument? { arguments.first { $0.key == key } }

    /// A string option, or nil if absent.
    func string(_ key: String) -> String? {
        guard let argument = argument(key), case .text(let text) = argument.value else { return nil }
        return text.render(parameters)
    }

    /// A list option (a lone string is a one-item list), or nil if absent.
    func list(_ key: String) -> [(value: String, location: RecipeLocation?)]? {
        guard let argument = argument(key) else { return nil }
        return argument.texts.map { ($0.render(parameters), $0.location ?? argument.location) }
    }

    /// The parameters the option's value is made of, as in `{{fix}}`.
    func parameterNames(_ key: String) -> [String] {
        argument(key)?.texts.flatMap(\.parameterNames) ?? []
    }

    /// ", given by parameter 'fix'" when the value comes from parameters (a `--param`, a rule's
    /// `with:`), which is where it must be corrected; "" for a value written in the recipe.
    func givenBy(_ key: String) -> String {
        let names = parameterNames(key)
        guard !names.isEmpty else { return "" }
        return ", given by parameter " + names.map { "'\($0)'" }.joined(separator: ", ")
    }

    /// How to set the parameter an option's value comes from, or nil for a literal value.
    func parameterHint(_ key: String, example: String) -> String? {
        guard let name = parameterNames(key).first else { return nil }
        return "set parameter '\(name)' to a valid value, e.g. --param \(name)=\(example) or 'with: { \(name): \(example) }'"
    }

    /// An option whose value is one of `Choice`'s raw values, or nil if absent.
    func choice<Choice: RawRepresentable & CaseIterable>(
        _ key: String, _: Choice.Type
    ) throws(RecipeError) -> Choice? where Choice.RawValue == String {
        guard let value = string(key) else { return nil }
        guard let choice = Choice(rawValue: value) else {
            let valid = Choice.allCases.map(\.rawValue)
            throw RecipeError(
                .invalidValue,
                "invalid value '\(value)' for option '\(key)' of fixer '\(fixer.rawValue)'\(givenBy(key)) "
                    + "(valid values: \(valid.joined(separator: ", ")))" + Suggestions.didYouMean(value, in: valid),
                location: argument(key)?.location, key: key,
                hint: parameterHint(key, example: valid[0]) ?? "e.g. 'with: { \(key): \(valid[0]) }'")
        }
        return choice
    }
}
