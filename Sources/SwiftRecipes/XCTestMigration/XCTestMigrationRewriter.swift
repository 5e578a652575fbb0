internal import Recipes
internal import SwiftSyntax

/// XCTest → Swift Testing, following "Migrating a test from XCTest": `import Testing`,
/// XCTestCase subclasses → `@Suite struct` (or `final class` when they hold mutable state
/// or tear down), `testFoo()` → `@Test func foo()`, `setUp` → `init`, `tearDown` →
/// `deinit`, the XCTAssert family → `#expect`/`#require`, `XCTFail` → `Issue.record`,
/// `XCTSkip` → an early return, helpers taking `file:`/`line:` → `sourceLocation:`.
/// Classes that use what Swift Testing cannot express stay XCTest, marked
/// `// sparkd: not migrated: <reason>` (the file then imports both).
struct XCTestMigrationRewriter: SourceRewriter, EditingPass {
    static let name = "xctest-to-swift-testing"
    static let summary = "migrate XCTest test cases to Swift Testing"
    static let options: [SourceRewriterOption] = []

    init(options: [String: String]) throws(SourceRewriterOptionError) {}

    func rewrite(_ bytes: [UInt8], path: String) -> SourceRewriteResult { run(bytes, path: path) }

    func edits(in source: SourceText) -> (edits: [SourceEdit], findings: [Finding]) {
        var migration = XCTestFileMigration(source: source)
        migration.plan()
        return (migration.edits, migration.findings)
    }
}
