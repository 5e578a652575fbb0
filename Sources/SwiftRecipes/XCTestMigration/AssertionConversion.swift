internal import SwiftSyntax

/// Turns one call of the XCTest assertion family into its Swift Testing form, as text
/// that replaces the call (and a `try` written in front of it):
/// `XCTAssertEqual(a, b, "m")` → `#expect(a == b, "m")`, `XCTUnwrap(x)` → `#require(x)`,
/// `XCTFail("m")` → `Issue.record("m")`, `XCTAssertThrowsError(try f()) { error in … }` →
/// `if let error = #expect(throws: (any Error).self, performing: { try f() }) { … }`.
/// Failure messages become the `Comment` argument; `file:`/`line:` become
/// `sourceLocation:` when the enclosing helper takes one.
struct AssertionConversion {
    /// Where the replaced text starts and ends (a `try` before the call included).
    var start: Int
    var end: Int
    var text: String

    /// Binary comparisons: assertion name → operator.
    static let comparisons: [String: String] = [
        "XCTAssertEqual": "==", "XCTAssertNotEqual": "!=", "XCTAssertGreaterThan": ">",
        "XCTAssertGreaterThanOrEqual": ">=", "XCTAssertLessThan": "<", "XCTAssertLessThanOrEqual": "<=",
        "XCTAssertIdentical": "===", "XCTAssertNotIdentical": "!==",
    ]
    static let names: Set<String> = Set(comparisons.keys).union([
        "XCTAssert", "XCTAssertTrue", "XCTAssertFalse", "XCTAssertNil", "XCTAssertNotNil", "XCTUnwrap", "XCTFail",
        "XCTAssertThrowsError", "XCTAssertNoThrow",
    ])

    /// The conversion of `call`, or nil when it is not an assertion this knows or has a
    /// shape it cannot convert faithfully (it then stays, and the caller reports it).
    init?(_ call: FunctionCallExprSyntax, source: SourceText, hasSourceLocation: Bool) {
        guard let callee = call.calledExpression.as(DeclReferenceExprSyntax.self),
            Self.names.contains(callee.baseName.text)
        else { return nil }
        let name = callee.baseName.text
        var positional: [ExprSyntax] = []
        var accuracy: ExprSyntax?
        var hasLocation = false
        var handler: ClosureExprSyntax? = call.trailingClosure
        for argument in call.arguments {
            switch argument.label?.text {
            case nil: positional.append(argument.expression)
            case "accuracy": accuracy = argument.expression
            case "file", "line": hasLocation = true
            case "errorHandler": handler = argument.expression.as(ClosureExprSyntax.self)
            default: return nil
            }
        }
        if handler == nil, call.trailingClosure != nil { return nil }
        var start = call.start
        var hoistTry = false
        if let tryExpr = call.parent?.as(TryExprSyntax.self), tryExpr.questionOrExclamationMark == nil,
            tryExpr.expression.id == call.id, name != "XCTUnwrap"
        {
            start = tryExpr.start
            hoistTry = true
        }
        let location = hasLocation && hasSourceLocation ? ", sourceLocation: sourceLocation" : ""
        func comment(_ index: Int) -> String {
            guard index < positional.count else { return "" }
            let message = positional[index]
            if message.is(StringLiteralExprSyntax.self) { return ", " + source.text(message) }
            return ", Comment(rawValue: \(source.text(message)))"
        }
        var operands = Operands(source: source, hoistTry: hoistTry)
        let text: String
        switch name {
        case _ where Self.comparisons[name] != nil:
            guard positional.count >= 2, positional.count <= 3 else { return nil }
            let a = operands.operand(positional[0])
            let b = operands.operand(positional[1])
            let condition: String
            if let accuracy {
                guard name == "XCTAssertEqual" || name == "XCTAssertNotEqual" else { return nil }
                let distance = "abs(\(a) - \(b))"
                condition =
                    name == "XCTAssertEqual"
                    ? "\(distance) <= \(operands.operand(accuracy))" : "\(distance) > \(operands.operand(accuracy))"
            } else {
                condition = "\(a) \(Self.comparisons[name]!) \(b)"
            }
            text = "#expect(\(operands.prefix)\(condition)\(comment(2))\(location))"
        case "XCTAssert", "XCTAssertTrue", "XCTAssertFalse", "XCTAssertNil", "XCTAssertNotNil":
            guard positional.count >= 1, positional.count <= 2 else { return nil }
            let condition: String
            switch name {
            case "XCTAssertFalse": condition = "!" + operands.operand(positional[0])
            case "XCTAssertNil": condition = operands.operand(positional[0]) + " == nil"
            case "XCTAssertNotNil": condition = operands.operand(positional[0]) + " != nil"
            default: condition = operands.whole(positional[0])
            }
            text = "#expect(\(operands.prefix)\(condition)\(comment(1))\(location))"
        case "XCTUnwrap":
            guard positional.count >= 1, positional.count <= 2 else { return nil }
            text = "#require(\(source.text(positional[0]))\(comment(1))\(location))"
        case "XCTFail":
            guard positional.count <= 1 else { return nil }
            let message = String(comment(0).dropFirst(2))
            let arguments = [message, String(location.dropFirst(2))].filter { !$0.isEmpty }
            text = "Issue.record(\(arguments.joined(separator: ", ")))"
        case "XCTAssertNoThrow":
            guard positional.count >= 1, positional.count <= 2, handler == nil else { return nil }
            text = "#expect(throws: Never.self\(comment(1))\(location)) { \(source.text(positional[0])) }"
        default:  // XCTAssertThrowsError
            guard positional.count >= 1, positional.count <= 2 else { return nil }
            let expect = "#expect(throws: (any Error).self\(comment(1))\(location)"
            let body = source.text(positional[0])
            guard let handler else {
                text = "\(expect)) { \(body) }"
                break
            }
            guard let (parameter, statements) = Self.handlerParts(handler, source: source) else { return nil }
            text = "if let \(parameter) = \(expect), performing: { \(body) }) {\(statements)}"
        }
        self.start = start
        end = call.end
        self.text = text
    }

