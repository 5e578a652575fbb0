internal import SparkEngine
internal import SwiftRecipes

/// What every sparkd executable does before its first recipe runs: registers the swift-syntax
/// rewriters that recipes' `swift` steps name, and the verification gate's Swift parse check.
/// Recipes and the engine know both only through their registries.
package enum SparkRuntime {
    package static func registerAll() {
        SwiftRewriters.registerAll()
        SourceValidators.register(SwiftParseValidator())
    }
}
