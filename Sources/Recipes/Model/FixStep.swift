/// A `fix` step: runs one built-in fixer (`fix: trailing-whitespace`), with options
/// from the step's `with` mapping.
package struct FixStep: StepProgram, Hashable {
    package var configuration: FixerConfiguration
    package var name: String?
    package var location: RecipeLocation?

    package init(_ configuration: FixerConfiguration, name: String? = nil, location: RecipeLocation? = nil) {
        self.configuration = configuration
        self.name = name
        self.location = location
    }

    package var defaultName: String { "fix \(configuration.name.rawValue)" }

    package func run(_ bytes: [UInt8], path: String) -> FixResult {
        configuration.fixer.fix(bytes, path: path)
    }
}
