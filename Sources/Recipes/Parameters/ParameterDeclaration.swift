/// A parameter a recipe declares under `parameters:`.
///
/// ```yaml
/// parameters:
///   holder: { type: string, default: "The Authors", description: "Copyright holder" }
///   module: { type: string, required: true }
/// ```
///
/// Every parameter has a default or is required. Besides the declared ones, every
/// recipe has the built-in parameters of ``ParameterDeclaration/builtins``.
package struct ParameterDeclaration: Sendable, Hashable {
    package var name: String
    package var type: ParameterType
    /// nil exactly when `required`.
    package var defaultValue: ParameterValue?
    package var description: String?
    package var location: RecipeLocation?

    package init(
        name: String, type: ParameterType, defaultValue: ParameterValue?, description: String? = nil,
        location: RecipeLocation? = nil
    ) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.description = description
        self.location = location
    }

    package var isRequired: Bool { defaultValue == nil }

    /// The built-in parameter `year`: an int, the current year (UTC) unless given, e.g.
    /// `--param year=2025`. The license-header fixer extends copyright ranges to it.
    package static let yearName = "year"

    /// Parameters every recipe has without declaring them; a recipe may not redeclare them.
    package static let builtinNames = [yearName]
}
