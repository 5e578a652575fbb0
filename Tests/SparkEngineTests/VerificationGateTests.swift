import GitKit
import TestSupport
import Testing

@testable import SparkEngine

/// The gate before the commit: idempotence, "parsed before still parses" through a
/// ``SourceValidator``, and byte-for-byte no-ops dropped. Real repositories, the real runner.
@Suite("Verification gate")
struct VerificationGateTests {
    /// Parses when braces balance: stands in for swift-syntax, which SparkEngine does not link.
    struct BalancedBraces: SourceValidator {
        var name: String { "balanced-braces" }
        func applies(to path: String) -> Bool { path.hasSuffix(".swift") }
        func parses(_ contents: [UInt8], path: String) -> Bool {
            var depth = 0
            for byte in contents {
                if byte == UInt8(ascii: "{") { depth += 1 }
                if byte == UInt8(ascii: "}") { depth -= 1 }
                if depth < 0 { return false }
            }
            return depth == 0
        }
    }

    static let dropClosingBrace = "  - regex: { pattern: '\\}\\n\\z', replace: '\\n' }"

    @Test func aNonIdempotentStepIsRejectedAndNothingIsCommitted() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await EngineFixture.repository(dir, ["a.txt": Array("a\n".utf8)])
        let doubling = try EngineFixture.recipe(id: "t/double", step: "  - regex: { pattern: 'a', replace: 'aa' }")
        do {
            _ = try await EngineFixture.apply(repo, [doubling])
            Issue.record("a recipe that changes its own output again was committed")
        } catch let error as ApplyError {
            #expect(error.code == .notIdempotent)
            #expect(error.message.contains("'t/double'") && error.message.contains("'a.txt'"))
        }
        #expect(try await repo.git("branch", "--list", "spark/*") == "")
    }

    @Test func aSwiftFileThatParsedBeforeMustStillParse() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await EngineFixture.repository(dir, ["Good.swift": Array("func f() {\n}\n".utf8)])
        let recipe = try EngineFixture.recipe(id: "t/break", step: Self.dropClosingBrace)
        do {
            _ = try await EngineFixture.apply(repo, [recipe], validators: [BalancedBraces()])
            Issue.record("a change that breaks parsing was committed")
        } catch let error as ApplyError {
            #expect(error.code == .breaksParse)
            #expect(error.message.contains("'Good.swift'") && error.message.contains("balanced-braces"))
        }
        #expect(try await repo.git("branch", "--list", "spark/*") == "")
        // Without the validator the same change goes through: the gate, not the recipe, refused it.
        let report = try await EngineFixture.apply(repo, [recipe], validators: [])
        #expect(report.filesChanged == 1)
    }

    @Test func aFileThatDidNotParseBeforeIsNotHeldToIt() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await EngineFixture.repository(dir, ["Broken.swift": Array("}\nlet x = 1}\n".utf8)])
        let recipe = try EngineFixture.recipe(id: "t/break", step: Self.dropClosingBrace)
        let report = try await EngineFixture.apply(repo, [recipe], validators: [BalancedBraces()])
        #expect(report.filesChanged == 1)
        #expect(report.commit != nil)
    }

    @Test func aChangeThatEndsWhereItStartedIsDropped() async throws {
        let dir = try TemporaryDirectory()
        let repo = try await EngineFixture.repository(dir, ["x.txt": Array("x\n".utf8)])
        let roundTrip = try EngineFixture.recipe(
            id: "t/round-trip", step: "  - regex: { pattern: 'x', replace: 'y' }\n  - regex: { pattern: 'y', replace: 'x' }")
        let report = try await EngineFixture.apply(repo, [roundTrip])
        #expect(report.filesChanged == 0)
        #expect(report.commit == nil)
        #expect(report.recipes[0].steps.map(\.filesChanged) == [0, 0])
    }

    @Test func registeredValidatorsAreWhatApplyUsesByDefault() {
        struct Named: SourceValidator {
            var name: String { "registry-test" }
            func applies(to path: String) -> Bool { false }
            func parses(_ contents: [UInt8], path: String) -> Bool { true }
        }
        SourceValidators.register(Named())
        SourceValidators.register(Named())
        #expect(SourceValidators.registered.filter { $0.name == "registry-test" }.count == 1)
    }
}
