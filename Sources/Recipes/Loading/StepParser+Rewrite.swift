internal import Yams

extension StepParser {
    static let rewriteKeys = ["match", "replace", "where"]

    /// `rewrite: { match, replace, where: [{ hole, matches | not-matches | not }] }`:
    /// the shape only; the structural matcher validates the patterns themselves.
    func rewriteDeclaration(_ value: Node, step: StepContext) throws(RecipeError) -> RewriteDeclaration {
        let context = "'rewrite' of \(step.context)"
        let entries = try reader.entries(
            of: value, in: context, valid: Self.rewriteKeys,
            expected: "a mapping such as '{ match: \"foo(:[x])\", replace: \"bar(:[x])\" }'")
        for key in ["match", "replace"] where !entries.contains(where: { $0.key == key }) {
            throw reader.error(.missingKey, "missing required key '\(key)' in \(context)", at: value, key: key)
        }
        var declaration = RewriteDeclaration(
            match: TemplateText(literal: ""), replace: TemplateText(literal: ""), constraints: [], name: step.name,
            location: step.location)
        for entry in entries {
            switch entry.key {
            case "match":
                let source = try reader.nonEmptyString(entry.value, key: "match", in: context)
                declaration.match = try text(source, at: entry.value, key: "match")
            case "replace":
                let source = try reader.string(entry.value, key: "replace", in: context)
                declaration.replace = try text(source, at: entry.value, key: "replace")
            default:
                declaration.constraints = try constraints(entry.value, in: context)
            }
        }
        return declaration
    }

    private func constraints(_ node: Node, in context: String) throws(RecipeError) -> [RewriteDeclaration.Constraint] {
        let items = try reader.sequence(node, key: "where", in: context, example: "[{ hole: x, matches: '^\\w+$' }]")
        var constraints: [RewriteDeclaration.Constraint] = []
        let kinds = RewriteDeclaration.Constraint.kindKeys
        for (index, item) in items.enumerated() {
            let itemContext = "item \(index + 1) of 'where' in \(context)"
            let entries = try reader.entries(
                of: item, in: itemContext, valid: ["hole"] + kinds,
                expected: "a mapping such as '{ hole: x, matches: \"^\\\\w+$\" }'")
            guard let hole = entries.first(where: { $0.key == "hole" }) else {
                throw reader.error(.missingKey, "\(itemContext) has no 'hole'", at: item, key: "hole",
                    hint: "name the hole the condition is about, e.g. 'hole: x'")
            }
            let conditions = entries.filter { kinds.contains($0.key) }
            guard let condition = conditions.first else {
                throw reader.error(
                    .missingKey, "\(itemContext) has no condition", at: item,
                    hint: "add one of: \(kinds.joined(separator: ", "))")
            }
            if conditions.count > 1 {
                throw reader.error(
                    .invalidValue, "\(itemContext) has more than one condition ('\(condition.key)' and '\(conditions[1].key)')",
                    at: conditions[1].keyNode, key: conditions[1].key, hint: "write one condition per item")
            }
            let holeName = try reader.nonEmptyString(hole.value, key: "hole", in: itemContext)
            let kind: RewriteDeclaration.Constraint.Kind
            switch condition.key {
            case "not":
                kind = .not(try reader.string(condition.value, key: "not", in: itemContext))
            default:
                let pattern = try reader.nonEmptyString(condition.value, key: condition.key, in: itemContext)
                let regex = try FilesParser(reader: reader).regex(pattern, at: condition.value, key: condition.key)
                kind = condition.key == "matches" ? .matches(regex) : .notMatches(regex)
            }
            constraints.append(.init(hole: holeName, kind: kind, location: reader.location(of: item)))
        }
        return constraints
    }
}
