extension Recipe {
    /// Runs every step in order on `contents`, each on the previous step's output.
    ///
    /// Pure: no I/O. It does not skip binary content; callers decide which files to
    /// feed it (see `Content.isBinary`). A step's change that a later step undoes
    /// still counts for that step, while `changed` compares the final bytes with
    /// the input.
    package func apply(path: String, contents: [UInt8]) -> RecipeOutcome {
        var current = contents
        var anyStepChanged = false
        var outcomes: [StepOutcome] = []
        outcomes.reserveCapacity(steps.count)
        for (index, step) in steps.enumerated() {
            let result = step.program.run(current, path: path)
            if let output = result.output {
                current = output
                anyStepChanged = true
            }
            outcomes.append(
                StepOutcome(index: index, name: step.displayName, changed: result.changed, findings: result.findings))
        }
        return RecipeOutcome(
            path: path, bytes: current, changed: anyStepChanged && current != contents, steps: outcomes)
    }
}
