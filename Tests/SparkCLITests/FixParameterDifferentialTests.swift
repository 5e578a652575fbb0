import Foundation
import TestSupport
import Testing

/// The whitespace recipes' parameters are pre-commit-hooks 6.0.0's options: for every row of
/// `Documentation/PreCommitTranslation.md`, the real hook with those `args` and
/// `sparkctl fix --recipe … --param …` run over copies of the same files (random ones and edge
/// cases: CRLF, lone CR, no final newline, only whitespace, empty, not UTF-8, named `.md`,
/// `.markdown`, `.MD` or without extension) must leave the same bytes, print the same lines and
/// exit with the same status — on the files as given, and again on their own output. Values the
/// hook's argument parser rejects must be refused by both (exit 2) with every file untouched.
@Suite("sparkctl fix --param matches pre-commit-hooks 6.0.0", .tags(.large))
struct FixParameterDifferentialTests {
    /// A hook of pre-commit-hooks with its `args`, and the recipe with the parameters they translate to.
    struct Case: Sendable, CustomTestStringConvertible {
        let module: String
        let arguments: [String]
        let recipe: String
        let parameters: [String]
        /// Whether no file may change (`--chars=` strips nothing).
        var changesNothing = false

        var testDescription: String {
            "\(module) \(arguments.joined(separator: " ")) ~ \(recipe) "
                + parameters.map { "--param '\($0)'" }.joined(separator: " ")
        }
    }

    static func trailingWhitespace(_ arguments: [String], _ parameters: [String], changesNothing: Bool = false) -> Case {
        Case(
            module: "trailing_whitespace_fixer", arguments: arguments, recipe: "fixup/trailing-whitespace",
            parameters: parameters, changesNothing: changesNothing)
    }

    static func mixedLineEnding(_ arguments: [String], _ parameters: [String]) -> Case {
        Case(module: "mixed_line_ending", arguments: arguments, recipe: "fixup/mixed-line-ending", parameters: parameters)
    }

    static let cases: [Case] = [
        trailingWhitespace([], []),
        trailingWhitespace(["--chars= "], ["chars= "]),
        trailingWhitespace(["--chars=\t"], ["chars=\t"]),
        trailingWhitespace(["--chars= \t"], ["chars= \t"]),
        trailingWhitespace(["--chars= \té"], ["chars= \té"]),
        trailingWhitespace(["--chars="], ["chars="], changesNothing: true),
        trailingWhitespace(["--markdown-linebreak-ext=md"], ["markdown-linebreak-ext=md"]),
        trailingWhitespace(["--markdown-linebreak-ext=md,markdown"], ["markdown-linebreak-ext=md,markdown"]),
        trailingWhitespace(["--markdown-linebreak-ext=*"], ["markdown-linebreak-ext=*"]),
        trailingWhitespace(["--markdown-linebreak-ext=.md"], ["markdown-linebreak-ext=.md"]),
        trailingWhitespace(["--markdown-linebreak-ext=.MARKDOWN,txt,"], ["markdown-linebreak-ext=.MARKDOWN,txt,"]),
        // A repeated flag is one comma-separated list; with `*` among them, every file is Markdown.
        trailingWhitespace(
            ["--markdown-linebreak-ext=md", "--markdown-linebreak-ext=markdown"], ["markdown-linebreak-ext=md,markdown"]),
        trailingWhitespace(["--markdown-linebreak-ext=md", "--markdown-linebreak-ext=*"], ["markdown-linebreak-ext=*"]),
        // It only prints that it does nothing.
        trailingWhitespace(["--no-markdown-linebreak-ext"], []),
        spacesAndMarkdown,
        trailingWhitespace(["--chars=\t", "--markdown-linebreak-ext=*"], ["chars=\t", "markdown-linebreak-ext=*"]),
        Case(module: "end_of_file_fixer", arguments: [], recipe: "fixup/end-of-file", parameters: []),
        mixedLineEnding([], []),
        mixedLineEnding(["--fix=auto"], ["fix=auto"]),
        mixedLineEnding(["--fix=lf"], ["fix=lf"]),
        toCRLF,
        mixedLineEnding(["--fix=cr"], ["fix=cr"]),
        reportOnly,
        mixedLineEnding(["-f", "crlf"], ["fix=crlf"]),
    ]

    static let spacesAndMarkdown = trailingWhitespace(
        ["--chars= ", "--markdown-linebreak-ext=md,markdown"], ["chars= ", "markdown-linebreak-ext=md,markdown"])
    static let toCRLF = mixedLineEnding(["--fix=crlf"], ["fix=crlf"])
    static let reportOnly = mixedLineEnding(["--fix=no"], ["fix=no"])

