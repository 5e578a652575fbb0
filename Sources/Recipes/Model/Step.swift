/// One operation of a recipe.
///
/// In YAML a step is a mapping with exactly one step-kind key (`fix: …`) plus the
/// optional common keys `name` and `with`. Only `fix` exists so far; `regex`,
/// `rewrite`, `template`, `include`, `swift` and `prompt` will be further cases,
/// each a payload type conforming to `StepProgram`.
package enum Step: Sendable, Hashable {
    case fix(FixStep)

    /// What runs the step.
    package var program: any StepProgram {
        switch self {
        case .fix(let step): step
        }
    }

    /// The YAML key that selects this kind of step.
    package var kindKey: String {
        switch self {
        case .fix: "fix"
        }
    }

    /// The step's `name`, if it has one.
    package var name: String? { program.name }

    /// The `name`, or a default such as `fix trailing-whitespace`, for reports.
    package var displayName: String { program.name ?? program.defaultName }

    /// Where the step is declared, when loaded from a file.
    package var location: RecipeLocation? { program.location }
}

/// The behaviour every kind of step provides.
package protocol StepProgram: Sendable {
    /// The step's `name` key.
    var name: String? { get }
    /// A name for reports when the step has none.
    var defaultName: String { get }
    var location: RecipeLocation? { get }
    /// Runs the step on one file's bytes.
    func run(_ bytes: [UInt8], path: String) -> FixResult
}
