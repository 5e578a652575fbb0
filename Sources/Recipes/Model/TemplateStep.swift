/// A `template` step: creates (or overwrites) one file of the repository from a
/// Mustache template.
///
/// ```yaml
/// - template: { path: ".editorconfig", content: "root = true\n", mode: if-missing }
/// - template: { path: "LICENSE", source: license.mustache, mode: overwrite }
/// ```
///
/// `source` names a file beside the recipe's `.yml` (read when the recipe is loaded);
/// `content` holds the template inline. The path must stay inside the repository:
/// no `..`, not absolute, not through a symbolic link.
package struct TemplateStep: StepProgram, Hashable {
    package enum Mode: String, CaseIterable, Sendable, Hashable {
        /// Only create the file when the repository does not have it.
        case ifMissing = "if-missing"
        /// Create the file, or replace what is there.
        case overwrite
    }

    package var path: TemplateText
    package var content: TemplateText
    package var mode: Mode
    /// The `source` file's name, when the content came from one.
    package var source: String?
    package var name: String?
    package var location: RecipeLocation?

    package init(
        path: TemplateText, content: TemplateText, mode: Mode = .ifMissing, source: String? = nil,
        name: String? = nil, location: RecipeLocation? = nil
    ) {
        self.path = path
        self.content = content
        self.mode = mode
        self.source = source
        self.name = name
        self.location = location
    }

    package var defaultName: String { "template \(path.source)" }
}
