/// Everything a `RewriteRule` compiles once: the match template for each language it may meet,
/// the replacement, the constraints, and the pre-filter.
final class RewriteProgram: Sendable {
    /// The longest run of the match template without holes or whitespace: every match contains it.
    let prefilter: [UInt8]
    /// Named holes, by binding slot.
    let slotNames: [String]
    let replacement: RewriteReplacement
    /// Per slot.
    let constraints: [[CompiledConstraint]]
    /// The rule's language, or every language when the rule has none.
    let templates: [SourceLanguage: Result<MatchTemplate, RewriteRuleError>]
    /// For files of no known language (rules without a language only).
    let plain: MatchTemplate?

    init(match: String, replace: String, constraints: [HoleConstraint], language: SourceLanguage?) throws(RewriteRuleError) {
        let text = Self.trimmed(Array(match.utf8))
        guard !text.isEmpty else {
            throw RewriteRuleError(.emptyTemplate, Self.empty, part: .match, hint: Self.emptyHint)
        }
        let holes = try HoleSyntax.holes(in: text, part: .match)
        var slots: [String: Int] = [:]
        var names: [String] = []
        for hole in holes where !hole.isAnonymous && slots[hole.name] == nil {
            slots[hole.name] = names.count
            names.append(hole.name)
        }
        prefilter = Self.longestRun(text, holes: holes)
        guard !prefilter.isEmpty else {
            throw RewriteRuleError(.noLiteral, Self.noLiteral, part: .match, hint: Self.noLiteralHint)
        }
        slotNames = names

        var compiled = [[CompiledConstraint]](repeating: [], count: names.count)
        for constraint in constraints {
            guard let slot = slots[constraint.hole] else {
                throw RewriteRuleError(
                    .unknownConstraintHole, Self.unknownHole(constraint.hole), part: .where,
                    hint: RewriteReplacement.unboundHint(names.sorted()))
            }
            compiled[slot].append(try CompiledConstraint(constraint))
        }
        self.constraints = compiled
        replacement = try RewriteReplacement(replace, slots: slots)

        let constrained = Set(constraints.map(\.hole))
        func compile(_ lexer: Lexer, _ language: SourceLanguage?) throws(RewriteRuleError) -> MatchTemplate {
            try MatchTemplate(
                text: text, holes: holes, slots: slots, constrained: constrained, lexer: lexer, language: language)
        }
        if let language {
            templates = [language: .success(try compile(Lexer(language.syntax), language))]
            plain = nil
        } else {
            // Without a language the template must make sense as plain text; a language under
            // whose syntax it does not (an apostrophe opening a string, …) skips its files.
            plain = try compile(.plain, nil)
            var templates: [SourceLanguage: Result<MatchTemplate, RewriteRuleError>] = [:]
            for language in SourceLanguage.allCases {
                do throws(RewriteRuleError) {
                    templates[language] = .success(try compile(Lexer(language.syntax), language))
                } catch {
                    templates[language] = .failure(error)
                }
            }
            self.templates = templates
        }
    }

    func rewrite(_ bytes: [UInt8], path: String, language: SourceLanguage?) -> RewriteResult? {
        bytes.withUnsafeBufferPointer { p in
            let found = prefilter.withUnsafeBufferPointer { p.firstOccurrence(of: $0, from: 0) }
            guard found != nil else { return nil }
            if let offset = p.firstInvalidUTF8Offset() {
                return RewriteResult(output: bytes, matchCount: 0, notice: .invalidUTF8(offset: offset))
            }
            guard p.count < Int(Int32.max) else {
                return RewriteResult(output: bytes, matchCount: 0, notice: .tooLarge(bytes: p.count))
            }
            let detected = language ?? SourceLanguage.detect(path: path, firstLine: Self.firstLine(p))
            let template: MatchTemplate
            if let detected, let compiled = templates[detected] {
                switch compiled {
                case .success(let success): template = success
                case .failure(let error):
                    return RewriteResult(output: bytes, matchCount: 0, notice: .templateInvalid(language: detected, error: error))
                }
            } else if let plain {
                template = plain
            } else {
                return nil
            }
            return run(template, on: p, original: bytes)
        }
    }

    func run(_ template: MatchTemplate, on p: UnsafeBufferPointer<UInt8>, original: [UInt8]) -> RewriteResult? {
        let index = SourceIndex(p, lexer: template.lexer)
        return index.cell.withUnsafeBufferPointer { cell in
            index.tokens.withUnsafeBufferPointer { tokens in
                let view = IndexView(bytes: p, cell: cell, tokens: tokens, endState: index.endState)
                var matcher = StructuralMatcher(
                    template: template, view: view, slotCount: slotNames.count, constraints: constraints)
                var output: [UInt8] = []
                var copied = 0
                var matches = 0
                var position = 0
                while let range = matcher.find(from: position) {
                    if matches == 0 { output.reserveCapacity(p.count + p.count / 8) }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied..<range.lowerBound]))
                    replacement.write(into: &output, bytes: p, matcher: matcher)
                    copied = range.upperBound
                    matches += 1
                    position = range.upperBound
                }
                let notice: RewriteNotice? = matcher.exhausted ? .budgetExhausted(offset: position) : nil
                guard matches > 0 else {
                    return notice.map { RewriteResult(output: original, matchCount: 0, notice: $0) }
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: p[copied...]))
                return RewriteResult(output: output, matchCount: matches, notice: notice)
            }
        }
    }

    private static func trimmed(_ text: [UInt8]) -> [UInt8] {
        guard let first = text.firstIndex(where: { !MatchTemplate.whitespace.contains($0) }),
            let last = text.lastIndex(where: { !MatchTemplate.whitespace.contains($0) })
        else { return [] }
        return Array(text[first...last])
    }

    private static func longestRun(_ text: [UInt8], holes: [HoleSyntax.Span]) -> [UInt8] {
        var best = 0..<0
        var runStart = 0
        var i = 0
        var nextHole = 0
        func close(_ end: Int) {
            if end - runStart > best.count { best = runStart..<end }
        }
        while i < text.count {
            if nextHole < holes.count, holes[nextHole].range.lowerBound == i {
                close(i)
                i = holes[nextHole].range.upperBound
                runStart = i
                nextHole += 1
            } else if MatchTemplate.whitespace.contains(text[i]) {
                close(i)
                i += 1
                runStart = i
            } else {
                i += 1
            }
        }
        close(text.count)
        return Array(text[best])
    }

    private static func firstLine(_ p: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let limit = min(p.count, 120)
        var end = 0
        while end < limit, p[end] != 0x0A { end += 1 }
        return Array(p[0..<end])
    }

    // MARK: Messages

    static let empty = "the match template is empty"
    static let emptyHint = "write the code to find, with holes like `:[x]` for the parts that vary"
    static let noLiteral = "the match template has no literal text, only holes and whitespace"
    static let noLiteralHint = "anchor the template with code around the holes, as in `foo(:[args])`"
    static func unknownHole(_ name: String) -> String { "the constraint is on `:[\(name)]`, which the match template does not bind" }
}
