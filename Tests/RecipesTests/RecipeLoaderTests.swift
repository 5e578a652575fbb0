import Diagnostics
import Recipes
import TestSupport
import Testing

/// Every loader error names `file:line:column` (1-based) and says how to fix it.
@Suite("Recipe loader errors", .tags(.medium))
struct RecipeLoaderTests {
    /// A recipe file written under a catalog root in a temporary directory.
    struct Fixture {
        let directory: TemporaryDirectory
        let root: String
        let file: String

        init(_ yaml: String, at relative: String = "fixup/x.yml") throws {
            directory = try TemporaryDirectory("sparkd-recipes")
            root = try directory.subdirectory("recipes")
            file = try directory.write("recipes/" + relative, yaml)
        }

        func load() throws(RecipeError) -> Recipe { try RecipeLoader.load(file: file, catalogRoot: root) }

        /// The error loading throws; records an issue if it loads.
        func error(sourceLocation: SourceLocation = #_sourceLocation) -> RecipeError? {
            do {
                _ = try load()
                Issue.record("expected the recipe to be rejected", sourceLocation: sourceLocation)
                return nil
            } catch {
                return error
            }
        }
    }

    static let valid = """
        id: fixup/x
        version: 1.0.0
        title: X
        steps:
          - fix: end-of-file

        """

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let yaml: String
        let code: RecipeError.Code
        let line: Int
        let column: Int
        let message: String
        let hint: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "unknown top-level key", yaml: "id: fixup/x\nversion: 1.0.0\ntitel: X\nsteps: [{fix: end-of-file}]\n",
            code: .unknownKey, line: 3, column: 1, message: "unknown key 'titel' in recipe; did you mean 'title'?",
            hint: "valid keys in recipe: id, version, title, description, kind, languages, parameters, files, when, steps"),
        Case(
            name: "missing required key", yaml: "id: fixup/x\ntitle: X\nsteps: [{fix: end-of-file}]\n",
            code: .missingKey, line: 1, column: 1, message: "missing required key 'version' in recipe",
            hint: "add 'version: 1.0.0'"),
        Case(
            name: "missing id suggests the path's id", yaml: "version: 1.0.0\ntitle: X\nsteps: [{fix: end-of-file}]\n",
            code: .missingKey, line: 1, column: 1, message: "missing required key 'id' in recipe",
            hint: "add 'id: fixup/x' (the file's path under the catalog, without .yml)"),
        Case(
            name: "title is a list", yaml: "id: fixup/x\nversion: 1.0.0\ntitle: [a, b]\nsteps: [{fix: end-of-file}]\n",
            code: .wrongType, line: 3, column: 8, message: "'title' in recipe must be a string, not a list", hint: nil),
        Case(
            name: "title is empty", yaml: "id: fixup/x\nversion: 1.0.0\ntitle:\nsteps: [{fix: end-of-file}]\n",
            code: .wrongType, line: 3, column: 7,
            message: "'title' in recipe must be a string, not null (an empty value)",
            hint: "give 'title' a value, or quote it (\"\") if it is meant to be empty"),
        Case(
            name: "steps is a string", yaml: "id: fixup/x\nversion: 1.0.0\ntitle: X\nsteps: fix\n",
            code: .wrongType, line: 4, column: 8, message: "'steps' in recipe must be a list, not a string",
            hint: "write it as a list, e.g. 'steps: [{ fix: end-of-file }]'"),
        Case(
            name: "steps is empty", yaml: "id: fixup/x\nversion: 1.0.0\ntitle: X\nsteps: []\n",
            code: .invalidValue, line: 4, column: 8, message: "'steps' in recipe must list at least one step",
            hint: "add a step, e.g. '- fix: end-of-file'"),
        Case(
            name: "unknown fixer", yaml: "id: fixup/x\nversion: 1.0.0\ntitle: X\nsteps:\n  - fix: trailing-whitespac\n",
            code: .unknownFixer, line: 5, column: 10,
            message: "unknown fixer 'trailing-whitespac' in step 1; did you mean 'trailing-whitespace'?",
            hint: "available fixers: end-of-file, license-header, mixed-line-ending, trailing-whitespace"),
        Case(
            name: "unknown kind with a near miss",
            yaml: "id: fixup/x\nversion: 1.0.0\ntitle: X\nkind: fixpu\nsteps: [{fix: end-of-file}]\n",
            code: .unknownKind, line: 4, column: 7, message: "unknown recipe kind 'fixpu'; did you mean 'fixup'?",
            hint: "kind is one of: fixup, refactor, boilerplate"),
        Case(
            name: "unknown kind without a near miss",
            yaml: "id: fixup/x\nversion: 1.0.0\ntitle: X\nkind: cleanup\nsteps: [{fix: end-of-file}]\n",
            code: .unknownKind, line: 4, column: 7, message: "unknown recipe kind 'cleanup'",
            hint: "kind is one of: fixup, refactor, boilerplate"),
        Case(
            name: "bad option value",
            yaml: "id: fixup/x\nversion: 1.0.0\ntitle: X\nsteps:\n  - fix: mixed-line-ending\n    with: { fix: sideways }\n",
            code: .invalidValue, line: 6, column: 18,
            message: "invalid value 'sideways' for option 'fix' of fixer 'mixed-line-ending' (valid values: auto, lf, crlf, cr, no)",
            hint: "e.g. 'with: { fix: auto }'"),
        Case(
            name: "option value near miss",
            yaml: "id: fixup/x\nversion: 1.0.0\ntitle: X\nsteps:\n  - fix: mixed-line-ending\n    with:\n      fix: crl\n",
            code: .invalidValue, line: 7, column: 12,
            message: "invalid value 'crl' for option 'fix' of fixer 'mixed-line-ending' (valid values: auto, lf, crlf, cr, no); did you mean 'cr'?",
            hint: "e.g. 'with: { fix: auto }'"),
        Case(
            name: "unknown option",
            yaml: "id: fixup/x\nversion: 1.0.0\ntitle: X\nsteps:\n  - fix: trailing-whitespace\n    with: { char: ' ' }\n",
            code: .unknownKey, line: 6, column: 13,
            message: "unknown option 'char' for fixer 'trailing-whitespace'; did you mean 'chars'?",
            hint: "options of 'trailing-whitespace': chars, markdown-linebreak-ext"),
        Case(
            name: "options for a fixer without options",
            yaml: "id: fixup/x\nversion: 1.0.0\ntitle: X\nsteps:\n  - fix: end-of-file\n    with: { fix: lf }\n",
            code: .unknownKey, line: 6, column: 13,
            message: "fixer 'end-of-file' takes no options, but step 1 sets 'fix'", hint: "remove 'with' from step 1"),
        Case(
            name: "markdown extension that is a file name",
            yaml: "id: fixup/x\nversion: 1.0.0\ntitle: X\nsteps:\n  - fix: trailing-whitespace\n    with: { markdown-linebreak-ext: [md, README.md] }\n",
            code: .invalidValue, line: 6, column: 42,
            message: "bad markdown-linebreak-ext extension '.readme.md' (has . / \\ :)",
            hint: "list bare extensions such as 'md' or '.markdown', not file names"),
        Case(
            name: "empty markdown extension",
            yaml: "id: fixup/x\nversion: 1.0.0\ntitle: X\nsteps:\n  - fix: trailing-whitespace\n    with:\n      markdown-linebreak-ext: ['']\n",
            code: .invalidValue, line: 7, column: 32,
            message: "markdown-linebreak-ext requires a non-empty argument",
            hint: "remove the empty entry, or use '*' for every file"),
        Case(
            name: "unknown key in a step",
            yaml: "id: fixup/x\nversion: 1.0.0\ntitle: X\nsteps:\n  - fix: end-of-file\n    nmae: eof\n",
            code: .unknownKey, line: 6, column: 5, message: "unknown key 'nmae' in step 1; did you mean 'name'?",
            hint: nil),
        Case(
            name: "step without a kind", yaml: "id: fixup/x\nversion: 1.0.0\ntitle: X\nsteps:\n  - name: eof\n",
            code: .invalidStep, line: 5, column: 5, message: "step 1 has no step kind",
            hint: "add one of: fix, include, regex, rewrite, swift, template, e.g. 'fix: end-of-file'"),
        Case(
            name: "step with two kinds",
            yaml: "id: fixup/x\nversion: 1.0.0\ntitle: X\nsteps:\n  - fix: end-of-file\n    regex: x\n",
            code: .invalidStep, line: 6, column: 5,
            message: "step 1 has more than one step kind ('fix' and 'regex')", hint: "split it into one step per kind"),
        Case(
            name: "planned step kind", yaml: "id: fixup/x\nversion: 1.0.0\ntitle: X\nsteps:\n  - prompt: x\n",
            code: .unsupportedStep, line: 5, column: 5,
            message: "step kind 'prompt' is not supported by this version of sparkd",
            hint: "supported step kinds: fix, include, regex, rewrite, swift, template"),
        Case(
            name: "rewrite with crossed brackets",
            yaml: "id: fixup/x\nversion: 1.0.0\ntitle: X\nsteps:\n  - rewrite: { match: 'f(:[a]]', replace: 'g(:[a])' }\n",
            code: .invalidRewrite, line: 5, column: 30,
            message: "'match': `]` in the match template closes a bracket of another kind", hint: nil),
        Case(
            name: "rewrite replacement with an unbound hole",
            yaml: "id: fixup/x\nversion: 1.0.0\ntitle: X\nsteps:\n  - rewrite:\n      match: 'f(:[a])'\n      replace: 'g(:[b])'\n",
            code: .invalidRewrite, line: 7, column: 19,
            message: "'replace': hole `:[b]` is not bound by the match template", hint: nil),
        Case(
            name: "step is a string", yaml: "id: fixup/x\nversion: 1.0.0\ntitle: X\nsteps:\n  - end-of-file\n",
            code: .wrongType, line: 5, column: 5,
            message: "step 1 must be a mapping with one step kind, e.g. '- fix: end-of-file', not a string", hint: nil),
        Case(
            name: "bad version", yaml: "id: fixup/x\nversion: 1.0\ntitle: X\nsteps: [{fix: end-of-file}]\n",
            code: .invalidValue, line: 2, column: 10, message: "version '1.0' is not a semantic version",
            hint: "write MAJOR.MINOR.PATCH, e.g. 'version: 1.0.0'"),
        Case(
            name: "invalid id", yaml: "id: Fixup/X\nversion: 1.0.0\ntitle: X\nsteps: [{fix: end-of-file}]\n",
            code: .invalidValue, line: 1, column: 5, message: "recipe id 'Fixup/X' is not valid",
            hint: "use lower-case path segments of a-z, 0-9, '-', '_' and '.', e.g. 'fixup/trailing-whitespace'"),
        Case(
            name: "id does not match the path",
            yaml: "id: fixup/eof\nversion: 1.0.0\ntitle: X\nsteps: [{fix: end-of-file}]\n",
            code: .idMismatch, line: 1, column: 5,
            message: "recipe id 'fixup/eof' does not match the file's path, which requires 'fixup/x'",
            hint: "set 'id: fixup/x', or move the file to 'fixup/eof.yml' in the catalog"),
        Case(
            name: "languages is a string", yaml: "id: fixup/x\nversion: 1.0.0\ntitle: X\nlanguages: swift\nsteps: [{fix: end-of-file}]\n",
            code: .wrongType, line: 4, column: 12, message: "'languages' in recipe must be a list, not a string",
            hint: "write it as a list, e.g. [\"*\"] or [swift]"),
        Case(
            name: "top level is a list", yaml: "- id: fixup/x\n",
            code: .wrongType, line: 1, column: 1,
            message: "recipe must be a mapping with the keys id, version, title and steps, not a list", hint: nil),
        Case(
            name: "duplicate key", yaml: "id: fixup/x\nversion: 1.0.0\ntitle: X\ntitle: Y\nsteps: [{fix: end-of-file}]\n",
            code: .duplicateKey, line: 4, column: 1, message: "duplicate key 'title' (first at line 3)",
            hint: "keep one 'title' in this mapping and remove the others"),
        Case(
            name: "empty file", yaml: "", code: .emptyDocument, line: 1, column: 1, message: "recipe file is empty",
            hint: "a recipe needs at least 'id', 'version', 'title' and 'steps'"),
    ]

    @Test(arguments: cases)
    func reportsPositionAndFix(_ c: Case) throws {
        let fixture = try Fixture(c.yaml)
        guard let error = fixture.error() else { return }
        #expect(error.code == c.code)
        #expect(error.file == fixture.file)
        #expect(error.line == c.line)
        #expect(error.column == c.column)
        #expect(error.message == c.message)
        if let hint = c.hint { #expect(error.hint == hint) }
        var expected = "\(fixture.file):\(c.line):\(c.column): \(c.message)"
        if let hint = error.hint { expected += "\n  hint: \(hint)" }
        #expect(error.description == expected)
    }

    @Test func syntaxErrorsKeepTheirPosition() throws {
        let fixture = try Fixture("id: fixup/x\ntitle: [unclosed\nsteps: []\n")
        let error = try #require(fixture.error())
        #expect(error.code == .syntax)
        #expect(error.line == 3)
        #expect(error.message.hasPrefix("invalid YAML: "))
    }

    @Test func unknownKeyIsCaughtByCode() throws {
        let fixture = try Fixture("id: fixup/x\nversion: 1.0.0\ntitle: X\nstpes: []\n")
        do {
            _ = try fixture.load()
            Issue.record("expected an error")
        } catch  where error.code == .unknownKey {
            #expect(error.key == "stpes")
            #expect(error.message == "unknown key 'stpes' in recipe; did you mean 'steps'?")
        }
    }

    @Test func validRecipeLoadsWithDefaults() throws {
        let recipe = try Fixture(Self.valid).load()
        #expect(recipe.id == "fixup/x")
        #expect(recipe.version == "1.0.0")
        #expect(recipe.kind == .refactor)
        #expect(recipe.languages == ["*"])
        #expect(recipe.description == nil)
        #expect(recipe.steps == [.fix(FixStep(.endOfFile(EndOfFileFixer()), location: recipe.steps[0].location))])
        #expect(recipe.steps[0].location?.line == 5)
        #expect(recipe.steps[0].location?.column == 5)
        #expect(recipe.steps[0].displayName == "fix end-of-file")
        #expect(recipe.reference == "fixup/x@1.0.0")
    }

    @Test func optionsAreTyped() throws {
        let yaml = """
            id: fixup/x
            version: 2.1.0-beta.1+build.7
            title: X
            description: Several steps.
            kind: fixup
            languages: [swift, markdown]
            steps:
              - name: trim
                fix: trailing-whitespace
                with: { markdown-linebreak-ext: "MD,.markdown", chars: " \\t" }
              - fix: mixed-line-ending
                with: { fix: no }
              - fix: end-of-file
                with: {}

            """
        let recipe = try Fixture(yaml).load()
        #expect(recipe.kind == .fixup)
        #expect(recipe.languages == ["swift", "markdown"])
        #expect(recipe.steps.map(\.displayName) == ["trim", "fix mixed-line-ending", "fix end-of-file"])
        guard case .fix(let trim) = recipe.steps[0], case .trailingWhitespace(let fixer) = trim.configuration,
            case .fix(let endings) = recipe.steps[1], case .mixedLineEnding(let mode) = endings.configuration
        else {
            Issue.record("unexpected steps \(recipe.steps)")
            return
        }
        #expect(fixer.chars == " \t")
        #expect(fixer.markdown == MarkdownLinebreaks(allFiles: false, extensions: [".md", ".markdown"]))
        #expect(mode.mode == .no)
    }

    @Test func parsesFromMemoryWithoutACatalog() throws {
        let recipe = try RecipeLoader.parse(Self.valid, file: "snapshot:.sparkd/recipes/any.yml")
        #expect(recipe.id == "fixup/x")
        #expect(recipe.source == "snapshot:.sparkd/recipes/any.yml")
    }

    @Test func expectedIDIsThePathUnderTheRoot() {
        #expect(
            RecipeLoader.expectedID(forFile: "recipes/fixup/end-of-file.yml", catalogRoot: "recipes")
                == "fixup/end-of-file")
        #expect(RecipeLoader.expectedID(forFile: "/r/./a/b.yml", catalogRoot: "/r/") == "a/b")
        #expect(RecipeLoader.expectedID(forFile: "/elsewhere/b.yml", catalogRoot: "/r") == nil)
        #expect(RecipeLoader.expectedID(forFile: "/r/b.yaml", catalogRoot: "/r") == nil)
    }

    @Test func unreadableFile() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.path + "/nope.yml"
        #expect(throws: RecipeError.self) { try RecipeLoader.load(file: missing) }
        do {
            _ = try RecipeLoader.load(file: missing)
        } catch {
            #expect(error.code == .unreadable)
            #expect(error.file == missing)
        }
    }
}
