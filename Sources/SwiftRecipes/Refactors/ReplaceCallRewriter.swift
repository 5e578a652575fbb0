internal import Recipes
internal import SwiftSyntax

/// Replaces calls of a deprecated API by its successor, moving arguments:
/// `from: "String(contentsOfFile: $path)"`, `to: "String(contentsOfFile: $path, encoding: .utf8)"`.
/// A call matches when its callee is spelt like the shape's (whitespace aside) — or, for
/// a shape starting with `.`, is a member of that name on any receiver, bound to `$base`
/// — and its argument labels are the shape's, in order. Each argument's source moves to
/// where its placeholder stands in `to`, unchanged (comments inside it included). When
/// both shapes are member calls (`.old($x)` → `.new(label: $x)`), the receiver and the
/// trivia before the `.` are not touched, so multi-line chains keep their layout.
/// Calls with trailing closures do not match.
struct ReplaceCallRewriter: SourceRewriter, EditingPass {
    static let name = "replace-deprecated-call"
    static let summary = "replace calls of an API by its successor, moving arguments ($placeholders)"
    static let options = [
        SourceRewriterOption("from", required: true, summary: "the old call shape, e.g. 'oldName(label: $x, $y)'"),
        SourceRewriterOption("to", required: true, summary: "the new call, e.g. 'newName($y, label: $x)'"),
    ]

    let from: CallShape
    let to: String

    init(options: [String: String]) throws(SourceRewriterOptionError) {
        do {
            from = try CallShape(pattern: options["from"] ?? "")
        } catch {
            throw SourceRewriterOptionError(
                option: "from", error.message, hint: "write the old call with $placeholders for its arguments")
        }
        to = options["to"] ?? ""
        let bound = Set(from.arguments.map(\.placeholder) + (from.anyReceiver ? ["base"] : []))
        for name in CallShape.placeholders(in: to) where !bound.contains(name) {
            throw SourceRewriterOptionError(
                option: "to", "'$\(name)' is not a placeholder of 'from' ('\(from.text)')",
                hint: "use the placeholders 'from' binds: \(bound.sorted().map { "$" + $0 }.joined(separator: ", "))")
        }
        if to.trimmingWhitespace.isEmpty {
            throw SourceRewriterOptionError(option: "to", "the replacement is empty")
        }
    }

    func rewrite(_ bytes: [UInt8], path: String) -> SourceRewriteResult { run(bytes, path: path) }

    func edits(in source: SourceText) -> (edits: [SourceEdit], findings: [Finding]) {
        var edits: [SourceEdit] = []
        for node in source.tree.tokens(viewMode: .sourceAccurate) {
            guard node.tokenKind == .leftParen, let call = node.parent?.as(FunctionCallExprSyntax.self),
                call.leftParen?.id == node.id, let values = match(call, source)
            else { continue }
            let text = CallShape.render(to.trimmingWhitespace, values)
            // A member shape replaced by a member call keeps its receiver where it is: only
            // `.name(…)` changes, so a chain broken over lines (`base\n    .name(x)`) keeps
            // its line break, indentation and any comments before the dot.
            if from.anyReceiver, to.trimmingWhitespace.hasPrefix("."),
                let period = call.calledExpression.as(MemberAccessExprSyntax.self)?.period
            {
                edits.append(SourceEdit(period.start, call.end, text))
            } else {
                edits.append(SourceEdit(call.start, call.end, text))
            }
        }
        return (edits, [])
    }

    /// The placeholder values when `call` has the shape of `from`.
    private func match(_ call: FunctionCallExprSyntax, _ source: SourceText) -> [String: String]? {
        guard call.trailingClosure == nil, call.additionalTrailingClosures.isEmpty,
            call.arguments.count == from.arguments.count
        else { return nil }
        var values: [String: String] = [:]
        if from.anyReceiver {
            guard let member = call.calledExpression.as(MemberAccessExprSyntax.self), let base = member.base,
                "." + member.declName.trimmedDescription == from.callee
            else { return nil }
            values["base"] = source.text(base)
        } else {
            guard CallShape.compact(source.text(call.calledExpression)) == from.callee else { return nil }
        }
        for (argument, shape) in zip(call.arguments, from.arguments) {
            guard argument.label?.text == shape.label else { return nil }
            values[shape.placeholder] = source.text(argument.expression)
        }
        return values
    }
}
