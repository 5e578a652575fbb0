internal import SparkEngine
internal import SwiftRecipes

/// The verification gate's Swift check: a `.swift` file that parsed before a recipe ran must
/// still parse after it (swift-syntax's parser). Lives here because the engine must not know
/// SwiftRecipes (DESIGN.md), so only the executables' start-up joins the two.
struct SwiftParseValidator: SourceValidator {
    var name: String { "swift-syntax" }

    func applies(to path: String) -> Bool { path.hasSuffix(".swift") }

    func parses(_ contents: [UInt8], path: String) -> Bool { SwiftSyntaxCheck.parses(contents) }
}
