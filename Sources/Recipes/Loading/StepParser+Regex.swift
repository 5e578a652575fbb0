internal import Yams

extension StepParser {
    static let regexKeys = ["pattern", "replace", "flags"]

    /// `regex: { pattern, replace, flags }`.
    func regexStep(_ value: Node, step: StepContext) throws(RecipeError) -> RegexStep {
        let context = "'regex' of \(step.context)"
        let entries = try reader.entries(
            of: value, in: context, valid: Self.regexKeys,
            expected: "a mapping such as '{ pattern: \"\\\\bfoo\\\\b\", replace: bar }'")
        for key in ["pattern", "replace"] where !entries.contains(where: { $0.key == key }) {
            throw reader.error(
                .missingKey, "missing required key '\(key)' in \(context)", at: value, key: key,
                hint: key == "replace" ? "add 'replace:' (\"\" deletes each match)" : "add 'pattern:' with a regular expression")
        }
        var pattern = TemplateText(literal: "")
        var patternNode = value
        var replacement = TemplateText(literal: "")
        var replacementNode = value
        var flags: RegexFlags = []
        for entry in entries {
            switch entry.key {
            case "pattern":
                let source = try reader.nonEmptyString(entry.value, key: "pattern", in: context)
                pattern = try text(source, at: entry.value, key: "pattern")
                patternNode = entry.value
            case "replace":
                let source = try reader.string(entry.value, key: "replace", in: context)
                replacement = try text(source, at: entry.value, key: "replace")
                replacementNode = entry.value
            default:
                flags = try regexFlags(entry.value, in: context)
            }
        }
        if let defaults = defaults(for: [pattern, replacement]) {
            let compiled = try FilesParser(reader: reader).regex(
                pattern.render(defaults), flags: flags, at: patternNode, key: "pattern")
            _ = try replacementProgram(replacement.render(defaults), for: compiled, at: replacementNode)
        }
        return RegexStep(
            pattern: pattern, replacement: replacement, flags: flags, name: step.name, location: step.location)
    }

    private func regexFlags(_ node: Node, in context: String) throws(RecipeError) -> RegexFlags {
        let items = try reader.strings(node, key: "flags", in: context, allowScalar: true, example: "[multiline, ignore-case]")
        var flags: RegexFlags = []
        let names = RegexFlags.names.map(\.0)
        for item in items {
            guard let flag = RegexFlags.names.first(where: { $0.0 == item.value })?.1 else {
                throw reader.error(
                    .invalidValue, "unknown regex flag '\(item.value)'" + Suggestions.didYouMean(item.value, in: names),
                    at: item.node, key: "flags", hint: "flags: \(names.joined(separator: ", "))")
            }
            flags.insert(flag)
        }
        return flags
    }

    /// The replacement, checked against the groups of `pattern`.
    func replacementProgram(_ text: String, for pattern: RegexPattern, at node: Node) throws(RecipeError) -> Replacement {
        let replacement: Replacement
        do {
            replacement = try Replacement(text)
        } catch {
            throw RecipeError(
                .invalidRegex, "'replace': \(error.message)", at: reader.location(of: node, offset: error.offset),
                key: "replace", hint: "use $1 or ${name} for groups and $$ for a dollar sign")
        }
        if let problem = replacement.missingGroup(in: pattern) {
            throw reader.error(.invalidRegex, "'replace': \(problem)", at: node, key: "replace")
        }
        return replacement
    }
}