    /// The handler closure's single parameter name and the text between `in` and `}`.
    private static func handlerParts(_ closure: ClosureExprSyntax, source: SourceText) -> (String, String)? {
        guard let signature = closure.signature, let parameters = signature.parameterClause else { return nil }
        let name: String
        switch parameters {
        case .simpleInput(let list):
            guard list.count == 1, let first = list.first else { return nil }
            name = first.name.text
        case .parameterClause(let clause):
            guard clause.parameters.count == 1, let first = clause.parameters.first, first.type == nil else {
                return nil
            }
            name = (first.secondName ?? first.firstName).text
        }
        guard name != "_", signature.effectSpecifiers == nil else { return nil }
        let bodyStart = signature.inKeyword.end
        return (name, source.text(bodyStart, closure.rightBrace.start))
    }
}

/// Operands of a converted condition: parenthesized where an operator would bind
/// differently, with a leading `try`/`await` hoisted to the front of the condition.
private struct Operands {
    let source: SourceText
    var hoistTry: Bool
    var hoistAwait = false

    init(source: SourceText, hoistTry: Bool) {
        self.source = source
        self.hoistTry = hoistTry
    }

    var prefix: String { (hoistTry ? "try " : "") + (hoistAwait ? "await " : "") }

    /// The expression as one operand of a binary operator or of `!`.
    mutating func operand(_ expression: ExprSyntax) -> String {
        let inner = strip(expression)
        let text = source.text(inner)
        return Self.isPostfixExpression(inner) ? text : "(\(text))"
    }

    /// The expression as a whole condition.
    mutating func whole(_ expression: ExprSyntax) -> String { source.text(strip(expression)) }

    private mutating func strip(_ expression: ExprSyntax) -> ExprSyntax {
        var expression = expression
        while true {
            if let tryExpr = expression.as(TryExprSyntax.self), tryExpr.questionOrExclamationMark == nil {
                hoistTry = true
                expression = tryExpr.expression
            } else if let awaitExpr = expression.as(AwaitExprSyntax.self) {
                hoistAwait = true
                expression = awaitExpr.expression
            } else {
                return expression
            }
        }
    }

    /// Whether the expression binds tighter than any binary operator.
    static func isPostfixExpression(_ expression: ExprSyntax) -> Bool {
        expression.is(DeclReferenceExprSyntax.self) || expression.is(MemberAccessExprSyntax.self)
            || expression.is(FunctionCallExprSyntax.self) || expression.is(SubscriptCallExprSyntax.self)
            || expression.is(StringLiteralExprSyntax.self) || expression.is(IntegerLiteralExprSyntax.self)
            || expression.is(FloatLiteralExprSyntax.self) || expression.is(BooleanLiteralExprSyntax.self)
            || expression.is(NilLiteralExprSyntax.self) || expression.is(ArrayExprSyntax.self)
            || expression.is(DictionaryExprSyntax.self) || expression.is(TupleExprSyntax.self)
            || expression.is(ForceUnwrapExprSyntax.self) || expression.is(OptionalChainingExprSyntax.self)
            || expression.is(KeyPathExprSyntax.self) || expression.is(MacroExpansionExprSyntax.self)
            || expression.is(SuperExprSyntax.self)
    }
}
