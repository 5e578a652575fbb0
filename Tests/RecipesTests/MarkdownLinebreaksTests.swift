import Recipes
import TestSupport
import Testing

@Suite("markdown-linebreak-ext option", .tags(.small))
struct MarkdownLinebreaksTests {
    @Test func normalisesLikeTheFlag() throws {
        let parsed = try MarkdownLinebreaks(arguments: ["MD", "..markdown,txt", ".Rst"])
        #expect(parsed.allFiles == false)
        #expect(parsed.extensions == [".md", ".markdown", ".txt", ".rst"])
    }

    @Test func starMustBeAWholeArgument() throws {
        #expect(try MarkdownLinebreaks(arguments: ["md", "*"]).allFiles)
        let combined = try MarkdownLinebreaks(arguments: ["md,*"])
        #expect(combined.allFiles == false)
        #expect(combined.extensions == [".md", ".*"])
    }

    @Test func trailingCommaAddsTheBareDotExtension() throws {
        let parsed = try MarkdownLinebreaks(arguments: ["md,"])
        #expect(parsed.extensions == [".md", "."])
        #expect(parsed.applies(toPath: "notes."))
    }

    @Test func rejectsEmptyArgument() {
        #expect(throws: MarkdownLinebreaks.Problem.emptyArgument(index: 1)) {
            try MarkdownLinebreaks(arguments: ["md", ""])
        }
    }

    @Test(arguments: ["README.md", "docs/x", "a\\b", "c:d", ".x.y"])
    func rejectsProbableFileNames(_ argument: String) {
        #expect(throws: MarkdownLinebreaks.Problem.self) { try MarkdownLinebreaks(arguments: [argument]) }
    }

    @Test func problemMessageMatchesPython() {
        let problem = MarkdownLinebreaks.Problem.probableFileName(extension: ".readme.md", argumentIndex: 0)
        #expect(problem.description == "bad markdown-linebreak-ext extension '.readme.md' (has . / \\ :)")
    }

    @Test(arguments: [
        ("a.md", true), ("A.MD", true), ("dir/b.Md", true), (".md", false), ("..md", false),
        ("x/.md", false), ("a..md", true), ("md", false), ("a.md/b", false), ("a.mdx", false),
    ])
    func extensionLikeSplitext(_ path: String, _ isMarkdown: Bool) throws {
        #expect(try MarkdownLinebreaks(arguments: ["md"]).applies(toPath: path) == isMarkdown)
    }
}

@Suite("markdown-linebreak-ext default", .tags(.small))
struct MarkdownLinebreaksDefaultTests {
    /// With no flag, Python's `','.join([]).split(',')` yields `['']`, so the
    /// extension `.` counts as Markdown: `notes.` keeps its two trailing spaces.
    @Test func noFlagStillMatchesALoneDotExtension() throws {
        #expect(try MarkdownLinebreaks(arguments: []) == .default)
        #expect(MarkdownLinebreaks.default.applies(toPath: "notes."))
        #expect(MarkdownLinebreaks.default.applies(toPath: "notes.md") == false)
        #expect(TrailingWhitespaceFixer().fix(bytes("a   \n"), path: "notes.").output == bytes("a  \n"))
    }
}
