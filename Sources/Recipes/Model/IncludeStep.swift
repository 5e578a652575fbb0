/// An `include` step: runs another recipe's steps here, in order, with parameter
/// values from `with` (strings that may use this recipe's parameters).
///
/// ```yaml
/// - include: fixup/trailing-whitespace
/// - include: boilerplate/license
///   with: { holder: "{{holder}}" }
/// ```
///
/// The included recipe keeps its own `languages`, `files` and `when`: its steps run
/// only on files it selects. Includes nest; a cycle is an error naming the chain.
package struct IncludeStep: StepProgram, Hashable {
    package var recipeID: String
    package var arguments: [Argument]
    package var name: String?
    package var location: RecipeLocation?

    /// One `with` entry: a parameter of the included recipe and its value.
    package typealias Argument = StepArgument

    package init(recipeID: String, arguments: [Argument] = [], name: String? = nil, location: RecipeLocation? = nil) {
        self.recipeID = recipeID
        self.arguments = arguments
        self.name = name
        self.location = location
    }

    package var defaultName: String { "include \(recipeID)" }
}
