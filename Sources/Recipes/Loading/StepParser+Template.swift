internal import Yams

extension StepParser {
    static let templateKeys = ["path", "content", "source", "mode"]

    /// `template: { path, content | source, mode }`.
    func templateStep(_ value: Node, step: StepContext) throws(RecipeError) -> TemplateStep {
        let context = "'template' of \(step.context)"
        let entries = try reader.entries(
            of: value, in: context, valid: Self.templateKeys,
            expected: "a mapping such as '{ path: .editorconfig, content: \"root = true\\n\" }'")
        guard entries.contains(where: { $0.key == "path" }) else {
            throw reader.error(
                .missingKey, "missing required key 'path' in \(context)", at: value, key: "path",
                hint: "add 'path:' with the file to write, relative to the repository root")
        }
        let bodies = entries.filter { $0.key == "content" || $0.key == "source" }
        guard !bodies.isEmpty else {
            throw reader.error(
                .missingKey, "\(context) needs 'content' or 'source'", at: value, key: "content",
                hint: "write the template inline ('content:') or name a .mustache file beside the recipe ('source:')")
        }
        if bodies.count > 1 {
            throw reader.error(
                .invalidValue, "\(context) has both 'content' and 'source'", at: bodies[1].keyNode, key: bodies[1].key,
                hint: "keep one of them")
        }
        var step_ = TemplateStep(path: TemplateText(literal: ""), content: TemplateText(literal: ""), name: step.name, location: step.location)
        var pathNode = value
        for entry in entries {
            switch entry.key {
            case "path":
                let source = try reader.nonEmptyString(entry.value, key: "path", in: context)
                step_.path = try text(source, at: entry.value, key: "path")
                pathNode = entry.value
            case "content":
                let source = try reader.string(entry.value, key: "content", in: context)
                step_.content = try text(source, at: entry.value, key: "content")
            case "source":
                let name = try reader.nonEmptyString(entry.value, key: "source", in: context)
                step_.source = name
                step_.content = try sourceTemplate(name, at: entry.value)
            default:
                let mode = try reader.string(entry.value, key: "mode", in: context)
                guard let parsed = TemplateStep.Mode(rawValue: mode) else {
                    let modes = TemplateStep.Mode.allCases.map(\.rawValue)
                    throw reader.error(
                        .invalidValue, "unknown template mode '\(mode)'" + Suggestions.didYouMean(mode, in: modes),
                        at: entry.value, key: "mode", hint: "mode is one of: \(modes.joined(separator: ", "))")
                }
                step_.mode = parsed
            }
        }
        if let defaults = defaults(for: [step_.path]), let problem = RepositoryPath.problem(step_.path.render(defaults)) {
            throw reader.error(
                .pathOutsideRepository, "template path: \(problem)", at: pathNode, key: "path",
                hint: "write a path relative to the repository root, e.g. 'docs/CONTRIBUTING.md'")
        }
        return step_
    }

    /// The template in file `name` beside the recipe; its errors point into that file.
    private func sourceTemplate(_ name: String, at node: Node) throws(RecipeError) -> TemplateText {
        if name.hasPrefix("/") || name.split(separator: "/").contains("..") {
            throw reader.error(
                .invalidValue, "template source '\(name)' must be a file beside the recipe (no '..', not absolute)",
                at: node, key: "source", hint: "put the .mustache file in the recipe's directory")
        }
        guard let contents = readSource(name) else {
            throw reader.error(
                .unreadable, "cannot read template source '\(name)'", at: node, key: "source",
                hint: "the file is looked up beside the recipe's .yml file")
        }
        let file = Self.sibling(name, of: reader.file)
        let template: TemplateText
        do {
            template = try TemplateText(contents, location: RecipeLocation(file: file, line: 1, column: 1))
        } catch {
            let (line, column) = Self.lineAndColumn(ofOffset: error.offset, in: contents)
            throw RecipeError(
                .invalidTemplate, "invalid template: \(error.message)", file: file, line: line, column: column,
                key: "source", hint: "parameters are written {{name}}; write '{{=<% %>=}}' first to use a literal '{{'")
        }
        let known = parameters.map(\.name) + ParameterDeclaration.builtinNames
        for reference in template.references where !known.contains(reference.name) {
            let (line, column) = Self.lineAndColumn(ofOffset: reference.offset, in: contents)
            throw RecipeError(
                .unknownParameter,
                "'{{\(reference.name)}}' is not a parameter of recipe '\(reader.file)'"
                    + Suggestions.didYouMean(reference.name, in: known),
                file: file, line: line, column: column, key: reference.name,
                hint: "declare it under 'parameters:' in the recipe")
        }
        return template
    }

    /// `name` in the directory of `file`.
    static func sibling(_ name: String, of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return name }
        return String(file[...slash]) + name
    }

    /// 1-based line and column of the Unicode scalar at `offset` in `text`.
    static func lineAndColumn(ofOffset offset: Int, in text: String) -> (Int, Int) {
        var line = 1
        var column = 1
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if index == offset { break }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
