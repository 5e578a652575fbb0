import Recipes
import TestSupport
import Testing

@Suite("Parameters", .tags(.small))
struct ParameterTests {
    static let body = """
        parameters:
          holder: { type: string, default: "The Authors", description: "Copyright holder" }
          width: { type: int, default: 80 }
          strict: { type: bool, default: false }
          module: { type: string, required: true }
        steps:
          - regex: { pattern: 'OLD_{{module}}', replace: '{{holder}}-{{width}}-{{strict}}-{{year}}' }

        """

    @Test func declarationsLoadWithTypesAndDefaults() throws {
        let r = try recipe(Self.body)
        #expect(r.parameters.map(\.name) == ["holder", "width", "strict", "module"])
        #expect(r.parameter("holder")?.defaultValue == .string("The Authors"))
        #expect(r.parameter("holder")?.description == "Copyright holder")
        #expect(r.parameter("width")?.defaultValue == .int(80))
        #expect(r.parameter("strict")?.defaultValue == .bool(false))
        #expect(r.parameter("module")?.isRequired == true)
    }

    @Test func valuesAreConvertedAndSubstituted() throws {
        let prepared = try PreparedRecipe(
            recipe(Self.body), parameters: ["module": "x", "width": "100", "strict": "yes"], year: 2031)
        #expect(prepared.parameters["width"] == .int(100))
        #expect(prepared.parameters["strict"] == .bool(true))
        #expect(prepared.parameters["year"] == .int(2031))
        let outcome = try prepared.plan(for: InMemoryWorkspace()).apply(path: "a.txt", contents: bytes("OLD_x\n"))
        #expect(String(decoding: outcome.bytes, as: UTF8.self) == "The Authors-100-true-2031\n")
    }

    @Test func yearCanBeSetLikeAnyParameter() throws {
        let prepared = try PreparedRecipe(recipe(Self.body), parameters: ["module": "x", "year": "2024"])
        #expect(prepared.parameters["year"] == .int(2024))
    }

    @Test func unknownParameterNamesTheNearestOne() throws {
        let error = try #require(throws: RecipeError.self) {
            try PreparedRecipe(recipe(Self.body), parameters: ["module": "x", "holdr": "Me"])
        }
        #expect(error.code == .unknownParameter)
        #expect(error.message == "recipe 'test/r' has no parameter 'holdr'; did you mean 'holder'?")
        #expect(error.key == "holdr")
    }

    @Test func badValueNamesParameterAndType() throws {
        let error = try #require(throws: RecipeError.self) {
            try PreparedRecipe(recipe(Self.body), parameters: ["module": "x", "width": "wide"])
        }
        #expect(error.code == .invalidParameter)
        #expect(error.message == "parameter 'width' of recipe 'test/r' must be an int (e.g. 42), not 'wide'")
        #expect(error.hint == "e.g. --param width=42")
    }

    @Test func badBoolValue() throws {
        let error = try #require(throws: RecipeError.self) {
            try PreparedRecipe(recipe(Self.body), parameters: ["module": "x", "strict": "maybe"])
        }
        #expect(error.message == "parameter 'strict' of recipe 'test/r' must be a bool (true or false), not 'maybe'")
    }

    @Test func missingRequiredParameter() throws {
        let error = try #require(throws: RecipeError.self) { try PreparedRecipe(recipe(Self.body)) }
        #expect(error.code == .missingParameter)
        #expect(error.message == "recipe 'test/r' requires parameter 'module' (string)")
        #expect(error.hint == "pass --param module=VALUE")
    }

    @Test func legacyApplyReportsWhyItCannotRun() throws {
        let outcome = try recipe(Self.body).apply(path: "a", contents: bytes("OLD_x"))
        #expect(!outcome.changed)
        #expect(outcome.findings.map(\.message) == ["recipe 'test/r' requires parameter 'module' (string)"])
    }

    @Test func unknownParameterInAPatternIsFoundAtTheTag() throws {
        let error = try #require(loadError("steps:\n  - regex: { pattern: 'a{{modul}}b', replace: x }\n"))
        #expect(error.code == .unknownParameter)
        #expect(error.line == 5)
        #expect(error.column == 25)
        #expect(error.message == "'{{modul}}' in 'pattern' is not a parameter of this recipe")
    }

    @Test func mustacheSectionsUseBoolParameters() throws {
        let body = """
            parameters: { strict: { type: bool, default: true } }
            steps:
              - regex: { pattern: 'x', replace: '{{#strict}}S{{/strict}}{{^strict}}L{{/strict}}' }

            """
        let strict = try PreparedRecipe(recipe(body)).plan(for: InMemoryWorkspace())
        #expect(strict.apply(path: "a", contents: bytes("x")).bytes == bytes("S"))
        let lax = try PreparedRecipe(recipe(body), parameters: ["strict": "false"]).plan(for: InMemoryWorkspace())
        #expect(lax.apply(path: "a", contents: bytes("x")).bytes == bytes("L"))
    }

    @Test func valuesAreNotHTMLEscaped() throws {
        let body = "parameters: { v: { type: string, default: '<a & b>' } }\nsteps:\n  - regex: { pattern: x, replace: '{{v}}' }\n"
        let plan = try PreparedRecipe(recipe(body)).plan(for: InMemoryWorkspace())
        #expect(plan.apply(path: "a", contents: bytes("x")).bytes == bytes("<a & b>"))
    }
}
