/// A named, versioned transformation, declared in one YAML file.
///
/// ```yaml
/// id: fixup/trailing-whitespace
/// version: 1.0.0
/// title: Trim trailing whitespace
/// kind: fixup
/// languages: ["*"]
/// parameters: { holder: { type: string, default: "The Authors" } }
/// files: { include: ["**/*.py"], exclude: ["vendor/**"], max_size: 1MB }
/// when: [{ contains: "import unittest" }]
/// steps:
///   - fix: trailing-whitespace
///     with: { markdown-linebreak-ext: [md] }
/// ```
package struct Recipe: Sendable, Hashable {
    /// Slash-separated and matching the file's path under its catalog directory
    /// (`recipes/fixup/end-of-file.yml` has id `fixup/end-of-file`).
    package var id: String
    /// A semantic version, `MAJOR.MINOR.PATCH`.
    package var version: String
    /// One line; the subject of review commits.
    package var title: String
    package var description: String?
    package var kind: RecipeKind
    /// Languages the recipe applies to; `["*"]` means every file.
    package var languages: [String]
    /// Declared parameters, in declaration order (besides the built-in `year`).
    package var parameters: [ParameterDeclaration]
    /// Which paths and sizes the per-file steps look at.
    package var files: FileFilter
    /// Conditions that must all hold (`when:`).
    package var conditions: [Condition]
    /// Run in order, each on the previous step's output.
    package var steps: [Step]
    /// The file the recipe was loaded from, if any.
    package var source: String?

    package init(
        id: String, version: String, title: String, description: String? = nil,
        kind: RecipeKind = .default, languages: [String] = ["*"], parameters: [ParameterDeclaration] = [],
        files: FileFilter = .all, conditions: [Condition] = [], steps: [Step], source: String? = nil
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.description = description
        self.kind = kind
        self.languages = languages
        self.parameters = parameters
        self.files = files
        self.conditions = conditions
        self.steps = steps
        self.source = source
    }

    /// `id@version`, as in the `Spark-Recipe:` commit trailer.
    package var reference: String { "\(id)@\(version)" }

    /// The declared parameter `name`, if any.
    package func parameter(_ name: String) -> ParameterDeclaration? {
        parameters.first { $0.name == name }
    }
}
