/// A syntax-aware rewriter of source files, run by `swift` steps (`- swift: NAME`).
///
/// Recipes knows rewriters only through this protocol and ``SwiftRewriterRegistry``;
/// the rewriters themselves live in the `SwiftRecipes` module (swift-syntax), which the
/// executable registers at start-up. A rewriter is created once per prepared step from
/// the step's `with` options (parameters substituted), then runs on every selected file.
package protocol SourceRewriter: Sendable {
    /// The name a recipe uses: `- swift: NAME`.
    static var name: String { get }
    /// One line on what the rewriter does, for error hints and listings.
    static var summary: String { get }
    /// The `with` options it takes; anything else is a load error.
    static var options: [SourceRewriterOption] { get }

    /// Creates the rewriter from `with` options (only declared keys; required ones
    /// present). Throws when a value is not usable, with a message that says why.
    init(options: [String: String]) throws(SourceRewriterOptionError)

    /// Rewrites one file. `output` is nil when nothing changed; findings report what was
    /// left alone and why (a file that does not parse, code that cannot be migrated).
    func rewrite(_ bytes: [UInt8], path: String) -> SourceRewriteResult
}
