internal import Yams

/// Turns the node tree of one recipe file into a `Recipe`, checking keys, types
/// and values. Errors come in document order: unknown keys first, then missing
/// required keys, then `parameters` (which later values refer to), then each other
/// value from top to bottom.
struct RecipeParser {
    let reader: YAMLReader
    /// The id the file's path demands, when it is loaded from a catalog.
    let expectedID: String?
    /// Reads a template step's `source` file, by its name relative to the recipe file.
    let readSource: (String) -> String?

    static let keys = [
        "id", "version", "title", "description", "kind", "languages", "parameters", "files", "when", "steps",
    ]
    static let requiredKeys = ["id", "version", "title", "steps"]

    func recipe(from root: Node) throws(RecipeError) -> Recipe {
        let entries = try reader.entries(
            of: root, in: "recipe", valid: Self.keys, expected: "a mapping with the keys id, version, title and steps")
        for key in Self.requiredKeys where !entries.contains(where: { $0.key == key }) {
            throw reader.error(
                .missingKey, "missing required key '\(key)' in recipe", at: root, key: key, hint: missingKeyHint(key))
        }
        var recipe = Recipe(id: "", version: "", title: "", steps: [], source: reader.file)
        if let parameters = entries.first(where: { $0.key == "parameters" }) {
            recipe.parameters = try ParameterParser(reader: reader).parameters(parameters.value)
        }
        for entry in entries {
            let value = entry.value
            switch entry.key {
            case "id": recipe.id = try id(value)
            case "version": recipe.version = try version(value)
            case "title": recipe.title = try reader.nonEmptyString(value, key: "title", in: "recipe")
            case "description":
                recipe.description =
                    value.null == nil
                    ? try reader.string(value, key: "description", in: "recipe") : nil
            case "kind": recipe.kind = try kind(value)
            case "languages": recipe.languages = try languages(value)
            case "parameters": break
            case "files": recipe.files = try FilesParser(reader: reader).files(value)
            case "when": recipe.conditions = try FilesParser(reader: reader).conditions(value)
            default: recipe.steps = try steps(value, parameters: recipe.parameters)
            }
        }
        return recipe
    }

    private func id(_ node: Node) throws(RecipeError) -> String {
        let id = try reader.nonEmptyString(node, key: "id", in: "recipe")
        guard Self.isValidID(id) else {
            throw reader.error(
                .invalidValue, "recipe id '\(id)' is not valid", at: node, key: "id",
                hint: "use lower-case path segments of a-z, 0-9, '-', '_' and '.', e.g. 'fixup/trailing-whitespace'")
        }
        if let expectedID, id != expectedID {
            throw reader.error(
                .idMismatch, "recipe id '\(id)' does not match the file's path, which requires '\(expectedID)'",
                at: node, key: "id", hint: "set 'id: \(expectedID)', or move the file to '\(id).yml' in the catalog")
        }
        return id
    }

    private func version(_ node: Node) throws(RecipeError) -> String {
        let version = try reader.nonEmptyString(node, key: "version", in: "recipe")
        guard Self.isSemanticVersion(version) else {
            throw reader.error(
                .invalidValue, "version '\(version)' is not a semantic version", at: node, key: "version",
                hint: "write MAJOR.MINOR.PATCH, e.g. 'version: 1.0.0'")
        }
        return version
    }

    private func kind(_ node: Node) throws(RecipeError) -> RecipeKind {
        let name = try reader.string(node, key: "kind", in: "recipe")
        guard let kind = RecipeKind(rawValue: name) else {
            let kinds = RecipeKind.allCases.map(\.rawValue)
            throw reader.error(
                .unknownKind, "unknown recipe kind '\(name)'" + Suggestions.didYouMean(name, in: kinds),
                at: node, key: "kind", hint: "kind is one of: \(kinds.joined(separator: ", "))")
        }
        return kind
    }

    private func languages(_ node: Node) throws(RecipeError) -> [String] {
        let items = try reader.strings(node, key: "languages", in: "recipe", example: "[\"*\"] or [swift]")
        guard !items.isEmpty else {
            throw reader.error(
                .invalidValue, "'languages' in recipe must not be empty", at: node, key: "languages",
                hint: "list at least one language, or [\"*\"] for every file")
        }
        for item in items where item.value != "*" && SourceLanguage(name: item.value) == nil {
            if item.value.isEmpty {
                throw reader.error(.invalidValue, "a language in 'languages' is empty", at: item.node, key: "languages")
            }
            let names = SourceLanguage.allCases.map(\.rawValue) + SourceLanguage.aliases.keys.sorted()
            throw reader.error(
                .unknownLanguage, "unknown language '\(item.value)'" + Suggestions.didYouMean(item.value, in: names),
                at: item.node, key: "languages",
                hint: "languages: \(SourceLanguage.allCases.map(\.rawValue).joined(separator: ", ")), or \"*\" for every file")
        }
        return items.map(\.value)
    }

    private func steps(_ node: Node, parameters: [ParameterDeclaration]) throws(RecipeError) -> [Step] {
        let items = try reader.sequence(node, key: "steps", in: "recipe", example: "'steps: [{ fix: end-of-file }]'")
        guard !items.isEmpty else {
            throw reader.error(
                .invalidValue, "'steps' in recipe must list at least one step", at: node, key: "steps",
                hint: "add a step, e.g. '- fix: end-of-file'")
        }
        let parser = StepParser(reader: reader, parameters: parameters, readSource: readSource)
        var steps: [Step] = []
        for (index, item) in items.enumerated() {
            steps.append(try parser.step(item, index: index))
        }
        return steps
    }

    private func missingKeyHint(_ key: String) -> String {
        switch key {
        case "id": "add 'id: \(expectedID ?? "<group>/<name>")' (the file's path under the catalog, without .yml)"
        case "version": "add 'version: 1.0.0'"
        case "title": "add 'title:' with a one-line summary (it becomes the commit subject)"
        default: "add 'steps:' with at least one step, e.g. '- fix: end-of-file'"
        }
    }

    /// Lower-case segments of a-z, 0-9, '-', '_', '.', separated by '/', none
    /// empty or starting with '.'.
    static func isValidID(_ id: String) -> Bool {
        id.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { segment in
            guard let first = segment.utf8.first, first != UInt8(ascii: ".") else { return false }
            return segment.utf8.allSatisfy { byte in
                (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D || byte == 0x5F
                    || byte == 0x2E
            }
        }
    }

    /// `MAJOR.MINOR.PATCH` with an optional `-prerelease` and `+build` of
    /// alphanumerics, '.' and '-'.
    static func isSemanticVersion(_ version: String) -> Bool {
        var rest = Substring(version)
        if let plus = rest.firstIndex(of: "+") {
            guard isIdentifierList(rest[rest.index(after: plus)...]) else { return false }
            rest = rest[..<plus]
        }
        if let dash = rest.firstIndex(of: "-") {
            guard isIdentifierList(rest[rest.index(after: dash)...]) else { return false }
            rest = rest[..<dash]
        }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    private static func isIdentifierList(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }
    }
}
