/// Checks that a file of some language still parses: the verification gate's "Swift files that
/// parsed before still parse". SparkEngine knows no parser; a module that has one (SwiftRecipes,
/// with swift-syntax) registers a validator in ``SourceValidators``.
package protocol SourceValidator: Sendable {
    /// Names the validator in errors (`swift-syntax`).
    var name: String { get }
    /// Whether the validator judges files at `path` (e.g. `*.swift`).
    func applies(to path: String) -> Bool
    /// Whether `contents` parse without errors.
    func parses(_ contents: [UInt8], path: String) -> Bool
}
