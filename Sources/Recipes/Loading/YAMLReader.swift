package import Yams

/// Reads typed values out of a composed YAML node tree (`Yams.compose`), turning
/// every mismatch into a `RecipeError` at the offending node's `file:line:column`.
///
/// `package` so that other YAML files of sparkd (the daemon's configuration) are read with the
/// same positions, messages and "did you mean" suggestions, and fail with the same errors.
package struct YAMLReader {
    package let file: String
    /// The file's lines, to place errors inside single-line scalars exactly.
    let lines: [Substring]

    /// `text`'s YAML node tree, for a ``YAMLReader`` to read. Every sparkd YAML file is parsed
    /// here. The resolver is Yams' `.basic`: sparkd reads every scalar as text and types it
    /// itself (``ParameterType``, `null` by its spelling), so implicit tags are never looked at,
    /// and Yams' default resolver compiles seven ICU regular expressions on first use — 1.6 ms
    /// of the 6 ms a pre-commit hook took to start (perf record of `sparkd-hook`). The encoding is
    /// Swift's native UTF-8, named: Yams' `.default` reads it from the environment, copying all
    /// of it into a dictionary each time (3 % of the hook). No constructor (below).
    /// A syntax error is a ``RecipeError`` at its `file:line:column`; its hint calls the file
    /// `document` ("a recipe file", "the configuration file").
    package static func compose(_ text: String, file: String, document: String = "a recipe file") throws(RecipeError) -> Node? {
        do {
            return try Yams.compose(yaml: text, .basic, unusedConstructor, .utf8)
        } catch let error as YamlError {
            throw RecipeError(yaml: error, file: file, text: text, document: document)
        } catch {
            throw RecipeError(.syntax, "invalid YAML: \(error)", file: file)
        }
    }

    /// Composing never constructs Swift values; Yams' `.default` constructor builds three
    /// dictionaries of tag handlers on first use (3 % of a pre-commit hook's CPU time).
    /// Its maps are `let`s: sharing it between threads is safe.
    nonisolated(unsafe) private static let unusedConstructor = Constructor([:], [:], [:])

    package init(file: String, text: String = "") {
        self.file = file
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// One key-value pair of a mapping whose key is a string.
    package struct Entry {
        package let key: String
        package let keyNode: Node
        package let value: Node
    }

    package func location(of node: Node) -> RecipeLocation {
        let mark = node.mark
        return RecipeLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    package func error(
        _ code: RecipeError.Code, _ message: String, at node: Node, key: String? = nil, hint: String? = nil
    ) -> RecipeError {
        RecipeError(code, message, at: location(of: node), key: key, hint: hint)
    }

    /// The position of the Unicode scalar at `offset` in scalar `node`'s value: exact
    /// when the value is written on one line without escapes before that point (plain
    /// or quoted), else the node's own position.
    package func location(of node: Node, offset: Int) -> RecipeLocation {
        let start = location(of: node)
        guard offset > 0, case .scalar(let scalar) = node, start.line >= 1, start.line <= lines.count else {
            return start
        }
        let quote: Int
        switch scalar.style {
        case .plain, .any: quote = 0
        case .singleQuoted, .doubleQuoted: quote = 1
        default: return start
        }
        let line = Array(lines[start.line - 1].unicodeScalars)
        let value = Array(scalar.string.unicodeScalars)
        let first = start.column - 1 + quote
        let length = min(offset + 1, value.count)
        guard first >= 0, first + length <= line.count, line[first..<first + length].elementsEqual(value[0..<length])
        else { return start }
        return RecipeLocation(file: file, line: start.line, column: start.column + quote + offset)
    }

    /// `text` (the value of `node`) parsed as a ``TemplateText``; a malformed tag is an
    /// `invalidTemplate` error at the tag.
    func template(_ text: String, at node: Node, key: String) throws(RecipeError) -> TemplateText {
        do {
            return try TemplateText(text, location: location(of: node))
        } catch {
            throw RecipeError(
                .invalidTemplate, "invalid template in '\(key)': \(error.message)", at: location(of: node, offset: error.offset),
                key: key, hint: "parameters are written {{name}}; write '{{=<% %>=}}' first to use a literal '{{'")
        }
    }

    /// The entries of `node`, which must be a mapping whose keys are strings from
    /// `valid` (any strings when `valid` is nil); an unknown key is reported with
    /// the nearest valid key.
    package func entries(
        of node: Node, in context: String, valid: [String]?, expected: String = "a mapping"
    ) throws(RecipeError) -> [Entry] {
        guard case .mapping(let mapping) = node else {
            throw error(.wrongType, "\(context) must be \(expected), not \(Self.describe(node))", at: node)
        }
        var entries: [Entry] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                throw error(.wrongType, "keys in \(context) must be strings, not \(Self.describe(keyNode))", at: keyNode)
            }
            let key = scalar.string
            if let valid, !valid.contains(key) {
                throw error(
                    .unknownKey, "unknown key '\(key)' in \(context)" + Suggestions.didYouMean(key, in: valid),
                    at: keyNode, key: key,
                    hint: valid.isEmpty ? nil : "valid keys in \(context): \(valid.joined(separator: ", "))")
            }
            entries.append(Entry(key: key, keyNode: keyNode, value: value))
        }
        return entries
    }

    /// A scalar's text; `null` and collections are type errors.
    package func string(_ node: Node, key: String, in context: String) throws(RecipeError) -> String {
        guard case .scalar(let scalar) = node, node.null == nil else {
            throw error(
                .wrongType, "'\(key)' in \(context) must be a string, not \(Self.describe(node))", at: node, key: key,
                hint: node.null != nil ? "give '\(key)' a value, or quote it (\"\") if it is meant to be empty" : nil)
        }
        return scalar.string
    }

    /// A scalar's text that is not empty.
    package func nonEmptyString(_ node: Node, key: String, in context: String) throws(RecipeError) -> String {
        let value = try string(node, key: key, in: context)
        guard !value.isEmpty else {
            throw error(.invalidValue, "'\(key)' in \(context) must not be empty", at: node, key: key)
        }
        return value
    }

    /// A whole number of at least `minimum`.
    package func integer(_ node: Node, key: String, in context: String, minimum: Int = 1) throws(RecipeError) -> Int {
        let text = try nonEmptyString(node, key: key, in: context)
        guard let value = Int(text) else {
            throw error(.wrongType, "'\(key)' in \(context) must be a whole number, not '\(text)'", at: node, key: key)
        }
        guard value >= minimum else {
            throw error(
                .invalidValue, "'\(key)' in \(context) must be at least \(minimum), not \(value)", at: node, key: key,
                hint: minimum > 0 ? "limits and counts are positive" : nil)
        }
        return value
    }

    /// Fails with `missingKey` unless every key in `required` is among `entries` (of mapping `node`).
    package func require(_ required: [String], in entries: [Entry], of node: Node, context: String, example: String) throws(RecipeError) {
        for key in required where !entries.contains(where: { $0.key == key }) {
            throw error(.missingKey, "\(context) needs '\(key)'", at: node, key: key, hint: "add it, e.g. \(example)")
        }
    }

    /// The items of a sequence.
    package func sequence(_ node: Node, key: String, in context: String, example: String) throws(RecipeError) -> [Node] {
        guard case .sequence(let sequence) = node else {
            throw error(
                .wrongType, "'\(key)' in \(context) must be a list, not \(Self.describe(node))", at: node, key: key,
                hint: "write it as a list, e.g. \(example)")
        }
        return Array(sequence)
    }

    /// A list of strings; a lone scalar counts as a one-item list when `allowScalar`.
    package func strings(
        _ node: Node, key: String, in context: String, allowScalar: Bool = false, example: String
    ) throws(RecipeError) -> [(value: String, node: Node)] {
        if allowScalar, case .scalar = node, node.null == nil {
            return [(try string(node, key: key, in: context), node)]
        }
        var values: [(value: String, node: Node)] = []
        for item in try sequence(node, key: key, in: context, example: example) {
            guard case .scalar(let scalar) = item, item.null == nil else {
                throw error(
                    .wrongType, "items of '\(key)' in \(context) must be strings, not \(Self.describe(item))",
                    at: item, key: key, hint: "write it as a list of strings, e.g. \(example)")
            }
            values.append((scalar.string, item))
        }
        return values
    }

    /// "a mapping", "a list", "null", "a string" — for messages.
    package static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case .scalar: node.null != nil ? "null (an empty value)" : "a string"
        }
    }
}
