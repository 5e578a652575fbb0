internal import Yams

extension StepParser {
    static let rewriteKeys = ["match", "replace", "where"]

    /// `rewrite: { match, replace, where: [{ hole, matches | not-matches | not }] }`;
    /// when every parameter it uses has a default, the rule is compiled once with them
    /// so that a bad template is reported when the recipe loads.
    func rewriteDeclaration(_ value: Node, step: StepContext) throws(RecipeError) -> RewriteDeclaration {
        let context = "'rewrite' of \(step.context)"
        let entries = try reader.entries(
            of: value, in: context, valid: Self.rewriteKeys,
            expected: "a mapping such as '{ match: \"foo(:[x])\", replace: \"bar(:[x])\" }'")
        for key in ["match", "replace"] where !entries.contains(where: { $0.key == key }) {
            throw reader.error(.missingKey, "missing required key '\(key)' in \(context)", at: value, key: key)
        }
        var nodes: [String: Node] = [:]
        var whereNodes: [ConstraintNodes] = []
        var declaration = RewriteDeclaration(
            match: TemplateText(literal: ""), replace: TemplateText(literal: ""), constraints: [], name: step.name,
            location: step.location)
        for entry in entries {
            switch entry.key {
            case "match":
                let source = try reader.nonEmptyString(entry.value, key: "match", in: context)
                declaration.match = try text(source, at: entry.value, key: "match")
                nodes["match"] = entry.value
            case "replace":
                let source = try reader.string(entry.value, key: "replace", in: context)
                declaration.replace = try text(source, at: entry.value, key: "replace")
                nodes["replace"] = entry.value
            default:
                (declaration.constraints, whereNodes) = try constraints(entry.value, in: context)
            }
        }
        if let defaults = defaults(for: declaration.texts) {
            do {
                _ = try declaration.compile(defaults)
            } catch {
                let location =
                    error.part == .where
                    ? whereLocation(in: declaration, defaults: defaults, nodes: whereNodes)
                    : location(of: error, in: declaration, nodes: nodes)
                throw declaration.recipeError(error, at: location)
            }
        }
        return declaration
    }

    /// Where one `where` item's hole name and condition are written.
    struct ConstraintNodes {
        let hole: Node
        let condition: Node
    }

    private func constraints(
        _ node: Node, in context: String
    ) throws(RecipeError) -> ([RewriteDeclaration.Constraint], [ConstraintNodes]) {
        let items = try reader.sequence(node, key: "where", in: context, example: "[{ hole: x, matches: '^\\w+$' }]")
        var constraints: [RewriteDeclaration.Constraint] = []
        var nodes: [ConstraintNodes] = []
        let kinds = RewriteDeclaration.Constraint.kindKeys
        for (index, item) in items.enumerated() {
            let itemContext = "item \(index + 1) of 'where' in \(context)"
            let entries = try reader.entries(
                of: item, in: itemContext, valid: ["hole"] + kinds,
                expected: "a mapping such as '{ hole: x, matches: \"^\\\\w+$\" }'")
            guard let hole = entries.first(where: { $0.key == "hole" }) else {
                throw reader.error(
                    .missingKey, "\(itemContext) has no 'hole'", at: item, key: "hole",
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
                let source = try reader.string(condition.value, key: "not", in: itemContext)
                kind = .not(try text(source, at: condition.value, key: "not"))
            default:
                let source = try reader.nonEmptyString(condition.value, key: condition.key, in: itemContext)
                let pattern = try text(source, at: condition.value, key: condition.key)
                kind = condition.key == "matches" ? .matches(pattern) : .notMatches(pattern)
            }
            constraints.append(.init(hole: holeName, kind: kind, location: reader.location(of: item)))
            nodes.append(ConstraintNodes(hole: hole.value, condition: condition.value))
        }
        return (constraints, nodes)
    }

    /// Where a `where` error is in the YAML file: the rule is compiled with each constraint
    /// alone to find the one at fault; an unbound hole is at its `hole` value, a regular
    /// expression that does not compile at its condition's value.
    private func whereLocation(
        in declaration: RewriteDeclaration, defaults: [String: ParameterValue],
        nodes: [ConstraintNodes]
    ) -> RecipeLocation? {
        for (constraint, node) in zip(declaration.constraints, nodes) {
            var single = declaration
            single.constraints = [constraint]
            do {
                _ = try single.compile(defaults)
            } catch {
                return reader.location(of: error.code == .unknownConstraintHole ? node.hole : node.condition)
            }
        }
        return nil
    }

    /// Where `error` is in the YAML file: at the offending character when the template
    /// has no parameters (so offsets in the compiled text are offsets in the value), else
    /// at the value that holds it.
    private func location(
        of error: RewriteRuleError, in declaration: RewriteDeclaration, nodes: [String: Node]
    ) -> RecipeLocation? {
        guard let node = nodes[error.part.rawValue] else { return nil }
        let text = error.part == .match ? declaration.match : declaration.replace
        guard let offset = error.offset, text.isLiteral else { return reader.location(of: node) }
        // Offsets count bytes of the template (for match, after its leading whitespace).
        let bytes = Array(text.source.utf8)
        let leading = error.part == .match ? bytes.prefix { [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C].contains($0) }.count : 0
        let prefix = bytes.prefix(min(bytes.count, leading + offset))
        return reader.location(of: node, offset: String(decoding: prefix, as: UTF8.self).unicodeScalars.count)
    }
}