    /// Values pre-commit-hooks' argument parser rejects (exit 2).
    static let refused: [Case] = [
        trailingWhitespace(["--markdown-linebreak-ext="], ["markdown-linebreak-ext="]),
        trailingWhitespace(["--markdown-linebreak-ext=README.md"], ["markdown-linebreak-ext=README.md"]),
        trailingWhitespace(["--markdown-linebreak-ext=md,docs/x"], ["markdown-linebreak-ext=md,docs/x"]),
        mixedLineEnding(["--fix=bogus"], ["fix=bogus"]),
        mixedLineEnding(["--fix=LF"], ["fix=LF"]),
    ]

    static let samples = RandomFiles.generate(seed: 0xF1C5_2026_0007, count: 200)

    /// One run of each side over `files` in its own directory.
    struct Runs {
        let peer: CommandResult
        let sparkctl: CommandResult
    }

    static func run(_ c: Case, files: [String], peer: String, sparkctl: String) async throws -> Runs {
        let peerResult = try await Command.run(
            PythonPreCommitHooks.command(module: c.module, arguments: c.arguments, files: files), in: peer)
        let parameters = c.parameters.flatMap { ["--param", $0] }
        let sparkctlResult = try await Command.run(
            [SparkctlBinary.path, "fix", "--recipe", c.recipe] + parameters + files, in: sparkctl)
        return Runs(peer: peerResult, sparkctl: sparkctlResult)
    }

    /// The peer's report lines in sparkctl's words: `mixed-line-ending` says "FILE: fixed mixed
    /// line endings" for sparkctl's "Fixing FILE", and `--no-markdown-linebreak-ext` announces
    /// that it does nothing.
    static func peerLines(_ stdout: String) -> [String] {
        let fixed = ": fixed mixed line endings"
        return stdout.split(separator: "\n").map(String.init).compactMap { line in
            if line == "--no-markdown-linebreak-ext now does nothing!" { return nil }
            return line.hasSuffix(fixed) ? "Fixing " + line.dropLast(fixed.count) : line
        }
    }

    /// What differs between the two directories' files, one line per file.
    static func differences(_ paths: [String], peer: TemporaryDirectory, sparkctl: TemporaryDirectory) throws -> [String] {
        var differences: [String] = []
        for path in paths {
            let expected = try peer.read(path)
            let actual = try sparkctl.read(path)
            if expected != actual {
                differences.append("\(path): pre-commit-hooks \(Self.show(expected)), sparkctl \(Self.show(actual))")
            }
        }
        return differences
    }

