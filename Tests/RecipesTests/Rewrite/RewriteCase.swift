import Testing

@testable import Recipes

/// One rewrite: a rule, an input file and the exact expected output (nil: no match).
struct RewriteCase: CustomTestStringConvertible, Sendable {
    let match: String
    let replace: String
    let constraints: [HoleConstraint]
    let language: SourceLanguage?
    let path: String
    let input: String
    let expected: String?
    let note: String

    init(
        _ note: String, _ match: String, _ replace: String, where constraints: [HoleConstraint] = [],
        language: SourceLanguage? = nil, path: String = "a.txt", _ input: String, _ expected: String?
    ) {
        self.note = note
        self.match = match
        self.replace = replace
        self.constraints = constraints
        self.language = language
        self.path = path
        self.input = input
        self.expected = expected
    }

    var testDescription: String { note }

    func rule() throws -> RewriteRule {
        try RewriteRule(match: match, replace: replace, constraints: constraints, language: language)
    }

    /// The output as text, nil when the rule reported no match.
    func run() throws -> String? {
        try rule().rewrite(bytes(input), path: path).map { String(decoding: $0.output, as: UTF8.self) }
    }
}
