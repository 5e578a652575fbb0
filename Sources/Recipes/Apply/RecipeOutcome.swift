/// What applying a recipe to one file did.
package struct RecipeOutcome: Sendable, Hashable {
    package var path: String
    /// The content after every step.
    package var bytes: [UInt8]
    /// Whether `bytes` differs from the input.
    package var changed: Bool
    /// One entry per step, in order.
    package var steps: [StepOutcome]

    package init(path: String, bytes: [UInt8], changed: Bool, steps: [StepOutcome]) {
        self.path = path
        self.bytes = bytes
        self.changed = changed
        self.steps = steps
    }

    /// Every step's findings, in step order.
    package var findings: [Finding] { steps.flatMap(\.findings) }
}

/// What one step did to one file.
package struct StepOutcome: Sendable, Hashable {
    /// 0-based position of the step in the recipe.
    package var index: Int
    /// The step's `name`, or a default such as `fix trailing-whitespace`.
    package var name: String
    package var changed: Bool
    package var findings: [Finding]

    package init(index: Int, name: String, changed: Bool, findings: [Finding]) {
        self.index = index
        self.name = name
        self.changed = changed
        self.findings = findings
    }
}