    @Test(arguments: cases)
    func matchesPreCommitHooks(_ c: Case) async throws {
        guard await PythonPreCommitHooks.isAvailable() else { return }
        let peer = try TemporaryDirectory("sparkd-peer")
        let sparkctl = try TemporaryDirectory("sparkd-fix")
        try RandomFiles.write(Self.samples, into: peer.path)
        try RandomFiles.write(Self.samples, into: sparkctl.path)
        let paths = Self.samples.map(\.path)

        for pass in ["the samples", "their own output"] {
            let runs = try await Self.run(c, files: paths, peer: peer.path, sparkctl: sparkctl.path)
            #expect(runs.sparkctl.status == runs.peer.status, "on \(pass): \(runs.sparkctl.stderr)")
            #expect(runs.peer.status == 0 || runs.peer.status == 1, "on \(pass): \(runs.peer.stderr)")
            let peerLines = Self.peerLines(runs.peer.stdout)
            let sparkctlLines = runs.sparkctl.stdout.split(separator: "\n").map(String.init)
            #expect(
                sparkctlLines == peerLines,
                "on \(pass): \(Set(sparkctlLines).symmetricDifference(peerLines).sorted().prefix(8))")
            let differences = try Self.differences(paths, peer: peer, sparkctl: sparkctl)
            #expect(
                differences.isEmpty,
                "on \(pass), \(differences.count) files differ:\n\(differences.prefix(8).joined(separator: "\n"))")
            if pass == "the samples" {
                // The samples must exercise the option: some files reported, some not.
                #expect(
                    c.changesNothing ? peerLines.isEmpty : !peerLines.isEmpty && peerLines.count < paths.count,
                    "pre-commit-hooks reported \(peerLines.count) files")
            }
        }
    }

    /// One file at a time, so the exit status says what happened to that file: the edge cases.
    @Test(arguments: [spacesAndMarkdown, toCRLF, reportOnly])
    func exitStatusPerFileMatches(_ c: Case) async throws {
        guard await PythonPreCommitHooks.isAvailable() else { return }
        let peer = try TemporaryDirectory("sparkd-peer")
        let sparkctl = try TemporaryDirectory("sparkd-fix")
        let edgeCases = Self.samples.prefix(RandomFiles.fixed.count)
        try RandomFiles.write(Array(edgeCases), into: peer.path)
        try RandomFiles.write(Array(edgeCases), into: sparkctl.path)
        var statuses: Set<Int32> = []
        for sample in edgeCases {
            let runs = try await Self.run(c, files: [sample.path], peer: peer.path, sparkctl: sparkctl.path)
            #expect(
                runs.sparkctl.status == runs.peer.status, "\(sample.path) \(Self.show(sample.bytes)): \(runs.sparkctl.stderr)")
            statuses.insert(runs.peer.status)
        }
        #expect(statuses == [0, 1], "the edge cases must include files that change and files that do not")
        #expect(try Self.differences(edgeCases.map(\.path), peer: peer, sparkctl: sparkctl).isEmpty)
    }

    @Test(arguments: refused)
    func refusesWhatPreCommitHooksRefuses(_ c: Case) async throws {
        guard await PythonPreCommitHooks.isAvailable() else { return }
        let peer = try TemporaryDirectory("sparkd-peer")
        let sparkctl = try TemporaryDirectory("sparkd-fix")
        let samples = Array(Self.samples.prefix(RandomFiles.fixed.count))
        try RandomFiles.write(samples, into: peer.path)
        try RandomFiles.write(samples, into: sparkctl.path)
        let runs = try await Self.run(c, files: samples.map(\.path), peer: peer.path, sparkctl: sparkctl.path)
        #expect(runs.peer.status == 2, "\(runs.peer.stderr)")
        #expect(runs.sparkctl.status == 2, "\(runs.sparkctl.stdout)\(runs.sparkctl.stderr)")
        #expect(runs.sparkctl.stdout.isEmpty)
        let name = c.parameters[0].prefix { $0 != "=" }
        #expect(runs.sparkctl.stderr.contains("given by parameter '\(name)'"), "\(runs.sparkctl.stderr)")
        for sample in samples {
            #expect(try peer.read(sample.path) == sample.bytes && sparkctl.read(sample.path) == sample.bytes)
        }
    }

    /// `.sparkd.yml`'s `with:` takes the same values for the pre-commit hook (`sparkd-hook`): a
    /// commit holds what pre-commit-hooks makes of the staged files with the same args.
    @Test func hookRulesTakeTheSameParametersInWith() async throws {
        guard await PythonPreCommitHooks.isAvailable() else { return }
        let files: [String: [UInt8]] = [
            "notes.md": Array("# Title  \nA hard break  \nno break\t \n".utf8),
            "guide.markdown": Array("keep  \r\ntrim \t\r\n".utf8),
            "README.MD": Array("keep too  \nlast\n\n\n".utf8),
            "tabs.txt": Array("a \t\nb\t \nc  ".utf8),
            "mixed.txt": Array("one\ntwo\r\nthree\rfour".utf8),
            "Makefile": Array("all:  \n\techo hi \t\n".utf8),
        ]
        let peer = try TemporaryDirectory("sparkd-peer")
        for (path, bytes) in files { try peer.write(path, bytes) }
        let paths = files.keys.sorted()
        for (module, arguments) in [
            ("trailing_whitespace_fixer", ["--chars= ", "--markdown-linebreak-ext=md,markdown"]), ("end_of_file_fixer", []),
            ("mixed_line_ending", ["--fix=crlf"]),
        ] {
            _ = try await PythonPreCommitHooks.run(module: module, arguments: arguments, files: paths, in: peer.path)
        }

        let hooked = try await HookedRepository()
        try hooked.write(
            ".sparkd.yml",
            """
            recipes:
              - { id: fixup/trailing-whitespace, on: [pre-commit], with: { chars: " ", markdown-linebreak-ext: "md,markdown" } }
              - { id: fixup/end-of-file, on: [pre-commit] }
              - { id: fixup/mixed-line-ending, on: [pre-commit], with: { fix: crlf } }

            """)
        for (path, bytes) in files { try hooked.write(path, bytes) }
        try await hooked.repo.git("add", "-A")
        let commit = try await hooked.commit()
        #expect(commit.status == 0, "\(commit.stderr)")
        for path in paths {
            let expected = try peer.read(path)
            let committed = try await hooked.repo.show("HEAD", path)
            #expect(
                committed == expected, "\(path): pre-commit-hooks \(Self.show(expected)), sparkd-hook \(Self.show(committed))")
        }
    }

    /// Bytes as a Swift-like string literal, for failure messages.
    static func show(_ bytes: [UInt8]) -> String {
        "\""
            + bytes.map { byte -> String in
                switch byte {
                case 0x0A: "\\n"
                case 0x0D: "\\r"
                case 0x09: "\\t"
                case 0x20...0x7E: String(UnicodeScalar(byte))
                default: "\\x" + String(byte, radix: 16)
                }
            }.joined() + "\""
    }
}
