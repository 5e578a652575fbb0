/// A `fix` step: runs one built-in fixer (`fix: trailing-whitespace`), with options
/// from the step's `with` mapping, whose strings may use parameters
/// (`with: { text: "Copyright {{year}} {{holder}}" }`).
package struct FixStep: StepProgram, Hashable {
    /// The fixer configured with the recipe's default parameter values (the current
    /// year for `year`). `PreparedRecipe` configures it again with the bound values
    /// when `needsBinding`.
    package var configuration: FixerConfiguration
    /// The `with` options as written, for binding parameters; empty without `with`.
    package var arguments: [FixerArgument]
    package var name: String?
    package var location: RecipeLocation?

    package init(
        _ configuration: FixerConfiguration, arguments: [FixerArgument] = [], name: String? = nil,
        location: RecipeLocation? = nil
    ) {
        self.configuration = configuration
        self.arguments = arguments
        self.name = name
        self.location = location
    }

    package var fixer: FixerName { configuration.name }

    package var defaultName: String { "fix \(configuration.name.rawValue)" }

    /// Whether the configuration depends on parameter values.
    package var needsBinding: Bool {
        fixer.usesParameters || arguments.contains { argument in argument.texts.contains { !$0.isLiteral } }
    }
}

/// One option of a `fix` step's `with`, as written.
package struct FixerArgument: Sendable, Hashable {
    package enum Value: Sendable, Hashable {
        case text(TemplateText)
        case list([TemplateText])
    }

    package var key: String
    package var value: Value
    /// Where the value starts.
    package var location: RecipeLocation?

    package init(key: String, value: Value, location: RecipeLocation? = nil) {
        self.key = key
        self.value = value
        self.location = location
    }

    var texts: [TemplateText] {
        switch value {
        case .text(let text): [text]
        case .list(let items): items
        }
    }
}
