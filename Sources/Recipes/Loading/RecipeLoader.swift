import Foundation
package import Yams

/// Loads recipes from YAML: one recipe per `.yml` file, parsed with `Yams.compose`
/// so that every error carries the `file:line:column` of the node at fault.
package enum RecipeLoader {
    /// Recipe files end in this; other files in a catalog directory are ignored.
    package static let fileExtension = ".yml"

    /// Loads the recipe in `file`. With `catalogRoot`, the recipe's `id` must equal
    /// the file's path under that directory without `.yml`.
    package static func load(file: String, catalogRoot: String? = nil) throws(RecipeError) -> Recipe {
        let bytes: [UInt8]
        switch LocalFile.read(file) {
        case .success(let read): bytes = read
        case .failure(let error):
            throw RecipeError(
                .unreadable, "cannot read recipe file: \(error)", file: file,
                hint: "check that the file exists and is readable")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw RecipeError(.syntax, "recipe file is not valid UTF-8", file: file, hint: "save the file as UTF-8")
        }
        let expected = catalogRoot.flatMap { expectedID(forFile: file, catalogRoot: $0) }
        return try parse(
            text, file: file, expectedID: expected,
            readSource: { name in
                let path = StepParser.sibling(name, of: file)
                guard case .success(let bytes) = LocalFile.read(path) else { return nil }
                return String(validating: bytes, as: UTF8.self)
            })
    }

    /// Parses recipe YAML held in memory (e.g. read from a git snapshot). `file`
    /// names it in errors; `expectedID`, when given, must equal the recipe's id.
    /// `readSource` returns the text of a template step's `source` file (a name
    /// relative to the recipe's directory), or nil when it cannot.
    package static func parse(
        _ text: String, file: String, expectedID: String? = nil,
        readSource: @escaping (String) -> String? = { _ in nil }
    ) throws(RecipeError) -> Recipe {
        let root = try YAMLReader.compose(text, file: file)
        guard let root else {
            throw RecipeError(
                .emptyDocument, "recipe file is empty", file: file, line: 1, column: 1,
                hint: "a recipe needs at least 'id', 'version', 'title' and 'steps'")
        }
        return try RecipeParser(reader: YAMLReader(file: file, text: text), expectedID: expectedID, readSource: readSource)
            .recipe(from: root)
    }

    /// The id a recipe at `file` must have under `catalogRoot`: its relative path
    /// without `.yml` (`recipes/fixup/end-of-file.yml` under `recipes` →
    /// `fixup/end-of-file`), or `nil` when `file` is not a `.yml` file under it.
    package static func expectedID(forFile file: String, catalogRoot: String) -> String? {
        let filePath = LocalFile.standardized(file)
        var rootPath = LocalFile.standardized(catalogRoot)
        if !rootPath.hasSuffix("/") { rootPath += "/" }
        guard filePath.hasPrefix(rootPath), filePath.hasSuffix(fileExtension) else { return nil }
        let relative = filePath.dropFirst(rootPath.count).dropLast(fileExtension.count)
        return relative.isEmpty ? nil : String(relative)
    }
}

extension RecipeError {
    /// Translates a Yams (libyaml) error, keeping its position. An error at the end of the
    /// file (a quote or bracket never closed) is placed where the unclosed construct starts;
    /// a duplicate key at its second occurrence.
    /// Without `text`, errors keep the positions libyaml gives. `document` names the file in
    /// the hint of a syntax error.
    package init(yaml error: YamlError, file: String, text: String? = nil, document: String = "a recipe file") {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            if let context, let text, YAMLText(text).isAtEnd(line: mark.line, column: mark.column) {
                self.init(
                    .syntax, "invalid YAML: \(problem) at the end of the file, \(context.text) that starts here",
                    file: file, line: context.mark.line, column: context.mark.column,
                    hint: "close the quote or bracket that starts here")
                return
            }
            let while_ = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            self.init(
                .syntax, "invalid YAML: \(problem)\(while_)", file: file, line: mark.line, column: mark.column,
                hint: "check the indentation and quoting here; \(document) holds exactly one YAML document")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let first = context.mark
            if let text, let second = YAMLText(text).nextKey(key, after: first.line, column: first.column) {
                self.init(
                    .duplicateKey, "duplicate key '\(key)' (first at line \(first.line))", file: file, line: second.line,
                    column: second.column, key: key, hint: "keep one '\(key)' in this mapping and remove the others")
            } else {
                self.init(
                    .duplicateKey, "duplicate key '\(key)'", file: file, line: first.line, column: first.column, key: key,
                    hint: "keep one '\(key)' in this mapping and remove the others")
            }
        case .reader(let problem, _, _, _):
            self.init(.syntax, "invalid YAML input: \(problem)", file: file, hint: "save the file as UTF-8 text")
        default:
            self.init(.syntax, "invalid YAML: \(error)", file: file)
        }
    }
}
