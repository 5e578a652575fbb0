internal import Yams

/// Parses a recipe's `files:` mapping and `when:` list.
struct FilesParser {
    let reader: YAMLReader

    static let fileKeys = ["include", "exclude", "max_size"]

    func files(_ node: Node) throws(RecipeError) -> FileFilter {
        var filter = FileFilter()
        if node.null != nil { return filter }
        let entries = try reader.entries(
            of: node, in: "'files'", valid: Self.fileKeys,
            expected: "a mapping such as '{ include: [\"**/*.py\"], exclude: [\"vendor/**\"] }'")
        for entry in entries {
            switch entry.key {
            case "include": filter.include = try globs(entry.value, key: "include")
            case "exclude": filter.exclude = try globs(entry.value, key: "exclude")
            default: filter.maxSize = try maxSize(entry.value)
            }
        }
        return filter
    }

    private func globs(_ node: Node, key: String) throws(RecipeError) -> [Glob] {
        let items = try reader.strings(node, key: key, in: "'files'", allowScalar: true, example: "[\"**/*.py\"]")
        var globs: [Glob] = []
        for item in items { globs.append(try glob(item.value, at: item.node, key: key)) }
        return globs
    }

    func glob(_ pattern: String, at node: Node, key: String) throws(RecipeError) -> Glob {
        do {
            return try Glob(pattern)
        } catch {
            throw RecipeError(
                .invalidGlob, "invalid glob in '\(key)': \(error.message)", at: reader.location(of: node, offset: error.offset),
                key: key, hint: "globs use *, **, ?, [abc]; e.g. \"src/**/*.py\"")
        }
    }

    private func maxSize(_ node: Node) throws(RecipeError) -> Int {
        let text = try reader.string(node, key: "max_size", in: "'files'")
        guard let size = ByteSize.parse(text), size > 0 else {
            throw reader.error(
                .invalidValue, "'max_size' in 'files' must be a positive size, not '\(text)'", at: node, key: "max_size",
                hint: "write bytes (1048576) or a size with a unit: 512KB, 1MB, 2GB")
        }
        return size
    }

    func conditions(_ node: Node) throws(RecipeError) -> [Condition] {
        if node.null != nil { return [] }
        let items = try reader.sequence(node, key: "when", in: "recipe", example: "'when: [{ contains: \"import os\" }]'")
        var conditions: [Condition] = []
        for (index, item) in items.enumerated() {
            let context = "item \(index + 1) of 'when'"
            let entries = try reader.entries(
                of: item, in: context, valid: Condition.keys, expected: "a mapping with one condition, e.g. '- path: \"**/*.py\"'")
            guard let entry = entries.first else {
                throw reader.error(
                    .invalidValue, "\(context) is empty", at: item,
                    hint: "give one of: \(Condition.keys.joined(separator: ", "))")
            }
            if entries.count > 1 {
                throw reader.error(
                    .invalidValue, "\(context) has more than one condition ('\(entry.key)' and '\(entries[1].key)')",
                    at: entries[1].keyNode, key: entries[1].key, hint: "write one condition per item; all must hold")
            }
            conditions.append(try condition(entry, context: context))
        }
        return conditions
    }

    private func condition(_ entry: YAMLReader.Entry, context: String) throws(RecipeError) -> Condition {
        switch entry.key {
        case "contains":
            return .contains(try reader.nonEmptyString(entry.value, key: "contains", in: context))
        case "matches":
            let pattern = try reader.nonEmptyString(entry.value, key: "matches", in: context)
            return .matches(try regex(pattern, at: entry.value, key: "matches"))
        case "path":
            let pattern = try reader.string(entry.value, key: "path", in: context)
            return .path(try glob(pattern, at: entry.value, key: "path"))
        default:
            let pattern = try reader.string(entry.value, key: entry.key, in: context)
            return .repositoryHas(try glob(pattern, at: entry.value, key: entry.key))
        }
    }

    func regex(_ pattern: String, flags: RegexFlags = [], at node: Node, key: String) throws(RecipeError) -> RegexPattern {
        do {
            return try RegexPattern(pattern, flags: flags)
        } catch {
            throw reader.error(
                .invalidRegex, "'\(key)': \(error.message)", at: node, key: key,
                hint: "patterns use ICU syntax (as NSRegularExpression); quote them with '…' in YAML")
        }
    }
}
