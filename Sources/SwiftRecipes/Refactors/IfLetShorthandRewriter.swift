internal import Recipes
internal import SwiftSyntax

/// `if let x = x` → `if let x` (SE-0345), for `if`, `guard` and `while`, `let` and `var`,
/// every clause of a condition list. Bindings with a type annotation, a different or
/// backticked name, or any other initializer are left alone; so are declarations
/// (`var x = x`), comments and strings, which the syntax tree tells apart.
struct IfLetShorthandRewriter: SourceRewriter, EditingPass {
    static let name = "if-let-shorthand"
    static let summary = "rewrite `if let x = x` (and guard/while, let/var) to the SE-0345 shorthand"
    static let options: [SourceRewriterOption] = []

    init(options: [String: String]) throws(SourceRewriterOptionError) {}

    func rewrite(_ bytes: [UInt8], path: String) -> SourceRewriteResult { run(bytes, path: path) }

    func edits(in source: SourceText) -> (edits: [SourceEdit], findings: [Finding]) {
        let finder = Finder(viewMode: .sourceAccurate)
        finder.walk(source.tree)
        return (finder.edits, [])
    }

    private final class Finder: SyntaxVisitor {
        var edits: [SourceEdit] = []

        override func visit(_ node: OptionalBindingConditionSyntax) -> SyntaxVisitorContinueKind {
            guard node.typeAnnotation == nil, let initializer = node.initializer,
                let pattern = node.pattern.as(IdentifierPatternSyntax.self),
                let value = initializer.value.as(DeclReferenceExprSyntax.self), value.argumentNames == nil
            else { return .visitChildren }
            let name = pattern.identifier
            guard !name.text.hasPrefix("`"), name.text == value.baseName.text else { return .visitChildren }
            edits.append(SourceEdit(pattern.end, initializer.end, ""))
            return .visitChildren
        }
    }
}
