/// One `with` entry of a step that takes named values (`include`: the included recipe's
/// parameters; `swift`: the rewriter's options): a name and a text that may use the recipe's
/// parameters.
package struct StepArgument: Sendable, Hashable {
    package var name: String
    package var value: TemplateText
    /// Where the entry's key is.
    package var location: RecipeLocation?

    package init(name: String, value: TemplateText, location: RecipeLocation? = nil) {
        self.name = name
        self.value = value
        self.location = location
    }
}
