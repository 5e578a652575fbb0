import Foundation
internal import Recipes
internal import Yams

/// Recipes' ``YAMLReader`` (positions, type checks, "did you mean") for configuration files:
/// its `RecipeError`s become ``ConfigError``s with the same position, key and hint.
struct ConfigReader {
    let yaml: YAMLReader
    var file: String { yaml.file }

    init(file: String, text: String) {
        yaml = YAMLReader(file: file, text: text)
    }

    /// The document's root node; syntax errors name their position.
    static func compose(_ text: String, file: String, what: String) throws(ConfigError) -> Node {
        let root: Node?
        do {
            root = try YAMLReader.compose(text, file: file)
        } catch {
            throw ConfigError(error, in: what)
        }
        guard let root else {
            throw ConfigError(.emptyDocument, "\(what) is empty", file: file, line: 1, column: 1,
                              hint: "see the configuration example in the README")
        }
        return root
    }

    func location(of node: Node) -> ConfigLocation {
        ConfigLocation(yaml.location(of: node))
    }

    func error(_ code: ConfigError.Code, _ message: String, at node: Node, key: String? = nil, hint: String? = nil) -> ConfigError {
        ConfigError(code, message, at: location(of: node), key: key, hint: hint)
    }

    /// A mapping's entries by key, unknown keys refused with the nearest valid one.
    func entries(of node: Node, in context: String, valid: [String]?) throws(ConfigError) -> [YAMLReader.Entry] {
        try translating { () throws(RecipeError) in try yaml.entries(of: node, in: context, valid: valid, expected: "a mapping") }
    }

    func string(_ node: Node, key: String, in context: String) throws(ConfigError) -> String {
        try translating { () throws(RecipeError) in try yaml.nonEmptyString(node, key: key, in: context) }
    }

    func strings(_ node: Node, key: String, in context: String, example: String) throws(ConfigError) -> [(value: String, node: Node)] {
        try translating { () throws(RecipeError) in
            try yaml.strings(node, key: key, in: context, allowScalar: true, example: example)
        }
    }

    func sequence(_ node: Node, key: String, in context: String, example: String) throws(ConfigError) -> [Node] {
        try translating { () throws(RecipeError) in try yaml.sequence(node, key: key, in: context, example: example) }
    }

    /// A whole number of at least `minimum`.
    func integer(_ node: Node, key: String, in context: String, minimum: Int = 1) throws(ConfigError) -> Int {
        try translating { () throws(RecipeError) in try yaml.integer(node, key: key, in: context, minimum: minimum) }
    }

    /// Fails with `missingKey` unless every key in `required` is present.
    func require(_ required: [String], in entries: [YAMLReader.Entry], of node: Node, context: String, example: String) throws(ConfigError) {
        try translating { () throws(RecipeError) in try yaml.require(required, in: entries, of: node, context: context, example: example) }
    }

    /// Runs a Recipes YAML read, its errors as ``ConfigError``s.
    func translating<T>(_ body: () throws(RecipeError) -> T) throws(ConfigError) -> T {
        do {
            return try body()
        } catch {
            throw ConfigError(error)
        }
    }
}

extension ConfigError {
    /// A Recipes error reading the file `what` names; a YAML syntax error says what to check.
    init(_ error: RecipeError, in what: String) {
        self.init(error)
        if code == .syntax { hint = "check the indentation and quoting here; \(what) holds exactly one YAML document" }
    }

    /// A Recipes YAML error, kept at its position.
    init(_ error: RecipeError) {
        let code: Code = switch error.code {
        case .unreadable: .unreadable
        case .syntax: .syntax
        case .emptyDocument: .emptyDocument
        case .duplicateKey: .duplicateKey
        case .wrongType: .wrongType
        case .missingKey: .missingKey
        case .unknownKey: .unknownKey
        case .unknownRecipe: .unknownRecipe
        default: .invalidValue
        }
        self.init(code, error.message, file: error.file, line: error.line, column: error.column, key: error.key, hint: error.hint)
    }
}
