/// A `swift` step: runs a registered syntax-aware rewriter (``SourceRewriter``), with
/// options from `with` (strings that may use the recipe's parameters).
///
/// ```yaml
/// - swift: xctest-to-swift-testing
/// - swift: rename-symbol
///   with: { from: "{{old}}", to: "{{new}}" }
/// ```
///
/// The step skips files that are not Swift (`.swift`) and files that do not parse,
/// reporting the latter as a finding.
package struct SwiftStep: StepProgram, Hashable {
    /// The rewriter's registered name.
    package var rewriter: String
    package var arguments: [Argument]
    package var name: String?
    package var location: RecipeLocation?

    /// One `with` entry: an option of the rewriter and its value.
    package typealias Argument = StepArgument

    package init(rewriter: String, arguments: [Argument] = [], name: String? = nil, location: RecipeLocation? = nil) {
        self.rewriter = rewriter
        self.arguments = arguments
        self.name = name
        self.location = location
    }

    package var defaultName: String { "swift \(rewriter)" }

    /// The registered rewriter created from the options with `values` substituted.
    func makeRewriter(_ values: [String: ParameterValue]) throws(RecipeError) -> any SourceRewriter {
        guard let type = SwiftRewriterRegistry.rewriter(named: rewriter) else {
            throw Self.unknownRewriter(rewriter, location: location)
        }
        var options: [String: String] = [:]
        for argument in arguments { options[argument.name] = argument.value.render(values) }
        do {
            return try type.init(options: options)
        } catch {
            let at = arguments.first { $0.name == error.option }?.location ?? location
            let message = "\(defaultName): option '\(error.option)': \(error.message)"
            if let at {
                throw RecipeError(.invalidValue, message, at: at, key: error.option, hint: error.hint)
            }
            throw RecipeError(.invalidValue, message, key: error.option, hint: error.hint)
        }
    }

    /// The load error for a name no rewriter is registered under.
    static func unknownRewriter(_ name: String, location: RecipeLocation?) -> RecipeError {
        let names = SwiftRewriterRegistry.names
        let message = "unknown swift rewriter '\(name)'" + Suggestions.didYouMean(name, in: names)
        let hint =
            names.isEmpty
            ? "no swift rewriters are registered in this program (they come with the SwiftRecipes module)"
            : "available swift rewriters: \(names.joined(separator: ", "))"
        if let location { return RecipeError(.unknownRewriter, message, at: location, key: "swift", hint: hint) }
        return RecipeError(.unknownRewriter, message, key: "swift", hint: hint)
    }
}
