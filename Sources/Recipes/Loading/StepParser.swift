internal import Yams

/// Parses one item of a recipe's `steps`: a mapping with exactly one step-kind
/// key (`fix: …`) plus the optional common keys `name` and `with`.
struct StepParser {
    let reader: YAMLReader

    /// Step kinds this version runs.
    static let implementedKinds = ["fix"]
    /// Step kinds of the recipe language that are not implemented yet; naming one
    /// is an `unsupportedStep` error rather than an unknown key.
    static let plannedKinds = ["include", "prompt", "regex", "rewrite", "swift", "template"]
    /// Keys any step may have.
    static let commonKeys = ["name", "with"]

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
        guard Self.implementedKinds.contains(kind.key) else {
            throw reader.error(
                .unsupportedStep, "step kind '\(kind.key)' is not supported by this version of sparkd",
                at: kind.keyNode, key: kind.key,
                hint: "supported step kinds: \(Self.implementedKinds.joined(separator: ", "))")
        }
        var name: String?
        var options: Node?
        for entry in entries {
            switch entry.key {
            case "name": name = try reader.nonEmptyString(entry.value, key: "name", in: context)
            case "with": options = entry.value.null == nil ? entry.value : nil
            default: break
            }
        }
        let location = reader.location(of: node)
        switch kind.key {
        default:
            let fixer = try fixerName(kind.value, in: context)
            let configuration = try FixerConfiguration(
                fixer, options: FixerOptions(reader: reader, fixer: fixer, node: options, context: context))
            return .fix(FixStep(configuration, name: name, location: location))
        }
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
