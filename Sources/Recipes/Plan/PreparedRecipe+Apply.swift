internal import Foundation

extension PreparedRecipe {
    /// Runs the per-file steps on a file already selected, each on the previous
    /// step's output; an included recipe runs only when it selects the file too and
    /// its `repository_has` holds (`inactive` lists the ids whose conditions failed).
    func runSteps(path: String, contents: [UInt8], inactive: Set<String>) -> RecipeOutcome {
        var current = contents
        var anyStepChanged = false
        var outcomes: [StepOutcome] = []
        outcomes.reserveCapacity(steps.count)
        for (index, step) in steps.enumerated() {
            let name = recipe.steps[index].displayName
            var outcome = StepOutcome(index: index, name: name, changed: false, findings: [])
            switch step {
            case .fix(let configuration):
                if configuration.name.requiresText, String(validating: current, as: UTF8.self) == nil {
                    outcome.skipped = .nonUTF8
                    break
                }
                let result = configuration.fixer.fix(current, path: path)
                outcome.findings = result.findings
                if let output = result.output {
                    current = output
                    outcome.changed = true
                }
            case .regex(let pattern, let replacement):
                guard let text = String(validating: current, as: UTF8.self) else {
                    outcome.skipped = .nonUTF8
                    break
                }
                let (replaced, count) = pattern.replacing(in: text, with: replacement)
                let output = Array(replaced.utf8)
                if count > 0, output != current {
                    current = output
                    outcome.changed = true
                }
            case .rewrite(let rule):
                guard let result = rule.rewrite(current, path: path) else { break }
                if let notice = result.notice {
                    if case .invalidUTF8 = notice {
                        outcome.skipped = .nonUTF8
                        break
                    }
                    outcome.findings.append(Finding(notice.description))
                }
                if result.matched, result.output != current {
                    current = result.output
                    outcome.changed = true
                }
            case .swift(let rewriter):
                guard path.hasSuffix(".swift") else { break }
                guard String(validating: current, as: UTF8.self) != nil else {
                    outcome.skipped = .nonUTF8
                    break
                }
                let result = rewriter.rewrite(current, path: path)
                outcome.findings = result.findings
                if let output = result.output, output != current {
                    current = output
                    outcome.changed = true
                }
            case .template:
                break
            case .include(let included):
                guard !inactive.contains(included.recipe.id) else { break }
                let selection = included.selection(path: path, contents: current)
                guard selection == .selected else {
                    outcome.skipped = selection.skipReason
                    break
                }
                let nested = included.runSteps(path: path, contents: current, inactive: inactive)
                outcome.findings = nested.findings
                if nested.changed {
                    current = nested.bytes
                    outcome.changed = true
                }
            }
            anyStepChanged = anyStepChanged || outcome.changed
            outcomes.append(outcome)
        }
        return RecipeOutcome(
            path: path, bytes: current, changed: anyStepChanged && current != contents, steps: outcomes)
    }
}

extension Recipe {
    /// Runs the recipe on one file with its default parameter values: the file's
    /// selection (`languages`, `files`, `when` except `repository_has`) and skip rules
    /// apply, then every per-file step in order. Template steps and `repository_has`
    /// need a repository: use ``PreparedRecipe/plan(for:)``.
    ///
    /// A recipe that needs parameter values or includes other recipes cannot run here:
    /// the outcome is unchanged, with one finding saying why. Prefer preparing the
    /// recipe once (``PreparedRecipe``) over calling this per file.
    package func apply(path: String, contents: [UInt8]) -> RecipeOutcome {
        let prepared: PreparedRecipe
        do {
            prepared = try PreparedRecipe(self)
        } catch {
            return RecipeOutcome(
                path: path, bytes: contents, changed: false,
                steps: [StepOutcome(index: 0, name: "prepare", changed: false, findings: [Finding(error.message)])])
        }
        let selection = prepared.selection(path: path, contents: contents)
        guard selection == .selected else { return .untouched(path: path, contents: contents, selection) }
        return prepared.runSteps(path: path, contents: contents, inactive: [])
    }
}
