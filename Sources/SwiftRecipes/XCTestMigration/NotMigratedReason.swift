internal import SwiftSyntax

/// Why an XCTestCase subclass stays XCTest: what Swift Testing has no faithful
/// equivalent for (the file keeps `import XCTest` for it and says so in a comment).
enum NotMigratedReason {
    /// Identifiers whose use keeps a class in XCTest, with the reason given.
    static let blockers: [(String, String)] = [
        ("expectation", "uses XCTestExpectation and wait(for:); rewrite with confirmation() by hand"),
        ("XCTestExpectation", "uses XCTestExpectation and wait(for:); rewrite with confirmation() by hand"),
        ("waitForExpectations", "uses XCTestExpectation and wait(for:); rewrite with confirmation() by hand"),
        ("wait", "uses XCTestExpectation and wait(for:); rewrite with confirmation() by hand"),
        ("measure", "uses measure {}; Swift Testing has no performance tests"),
        ("measureMetrics", "uses measure {}; Swift Testing has no performance tests"),
        ("continueAfterFailure", "sets continueAfterFailure; #require is the per-assertion equivalent"),
        ("XCUIApplication", "is a UI test; Swift Testing does not run UI tests"),
        ("addTeardownBlock", "uses addTeardownBlock; move the teardown into deinit by hand"),
        ("XCTExpectFailure", "uses XCTExpectFailure; rewrite with withKnownIssue by hand"),
        ("XCTContext", "uses XCTContext activities"),
        ("XCTAttachment", "uses XCTAttachment; rewrite with Attachment by hand"),
        ("executionTimeAllowance", "sets executionTimeAllowance; use a .timeLimit trait by hand"),
        ("defaultTestSuite", "overrides defaultTestSuite"),
        ("invocation", "uses the test invocation"),
    ]

    /// The first reason `declaration` (a class or an extension of it) cannot move, or nil.
    static func reason(for declaration: some SyntaxProtocol, superclass: String?) -> String? {
        if let superclass, superclass != "XCTestCase" {
            return "inherits from \(superclass), not XCTestCase; Swift Testing suites cannot subclass it"
        }
        for token in declaration.tokens(viewMode: .sourceAccurate) {
            guard case .identifier(let name) = token.tokenKind else { continue }
            guard let (_, reason) = blockers.first(where: { $0.0 == name }) else { continue }
            // `wait` and `invocation` only count as XCTest's own members.
            if name == "wait" || name == "invocation" || name == "expectation" || name == "measure" {
                guard token.parent?.is(DeclReferenceExprSyntax.self) == true,
                    token.parent?.parent?.is(FunctionCallExprSyntax.self) == true || name == "invocation"
                        || token.parent?.parent?.is(MemberAccessExprSyntax.self) == true
                else { continue }
                if let member = token.parent?.parent?.as(MemberAccessExprSyntax.self),
                    member.base.map({ $0.trimmedDescription != "self" }) ?? false
                {
                    continue
                }
            }
            return reason
        }
        for token in declaration.tokens(viewMode: .sourceAccurate)
        where token.tokenKind == .keyword(.class) || token.tokenKind == .keyword(.static) {
            if let function = token.parent?.parent?.parent?.as(FunctionDeclSyntax.self),
                ["setUp", "tearDown"].contains(function.name.text)
            {
                return "overrides class-level \(function.name.text)(); run it once with a suite trait by hand"
            }
        }
        for token in declaration.tokens(viewMode: .sourceAccurate) where token.text == "tearDown" || token.text == "tearDownWithError" {
            if let function = token.parent?.as(FunctionDeclSyntax.self), let effects = function.signature.effectSpecifiers,
                let body = function.body,
                body.tokens(viewMode: .sourceAccurate).contains(where: { $0.tokenKind == .keyword(.try) || $0.tokenKind == .keyword(.await) })
            {
                _ = effects
                return "tearDown throws or awaits; deinit can do neither"
            }
        }
        return nil
    }
}
