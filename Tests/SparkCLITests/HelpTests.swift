import TestSupport
import Testing

/// `--help` on every command prints its help on standard output and exits 0.
@Suite("sparkctl --help")
struct HelpTests {
    static let commands: [[String]] = [
        [], ["apply"], ["fix"], ["recipe"], ["recipe", "list"], ["recipe", "show"], ["recipe", "check"],
        ["recipe", "test"], ["wse"], ["wse", "estimate"],
    ]

    @Test(arguments: commands)
    func printsHelpAndExitsZero(_ command: [String]) async throws {
        let result = try await SparkctlBinary.run(command + ["--help"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("USAGE: sparkctl"), "\(result.stdout)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }
}
