/// What applying a recipe to one file did.
package struct RecipeOutcome: Sendable, Hashable {
    package var path: String
    /// The content after every step (the input when nothing ran).
    package var bytes: [UInt8]
    /// Whether `bytes` differs from the input.
    package var changed: Bool
    /// One entry per top-level step, in order, when the steps ran; empty when the file
    /// was not selected or was skipped. An `include` step's entry sums up the included
    /// recipe's steps.
    package var steps: [StepOutcome]
    /// Whether the steps ran; `.skipped(reason)` for files reported as skipped.
    package var selection: FileSelection

    package init(
        path: String, bytes: [UInt8], changed: Bool, steps: [StepOutcome], selection: FileSelection = .selected
    ) {
        self.path = path
        self.bytes = bytes
        self.changed = changed
        self.steps = steps
        self.selection = selection
    }

    /// An outcome for a file the steps did not run on.
    package static func untouched(path: String, contents: [UInt8], _ selection: FileSelection) -> RecipeOutcome {
        RecipeOutcome(path: path, bytes: contents, changed: false, steps: [], selection: selection)
    }

    /// Why the file was skipped, if it was.
    package var skipped: SkipReason? { selection.skipReason }

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
    /// Set when this step did not run on the file although others did (a text step on
    /// content that is not UTF-8).
    package var skipped: SkipReason?

    package init(index: Int, name: String, changed: Bool, findings: [Finding], skipped: SkipReason? = nil) {
        self.index = index
        self.name = name
        self.changed = changed
        self.findings = findings
        self.skipped = skipped
    }
}
