internal import SwiftSyntax

/// `throw XCTSkip("why")` → `return  // skipped: "why"`; `try XCTSkipIf(c, "why")` →
/// `if c { return }  // skipped: "why"`; `try XCTSkipUnless(c)` → `guard c else { return }`.
/// Only directly in a test method's body (not in a closure), where an early return ends
/// the test as a skip does; Swift Testing has no run-time skip in this toolchain.
struct SkipConversion {
    var start: Int
    var end: Int
    var text: String

    init?(_ call: FunctionCallExprSyntax, source: SourceText) {
        guard let callee = call.calledExpression.as(DeclReferenceExprSyntax.self) else { return nil }
        let name = callee.baseName.text
        let arguments = Array(call.arguments)
        guard ["XCTSkip", "XCTSkipIf", "XCTSkipUnless"].contains(name), arguments.allSatisfy({ $0.label == nil }),
            Self.inFunctionBody(Syntax(call))
        else { return nil }
        let note =
            arguments.count > (name == "XCTSkip" ? 0 : 1)
            ? "  // skipped: \(source.text(arguments[name == "XCTSkip" ? 0 : 1].expression))" : ""
        switch name {
        case "XCTSkip":
            guard let statement = call.parent?.as(ThrowStmtSyntax.self) else { return nil }
            start = statement.start
            end = statement.end
            text = "return\(note)"
        default:
            guard let tryExpr = call.parent?.as(TryExprSyntax.self), let condition = arguments.first else {
                return nil
            }
            start = tryExpr.start
            end = tryExpr.end
            let test = source.text(condition.expression)
            text = name == "XCTSkipIf" ? "if \(test) { return }\(note)" : "guard \(test) else { return }\(note)"
        }
    }

    private static func inFunctionBody(_ node: Syntax) -> Bool {
        var current = node.parent
        while let parent = current {
            if parent.is(ClosureExprSyntax.self) { return false }
            if let function = parent.as(FunctionDeclSyntax.self) { return function.signature.returnClause == nil }
            current = parent.parent
        }
        return false
    }
}
