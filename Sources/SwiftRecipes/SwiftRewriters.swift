package import Recipes

/// The swift-syntax rewriters this module provides, and their registration with
/// Recipes' ``SwiftRewriterRegistry`` (done once by the executable at start-up).
package enum SwiftRewriters {
    /// Every rewriter, by the name recipes use (`- swift: NAME`).
    package static let all: [any SourceRewriter.Type] = [
        IfLetShorthandRewriter.self,
        RenameSymbolRewriter.self,
        ReplaceCallRewriter.self,
        XCTestMigrationRewriter.self,
    ]

    /// Registers ``all``; calling it again changes nothing.
    package static func registerAll() {
        for rewriter in all { SwiftRewriterRegistry.register(rewriter) }
    }
}
