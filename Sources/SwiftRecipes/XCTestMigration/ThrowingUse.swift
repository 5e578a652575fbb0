internal import SwiftSyntax

/// Whether a function body needs `throws` once assertions are converted: a `try` that is
/// not inside a closure, a nested function, a `do` with `catch`, or an XCTest
/// assertion's autoclosure argument.
enum ThrowingUse {
    static func needsThrows(_ body: CodeBlockSyntax) -> Bool {
        for token in body.tokens(viewMode: .sourceAccurate) where token.tokenKind == .keyword(.try) {
            guard let tryExpr = token.parent?.as(TryExprSyntax.self), tryExpr.questionOrExclamationMark == nil else {
                continue
            }
            if reachesBody(Syntax(tryExpr), body) { return true }
        }
        return false
    }

    private static func reachesBody(_ node: Syntax, _ body: CodeBlockSyntax) -> Bool {
        var current = node.parent
        while let parent = current, parent.id != body.id {
            if parent.is(ClosureExprSyntax.self) || parent.is(FunctionDeclSyntax.self) { return false }
            if let doStmt = parent.as(DoStmtSyntax.self), !doStmt.catchClauses.isEmpty,
                node.position >= doStmt.body.position, node.endPosition <= doStmt.body.endPosition
            {
                return false
            }
            if let call = parent.as(FunctionCallExprSyntax.self),
                let callee = call.calledExpression.as(DeclReferenceExprSyntax.self),
                callee.baseName.text.hasPrefix("XCTAssert")
            {
                return false
            }
            current = parent.parent
        }
        return true
    }
}
