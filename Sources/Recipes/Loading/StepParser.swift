internal import Yams

/// Parses one item of a recipe's `steps`: a mapping with exactly one step-kind
/// key (`fix: …`) plus the optional common keys `name` and `with`.
///
/// Texts that may use parameters are checked against the declared ones; when every
/// parameter a step uses has a default, the step is also checked with the defaults
/// substituted (the regex compiles, the template path stays in the repository, the
/// fixer accepts its options), so most mistakes are found when the recipe loads.
struct StepParser {
    let reader: YAMLReader
    let parameters: [ParameterDeclaration]
    let readSource: (String) -> String?

    /// Step kinds this version runs.
    static let implementedKinds = ["fix", "include", "regex", "rewrite", "swift", "template"]
    /// Step kinds of the recipe language that are not implemented yet; naming one
    /// is an `unsupportedStep` error rather than an unknown key.
    static let plannedKinds = ["prompt"]
    /// Keys any step may have.
    static let commonKeys = ["name", "with"]
    /// Step kinds that take `with`.
    static let kindsWithOptions = ["fix", "include", "swift"]

    func step(_ node: Node, index: Int) throws(RecipeError) -> Step {
        let context = "step \(index + 1)"
        let allKinds = Self.implementedKinds + Self.plannedKinds
        let entries = try reader.entries(
            of: node, in: context, valid: allKinds + Self.commonKeys,
            expected: "a mapping with one step kind, e.g. '- fix: end-of-file'")
        let kinds = entries.filter { allKinds.contains($0.key) }
        guard let kind = kinds.first else {
            throw reader.error(
                .invalidStep, "\(context) has no step kind", at: node,
                hint: "add one of: \(Self.implementedKinds.joined(separator: ", ")), e.g. 'fix: end-of-file'")
        }
        if kinds.count > 1 {
            throw reader.error(
                .invalidStep, "\(context) has more than one step kind ('\(kind.key)' and '\(kinds[1].key)')",
                at: kinds[1].keyNode, key: kinds[1].key, hint: "split it into one step per kind")
        }
        var name: String?
        var options: Node?
        for entry in entries {
            switch entry.key {
            case "name":
                name = try reader.nonEmptyString(entry.value, key: "name", in: context)
            case "with":
                guard Self.kindsWithOptions.contains(kind.key) || !Self.implementedKinds.contains(kind.key) else {
                    throw reader.error(
                        .unknownKey, "'with' is not used by \(kind.key) steps (\(context))", at: entry.keyNode,
                        key: "with", hint: "'with' passes options to fix and swift steps and parameters to include steps")
                }
                options = entry.value.null == nil ? entry.value : nil
            default: break
            }
        }
        let location = reader.location(of: node)
        let stepContext = StepContext(context: context, name: name, location: location, node: node)
        switch kind.key {
        case "fix":
            return .fix(try fixStep(kind.value, options: options, step: stepContext))
        case "regex":
            return .regex(try regexStep(kind.value, step: stepContext))
        case "template":
            return .template(try templateStep(kind.value, step: stepContext))
        case "include":
            return .include(try includeStep(kind.value, options: options, step: stepContext))
        case "rewrite":
            return .rewrite(try rewriteDeclaration(kind.value, step: stepContext))
        case "swift":
            return .swift(try swiftStep(kind.value, options: options, step: stepContext))
        default:
            throw reader.error(
                .unsupportedStep, "step kind '\(kind.key)' is not supported by this version of sparkd",
                at: kind.keyNode, key: kind.key,
                hint: "supported step kinds: \(Self.implementedKinds.joined(separator: ", "))")
        }
    }

    /// What every step-kind parser needs to know about the step.
    struct StepContext {
        let context: String
        let name: String?
        let location: RecipeLocation
        let node: Node
    }

    // MARK: - Parameters in texts

    /// `text` (the value of `node`) as a template whose parameters are all declared.
    func text(_ text: String, at node: Node, key: String) throws(RecipeError) -> TemplateText {
        let template = try reader.template(text, at: node, key: key)
        let known = parameters.map(\.name) + ParameterDeclaration.builtinNames
        for reference in template.references where !known.contains(reference.name) {
            throw RecipeError(
                .unknownParameter,
                "'{{\(reference.name)}}' in '\(key)' is not a parameter of this recipe"
                    + Suggestions.didYouMean(reference.name, in: known),
                at: reader.location(of: node, offset: reference.offset), key: reference.name,
                hint: parameters.isEmpty
                    ? "declare it under 'parameters:', e.g. '\(reference.name): { type: string, default: \"…\" }'"
                    : "parameters: \(known.joined(separator: ", ")); declare new ones under 'parameters:'")
        }
        return template
    }

    /// The default values, or nil when a text uses a required parameter (so it can only
    /// be checked once values are given).
    func defaults(for texts: [TemplateText]) -> [String: ParameterValue]? {
        var values: [String: ParameterValue] = [ParameterDeclaration.yearName: .int(ParameterBinding.currentYear())]
        for declaration in parameters {
            if let value = declaration.defaultValue { values[declaration.name] = value }
        }
        for text in texts {
            for name in text.parameterNames where values[name] == nil { return nil }
        }
        return values
    }

    // MARK: - fix

    private func fixStep(_ value: Node, options: Node?, step: StepContext) throws(RecipeError) -> FixStep {
        let fixer = try fixerName(value, in: step.context)
        let arguments = try FixerOptions.arguments(
            reader: reader, fixer: fixer, node: options, context: step.context, step: step.node,
            text: { value, node, key throws(RecipeError) in try text(value, at: node, key: key) })
        var configuration = FixerConfiguration(defaultFor: fixer)
        if let defaults = defaults(for: arguments.flatMap(\.texts)) {
            configuration = try FixerConfiguration(
                fixer, arguments: arguments, parameters: defaults, context: step.context)
        }
        return FixStep(configuration, arguments: arguments, name: step.name, location: step.location)
    }

    private func fixerName(_ node: Node, in context: String) throws(RecipeError) -> FixerName {
        let name = try reader.string(node, key: "fix", in: context)
        guard let fixer = FixerName(rawValue: name) else {
            let names = FixerName.allCases.sorted().map(\.rawValue)
            throw reader.error(
                .unknownFixer, "unknown fixer '\(name)' in \(context)" + Suggestions.didYouMean(name, in: names),
                at: node, key: "fix", hint: "available fixers: \(names.joined(separator: ", "))")
        }
        return fixer
    }
}
