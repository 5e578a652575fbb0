internal import Mustache

/// A recipe string that may use parameters as Mustache tags: `{{holder}}`,
/// `{{#flag}}…{{/flag}}`, `{{^flag}}…{{/flag}}`. Regex patterns and replacements,
/// template paths and contents, fixer options and `include` arguments are such texts.
///
/// Values are inserted as they are (no HTML escaping). Partials, blocks and pragmas
/// are not allowed; `{{=<% %>=}}` changes the delimiters, which is how a template
/// writes a literal `{{` (e.g. `${{ secrets.TOKEN }}` in a GitHub workflow).
package struct TemplateText: Sendable, Hashable, CustomStringConvertible {
    /// The text as written in the recipe.
    package let source: String
    /// Every parameter the text uses, in order of first use, with its offset (in
    /// Unicode scalars) in `source`.
    package let references: [Reference]
    /// Where the text starts in the recipe file, when loaded from one.
    package let location: RecipeLocation?
    /// nil when the text has no tags: it renders as itself.
    private let template: MustacheTemplate?

    package struct Reference: Sendable, Hashable {
        package var name: String
        package var offset: Int
    }

    /// Text without tags, used verbatim.
    package init(literal: String, location: RecipeLocation? = nil) {
        source = literal
        references = []
        self.location = location
        template = nil
    }

    /// Parses `source`; throws for malformed or unsupported tags.
    package init(_ source: String, location: RecipeLocation? = nil) throws(TemplateSyntaxError) {
        self.source = source
        self.location = location
        guard source.contains(Self.defaultOpen) else {
            references = []
            template = nil
            return
        }
        references = try Self.scanReferences(source)
        do {
            template = try MustacheTemplate(string: Self.textPragma + source)
        } catch let error as MustacheTemplate.ParserError {
            // The pragma is prepended on line 1, without a newline.
            let line = error.context.lineNumber
            let column = max(1, error.context.columnNumber - (line == 1 ? Self.textPragma.count : 0))
            throw TemplateSyntaxError(
                message: Self.describe(error.error),
                offset: Self.offset(ofLine: line, column: column, in: source))
        } catch {
            throw TemplateSyntaxError(message: "\(error)", offset: 0)
        }
    }

    /// Whether the text has no tags (renders as `source` whatever the parameters).
    package var isLiteral: Bool { template == nil }

    /// The names of the parameters used, without duplicates, in order of first use.
    package var parameterNames: [String] {
        var seen: Set<String> = []
        return references.map(\.name).filter { seen.insert($0).inserted }
    }

    /// The text with `values` substituted. A name without a value renders empty
    /// (callers check references against declared parameters first).
    package func render(_ values: [String: ParameterValue]) -> String {
        guard let template else { return source }
        var context: [String: Any] = [:]
        for (name, value) in values { context[name] = value.mustacheValue }
        return template.render(context)
    }

    package var description: String { source }

    package static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.source == rhs.source && lhs.location == rhs.location
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        hasher.combine(location)
    }

    static let defaultOpen = "{{"
    static let textPragma = "{{%CONTENT_TYPE:TEXT}}"
}

/// A malformed `{{…}}` tag: what is wrong and where (Unicode-scalar offset in the text).
package struct TemplateSyntaxError: Error, Sendable, Hashable {
    package var message: String
    package var offset: Int
}

extension TemplateText {
    /// Finds the names used by variable and section tags, following delimiter changes,
    /// and rejects tags that recipes do not support.
    static func scanReferences(_ source: String) throws(TemplateSyntaxError) -> [Reference] {
        let text = Array(source.unicodeScalars)
        var open = Array("{{".unicodeScalars)
        var close = Array("}}".unicodeScalars)
        var references: [Reference] = []
        var index = 0
        while let start = find(open, in: text, from: index) {
            var contentStart = start + open.count
            var closing = close
            // `{{{name}}}` (only with the default delimiters).
            if open == Array("{{".unicodeScalars), contentStart < text.count, text[contentStart] == "{" {
                contentStart += 1
                closing = Array("}}}".unicodeScalars)
            }
            guard let end = find(closing, in: text, from: contentStart) else {
                throw TemplateSyntaxError(
                    message: "tag '\(String(String.UnicodeScalarView(open)))' is never closed with "
                        + "'\(String(String.UnicodeScalarView(closing)))'", offset: start)
            }
            index = end + closing.count
            let content = String(String.UnicodeScalarView(text[contentStart..<end]))
            let trimmed = content.trimmingSpaces()
            guard let sigil = trimmed.unicodeScalars.first else {
                throw TemplateSyntaxError(message: "empty tag", offset: start)
            }
            var name = trimmed
            switch sigil {
            case "!":
                continue
            case "=":
                guard trimmed.count >= 2, trimmed.hasSuffix("=") else {
                    throw TemplateSyntaxError(message: "a delimiter change is written '{{=<% %>=}}'", offset: start)
                }
                let parts = trimmed.dropFirst().dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard parts.count == 2 else {
                    throw TemplateSyntaxError(message: "a delimiter change is written '{{=<% %>=}}'", offset: start)
                }
                open = Array(parts[0].unicodeScalars)
                close = Array(parts[1].unicodeScalars)
                continue
            case ">", "<", "$":
                throw TemplateSyntaxError(
                    message: "partials and blocks ('{{\(sigil)…}}') are not supported in recipes", offset: start)
            case "%":
                throw TemplateSyntaxError(message: "pragmas ('{{%…}}') are not supported in recipes", offset: start)
            case "#", "^", "/", "&":
                name = String(trimmed.dropFirst()).trimmingSpaces()
            default:
                break
            }
            if sigil == "/" || name == "." { continue }
            guard !name.isEmpty else { throw TemplateSyntaxError(message: "tag without a name", offset: start) }
            // `a.b` looks up `b` in parameter `a`; parameters are scalars, but the name is `a`.
            let head = name.split(separator: ".", omittingEmptySubsequences: false).first.map(String.init) ?? name
            references.append(Reference(name: head, offset: start))
        }
        return references
    }

    private static func find(_ needle: [Unicode.Scalar], in text: [Unicode.Scalar], from start: Int) -> Int? {
        guard !needle.isEmpty, text.count >= needle.count, start <= text.count - needle.count else { return nil }
        var index = start
        while index <= text.count - needle.count {
            if text[index] == needle[0], text[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// The Unicode-scalar offset of 1-based `line` and `column` in `text`.
    private static func offset(ofLine line: Int, column: Int, in text: String) -> Int {
        var offset = 0
        var currentLine = 1
        for scalar in text.unicodeScalars {
            if currentLine == line { break }
            offset += 1
            if scalar == "\n" { currentLine += 1 }
        }
        return min(offset + column - 1, text.unicodeScalars.count)
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: "a section is closed with a different name than it was opened with"
        case MustacheTemplate.Error.unfinishedName: "a tag's name is not finished"
        case MustacheTemplate.Error.expectedSectionEnd: "a section ('{{#name}}' or '{{^name}}') is never closed ('{{/name}}')"
        case MustacheTemplate.Error.invalidSetDelimiter: "a delimiter change is written '{{=<% %>=}}'"
        default: "malformed Mustache tag (\(error))"
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
