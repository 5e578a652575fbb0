internal import Yams

extension StepParser {
    /// `swift: REWRITER` with optional `with: { option: value }`. The rewriter must be
    /// registered (``SwiftRewriterRegistry``), the options must be ones it takes and its
    /// required ones present; when every parameter the options use has a default, the
    /// rewriter is also created once so that a bad value is found when the recipe loads.
    func swiftStep(_ value: Node, options: Node?, step: StepContext) throws(RecipeError) -> SwiftStep {
        let name = try reader.nonEmptyString(value, key: "swift", in: step.context)
        guard let rewriter = SwiftRewriterRegistry.rewriter(named: name) else {
            throw SwiftStep.unknownRewriter(name, location: reader.location(of: value))
        }
        let declared = rewriter.options.map(\.name)
        let context = "'with' of \(step.context)"
        var arguments: [SwiftStep.Argument] = []
        if let options {
            let entries = try reader.entries(
                of: options, in: context, valid: nil,
                expected: "a mapping of the rewriter's options, e.g. 'with: { from: OldName, to: NewName }'")
            for entry in entries {
                guard declared.contains(entry.key) else {
                    throw reader.error(
                        .unknownKey,
                        "swift rewriter '\(name)' has no option '\(entry.key)'"
                            + Suggestions.didYouMean(entry.key, in: declared),
                        at: entry.keyNode, key: entry.key,
                        hint: declared.isEmpty
                            ? "'\(name)' takes no options; remove 'with'"
                            : "options of '\(name)': \(Self.describe(rewriter.options))")
                }
                let raw = try reader.string(entry.value, key: entry.key, in: context)
                arguments.append(
                    SwiftStep.Argument(
                        name: entry.key, value: try text(raw, at: entry.value, key: entry.key),
                        location: reader.location(of: entry.keyNode)))
            }
        }
        for option in rewriter.options where option.isRequired && !arguments.contains(where: { $0.name == option.name }) {
            throw reader.error(
                .missingKey, "swift rewriter '\(name)' needs option '\(option.name)' (\(step.context))",
                at: options ?? value, key: option.name,
                hint: "add it under 'with:' — \(option.name): \(option.summary)")
        }
        let swiftStep = SwiftStep(rewriter: name, arguments: arguments, name: step.name, location: step.location)
        if let defaults = defaults(for: arguments.map(\.value)) {
            _ = try swiftStep.makeRewriter(defaults)
        }
        return swiftStep
    }

    private static func describe(_ options: [SourceRewriterOption]) -> String {
        options.map { "\($0.name)\($0.isRequired ? " (required)" : "") — \($0.summary)" }.joined(separator: "; ")
    }
}
