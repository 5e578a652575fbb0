/// One operation of a recipe.
///
/// In YAML a step is a mapping with exactly one step-kind key (`fix: …`, `regex: …`,
/// `rewrite: …`, `template: …`, `include: …`) plus the optional common key `name` (and `with`, for
/// `fix`, `include` and `swift`). `prompt` is a planned kind, refused with `unsupportedStep`.
package enum Step: Sendable, Hashable {
    case fix(FixStep)
    case regex(RegexStep)
    case rewrite(RewriteDeclaration)
    case template(TemplateStep)
    case include(IncludeStep)
    case swift(SwiftStep)

    /// What describes the step.
    package var program: any StepProgram {
        switch self {
        case .fix(let step): step
        case .regex(let step): step
        case .rewrite(let step): step
        case .template(let step): step
        case .include(let step): step
        case .swift(let step): step
        }
    }

    /// The YAML key that selects this kind of step.
    package var kindKey: String {
        switch self {
        case .fix: "fix"
        case .regex: "regex"
        case .rewrite: "rewrite"
        case .template: "template"
        case .include: "include"
        case .swift: "swift"
        }
    }

    /// The step's `name`, if it has one.
    package var name: String? { program.name }

    /// The `name`, or a default such as `fix trailing-whitespace`, for reports.
    package var displayName: String { program.name ?? program.defaultName }

    /// Where the step is declared, when loaded from a file.
    package var location: RecipeLocation? { program.location }

    /// Every parameter-dependent text of the step.
    var texts: [TemplateText] {
        switch self {
        case .fix(let step): step.arguments.flatMap(\.texts)
        case .regex(let step): [step.pattern, step.replacement]
        case .rewrite(let step): step.texts
        case .template(let step): [step.path, step.content]
        case .include(let step): step.arguments.map(\.value)
        case .swift(let step): step.arguments.map(\.value)
        }
    }
}

/// What every kind of step has.
package protocol StepProgram: Sendable {
    /// The step's `name` key.
    var name: String? { get }
    /// A name for reports when the step has none.
    var defaultName: String { get }
    var location: RecipeLocation? { get }
}
