internal import Recipes
internal import SwiftSyntax

struct XCTestMigrationRewriter: SourceRewriter, EditingPass {
    static let name = "xctest-to-swift-testing"
    static let summary = "migrate XCTest test cases to Swift Testing"
    static let options: [SourceRewriterOption] = []

    init(options: [String: String]) throws(SourceRewriterOptionError) {}

    func rewrite(_ bytes: [UInt8], path: String) -> SourceRewriteResult { run(bytes, path: path) }

    func edits(in source: SourceText) -> (edits: [SourceEdit], findings: [Finding]) { ([], []) }
}
