internal import SwiftSyntax

/// Calls of `XCT…` functions and every function declaration, in source order.
final class AssertionFinder: SyntaxVisitor {
    var calls: [FunctionCallExprSyntax] = []
    var functions: [FunctionDeclSyntax] = []

    override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
        if let callee = node.calledExpression.as(DeclReferenceExprSyntax.self), callee.baseName.text.hasPrefix("XCT") {
            calls.append(node)
        }
        return .visitChildren
    }

    override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind {
        functions.append(node)
        return .visitChildren
    }
}
