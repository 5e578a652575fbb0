internal import SparkEngine
internal import SwiftRecipes

/// The verification gate's Swift check: a `.swift` file that parsed before a recipe ran must
/// still parse after it (swift-syntax's parser). Lives here because only the CLI links both
/// the engine and SwiftRecipes.
struct SwiftParseValidator: SourceValidator {
    var name: String { "swift-syntax" }

    func applies(to path: String) -> Bool { path.hasSuffix(".swift") }

    func parses(_ contents: [UInt8], path: String) -> Bool { SwiftSyntaxCheck.parses(contents) }
}
