import Daemon
import Recipes
import Testing

/// The daemon (``RepositoryConfigFile``) and the pre-commit hook (``PreCommitConfiguration``) read
/// the same `.sparkd.yml`: a file one of them refuses, the other refuses at the same place; only
/// trigger names are the daemon's alone to check (its schedules add names).
@Suite("One .sparkd.yml for the daemon and the hook")
struct RepositoryFileAgreementTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let text: String
        /// `line:column` of the error both report, or nil when both accept the file.
        let error: String?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a good file", text: "version: 1\nhook: { fail_on_error: yes }\nrecipes:\n  - { id: fixup/end-of-file, on: [push, pre-commit], with: { a: '' } }\n", error: nil),
        Case(name: "empty", text: "", error: nil),
        Case(name: "comments only", text: "# nothing configured yet\n", error: nil),
        Case(name: "no version", text: "recipes: [{ id: fixup/end-of-file, on: pre-commit }]\n", error: nil),
        Case(name: "a version this sparkd does not read", text: "version: 2\nrecipes: []\n", error: "1:10"),
        Case(name: "a version that is not a number", text: "version: one\n", error: "1:10"),
        Case(name: "a rule without on", text: "recipes:\n  - { id: fixup/end-of-file }\n", error: "2:5"),
        Case(name: "a rule without id", text: "recipes:\n  - { on: [pre-commit] }\n", error: "2:5"),
        Case(name: "an empty id", text: "recipes:\n  - { id: '', on: [pre-commit] }\n", error: "2:11"),
        Case(name: "an unknown shard kind", text: "recipes:\n  - { id: x/y, on: [push], shard: file }\n", error: "2:35"),
        Case(name: "fail_on_error that is not a boolean", text: "hook: { fail_on_error: maybe }\n", error: "1:24"),
        Case(name: "an unknown hook option", text: "hook: { fail_on_eror: true }\n", error: "1:9"),
        Case(name: "an unknown top-level key", text: "recipe: []\n", error: "1:1"),
        Case(name: "recipes that is not a list", text: "recipes: { id: x }\n", error: "1:10"),
        Case(name: "broken YAML", text: "recipes: [ {id: \n", error: "2:1"),
        Case(name: "fixup_commits", text: "fixup_commits: { base: main, recipes: [fixup/end-of-file] }\n", error: nil),
        Case(name: "fixup_commits without base", text: "fixup_commits: { recipes: fixup/end-of-file }\n", error: "1:16"),
        Case(name: "fixup_commits with no recipes", text: "fixup_commits: { base: main, recipes: [] }\n", error: "1:39"),
    ]

    @Test("both accept, or both refuse at the same line and column", arguments: cases)
    func bothAgree(_ sample: Case) {
        let file = "app@main:.sparkd.yml"
        let daemon = Result { () throws(RecipeError) in try RepositoryConfigFile.parse(sample.text, file: file, triggers: Trigger.builtIn) }
        let hook = Result { () throws(RecipeError) in try PreCommitConfiguration.parse(sample.text, file: file) }
        switch (daemon, hook) {
        case (.success, .success):
            #expect(sample.error == nil, "both accepted it")
        case (.failure(let daemonError), .failure(let hookError)):
            #expect(daemonError.location == "\(file):\(sample.error ?? "accepted")", "\(daemonError)")
            #expect("\(hookError.file ?? "?"):\(hookError.line ?? 0):\(hookError.column ?? 0)" == daemonError.location)
            #expect(daemonError.message == hookError.message)
        case (.success, .failure(let error)):
            Issue.record("only the hook refused it: \(error)")
        case (.failure(let error), .success):
            Issue.record("only the daemon refused it: \(error)")
        }
    }

    @Test("what the hook takes from a file: pre-commit rules with their parameters, and fail_on_error")
    func hookView() throws {
        let configuration = try PreCommitConfiguration.parse(Self.cases[0].text, file: ".sparkd.yml")
        #expect(configuration.failOnError)
        #expect(configuration.rules.map(\.id) == ["fixup/end-of-file"])
        #expect(configuration.rules.map(\.parameters) == [["a": ""]])
        #expect(
            try PreCommitConfiguration.parse("recipes: [{ id: x/y, on: push }]\n", file: "f").recipeIDs
                == PreCommitConfiguration.defaultRecipes, "no pre-commit rule: the three fixups")
    }

    @Test("a trigger name the daemon does not know is refused by the daemon only, where it is written")
    func triggerNamesAreTheDaemons() throws {
        let text = "recipes:\n  - { id: fixup/end-of-file, on: [pre-commit, weekly] }\n"
        let error = #expect(throws: RecipeError.self) {
            try RepositoryConfigFile.parse(text, file: "f", triggers: Trigger.builtIn)
        }
        #expect(error?.location == "f:2:47")
        #expect(try RepositoryConfigFile.parse(text, file: "f", triggers: Trigger.builtIn + ["weekly"]).recipes.map(\.on) == [["pre-commit", "weekly"]])
        #expect(try PreCommitConfiguration.parse(text, file: "f").recipeIDs == ["fixup/end-of-file"])
    }
}
