import Foundation
import Recipes
import TestSupport
import Testing

/// Compares every Swift fixer, byte for byte and changed-or-not, with
/// pre-commit-hooks 6.0.0 run by python3 over a few hundred seeded random files.
@Suite("Fixers match pre-commit-hooks 6.0.0", .tags(.medium))
struct FixerDifferentialTests {
    /// One Python invocation and the Swift fixer that must agree with it.
    struct Variant: Sendable, CustomTestStringConvertible {
        let module: String
        let arguments: [String]
        let fixer: any Fixer
        /// The file a line of Python's output reports (changed, or found for --fix=no), if any.
        let reports: @Sendable (String) -> String?
        /// True for --fix=no: compare findings instead of changes.
        var reportsFindings = false

        var testDescription: String { ([module] + arguments).joined(separator: " ") }
    }

    static let sampleCount = 300
    static let samples = RandomFiles.generate(seed: 0x5_9A2C_D0_2026, count: sampleCount)

    static func between(_ prefix: String, _ suffix: String) -> @Sendable (String) -> String? {
        { line in
            guard line.hasPrefix(prefix), line.hasSuffix(suffix) else { return nil }
            return String(line.dropFirst(prefix.count).dropLast(suffix.count))
        }
    }
    static let fixing = between("Fixing ", "")
    static let fixedEndings = between("", ": fixed mixed line endings")

    static func markdown(_ arguments: [String]) -> MarkdownLinebreaks {
        (try? MarkdownLinebreaks(arguments: arguments)) ?? .default
    }

    static let variants: [Variant] = [
        Variant(module: "trailing_whitespace_fixer", arguments: [], fixer: TrailingWhitespaceFixer(), reports: fixing),
        Variant(
            module: "trailing_whitespace_fixer", arguments: ["--markdown-linebreak-ext=md"],
            fixer: TrailingWhitespaceFixer(markdown: markdown(["md"])), reports: fixing),
        Variant(
            module: "trailing_whitespace_fixer", arguments: ["--markdown-linebreak-ext=*"],
            fixer: TrailingWhitespaceFixer(markdown: markdown(["*"])), reports: fixing),
        Variant(
            module: "trailing_whitespace_fixer",
            arguments: ["--markdown-linebreak-ext=.MARKDOWN,txt", "--markdown-linebreak-ext=md,"],
            fixer: TrailingWhitespaceFixer(markdown: markdown([".MARKDOWN,txt", "md,"])), reports: fixing),
        Variant(
            module: "trailing_whitespace_fixer", arguments: ["--markdown-linebreak-ext=md,markdown"],
            fixer: TrailingWhitespaceFixer(markdown: markdown(["md,markdown"])), reports: fixing),
        Variant(
            module: "trailing_whitespace_fixer", arguments: ["--markdown-linebreak-ext=.md"],
            fixer: TrailingWhitespaceFixer(markdown: markdown([".md"])), reports: fixing),
        Variant(
            module: "trailing_whitespace_fixer", arguments: ["--markdown-linebreak-ext=md", "--markdown-linebreak-ext=*"],
            fixer: TrailingWhitespaceFixer(markdown: markdown(["md", "*"])), reports: fixing),
        Variant(
            module: "trailing_whitespace_fixer", arguments: ["--no-markdown-linebreak-ext"],
            fixer: TrailingWhitespaceFixer(), reports: fixing),
        Variant(
            module: "trailing_whitespace_fixer", arguments: ["--chars= "],
            fixer: TrailingWhitespaceFixer(chars: " "), reports: fixing),
        Variant(
            module: "trailing_whitespace_fixer", arguments: ["--chars=\t"],
            fixer: TrailingWhitespaceFixer(chars: "\t"), reports: fixing),
        Variant(
            module: "trailing_whitespace_fixer", arguments: ["--chars= \t\n\r\u{0B}\u{0C}"],
            fixer: TrailingWhitespaceFixer(chars: " \t\n\r\u{0B}\u{0C}"), reports: fixing),
        Variant(
            module: "trailing_whitespace_fixer", arguments: ["--chars= \té"],
            fixer: TrailingWhitespaceFixer(chars: " \té"), reports: fixing),
        Variant(
            module: "trailing_whitespace_fixer", arguments: ["--markdown-linebreak-ext=md", "--chars= \r"],
            fixer: TrailingWhitespaceFixer(markdown: markdown(["md"]), chars: " \r"), reports: fixing),
        Variant(module: "end_of_file_fixer", arguments: [], fixer: EndOfFileFixer(), reports: fixing),
        Variant(module: "mixed_line_ending", arguments: [], fixer: MixedLineEndingFixer(), reports: fixedEndings),
        Variant(
            module: "mixed_line_ending", arguments: ["--fix=auto"], fixer: MixedLineEndingFixer(mode: .auto),
            reports: fixedEndings),
        Variant(
            module: "mixed_line_ending", arguments: ["--fix=lf"], fixer: MixedLineEndingFixer(mode: .lf),
            reports: fixedEndings),
        Variant(
            module: "mixed_line_ending", arguments: ["--fix=crlf"], fixer: MixedLineEndingFixer(mode: .crlf),
            reports: fixedEndings),
        Variant(
            module: "mixed_line_ending", arguments: ["--fix=cr"], fixer: MixedLineEndingFixer(mode: .cr),
            reports: fixedEndings),
        Variant(
            module: "mixed_line_ending", arguments: ["--fix=no"], fixer: MixedLineEndingFixer(mode: .no),
            reports: between("", ": mixed line endings"), reportsFindings: true),
    ]

    @Test(arguments: variants)
    func matchesPython(_ variant: Variant) async throws {
        guard await PythonPreCommitHooks.isAvailable() else { return }
        let directory = try TemporaryDirectory("sparkd-differential")
        try RandomFiles.write(Self.samples, into: directory.path)

        let lines = try await PythonPreCommitHooks.run(
            module: variant.module, arguments: variant.arguments, files: Self.samples.map(\.path),
            in: directory.path)
        let reported = Set(lines.compactMap(variant.reports))
        var mismatches: [String] = []
        for sample in Self.samples {
            let expected = try directory.read(sample.path)
            let pythonReported = reported.contains(sample.path)
            let result = variant.fixer.fix(sample.bytes, path: sample.path)
            let actual = result.bytes(from: sample.bytes)
            let swiftReported = variant.reportsFindings ? !result.findings.isEmpty : result.changed
            if actual != expected || swiftReported != pythonReported {
                mismatches.append(
                    "\(sample.path): input \(show(sample.bytes))\n  python \(show(expected)) reported=\(pythonReported)"
                        + "\n  swift  \(show(actual)) reported=\(swiftReported)")
            }
        }
        if !mismatches.isEmpty {
            Issue.record(
                "\(mismatches.count) of \(Self.samples.count) files differ:\n\(mismatches.prefix(8).joined(separator: "\n"))")
        }
        // The samples must exercise the fixer: some files changed, some did not.
        #expect(reported.count > 0 && reported.count < Self.samples.count, "python reported \(reported.count) files")
    }
}
