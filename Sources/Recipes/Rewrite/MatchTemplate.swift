/// A match template compiled for one language's comment and string syntax: a sequence of
/// literals, whitespace runs and holes, each knowing the lexical state it starts in.
///
/// Compiling lexes the template like source: whitespace in the template's code becomes a
/// flexible `whitespace` element; whitespace inside a template string or comment stays literal;
/// a hole inside a template string only matches inside a source string of the same kind.
struct MatchTemplate: Sendable {
    enum Element: Sendable {
        case literal(Literal)
        /// One or more whitespace bytes in source code, taken greedily.
        case whitespace
        case hole(Hole)
    }

    struct Literal: Sendable {
        var bytes: [UInt8]
        var start: LexicalState
        var end: LexicalState
    }

    struct Hole: Sendable {
        /// Index of the named hole's binding; nil for `:[_]`.
        var slot: Int?
        /// A later use of a hole already bound: must match the same text.
        var isBackReference: Bool
        /// `.code`, or `.body(kind)` inside a string or comment.
        var context: LexicalState
        /// The escape byte of the string the hole is in (body context only).
        var escape: UInt8?
        /// This hole's row in the failure memo, or nil when whether the rest matches depends on
        /// bindings made before it (a later back-reference to an earlier hole).
        var memoRow: Int?
        var hasConstraints: Bool
    }

    /// How the matcher chooses start positions.
    enum StartStrategy: Sendable {
        /// The template starts with a literal: try each of its occurrences.
        case literal
        /// The template starts with an unconstrained hole used once: a failed start rules out
        /// every later start in the same bracket region, so each region is walked once.
        case regions
        /// The template starts with a constrained or repeated hole: try every code position.
        case everyPosition
    }

    var elements: [Element]
    var lexer: Lexer
    var memoRows: Int
    var strategy: StartStrategy
    /// The first literal starts with a word byte: a match may not start right after one.
    var checksStartBoundary: Bool
    /// The last element is a literal ending with a word byte: a match may not end right before one.
    var checksEndBoundary: Bool

    /// Bytes that make up identifiers for the word-boundary checks: ASCII letters, digits, `_`,
    /// and every non-ASCII byte.
    static let wordBytes = HoleSyntax.identifierBytes.union(ByteSet(0x80...0xFF))
    /// Space, tab, LF, CR, vertical tab, form feed.
    static let whitespace = ByteSet.pythonWhitespace

    /// - Parameters:
    ///   - text: the match template, trimmed.
    ///   - holes: its holes, in order.
    ///   - slots: the binding index of each named hole.
    ///   - constrained: names of holes with `where` constraints.
    init(
        text: [UInt8], holes: [HoleSyntax.Span], slots: [String: Int], constrained: Set<String>, lexer: Lexer,
        language: SourceLanguage?
    ) throws(RewriteRuleError) {
        // Lex the template with its holes blanked out, so their brackets count for nothing.
        var masked = text
        for hole in holes {
            for i in hole.range { masked[i] = 0x01 }
        }
        let index = masked.withUnsafeBufferPointer { SourceIndex($0, lexer: lexer) }
        if let token = index.tokens.first(where: { !$0.terminated }) {
            throw RewriteRuleError(
                .unterminatedLiteral, Self.unterminated, part: .match, offset: token.start, language: language,
                hint: Self.unterminatedHint)
        }
        if let offset = index.firstCrossing {
            let bracket = String(UnicodeScalar(text[offset]))
            throw RewriteRuleError(
                .unbalancedTemplate, Self.unbalanced(bracket), part: .match, offset: offset, language: language,
                hint: Self.unbalancedHint)
        }

        var elements: [Element] = []
        var seen = Set<Int>()
        try masked.withUnsafeBufferPointer { (p) throws(RewriteRuleError) in
            try index.cell.withUnsafeBufferPointer { cell throws(RewriteRuleError) in
                try index.tokens.withUnsafeBufferPointer { tokens throws(RewriteRuleError) in
                    let view = IndexView(bytes: p, cell: cell, tokens: tokens, endState: index.endState)
                    func state(_ position: Int) throws(RewriteRuleError) -> LexicalState {
                        let state = view.state(at: position)
                        if state == .delimiter {
                            throw RewriteRuleError(
                                .unbalancedTemplate, Self.splitDelimiter, part: .match, offset: position, language: language,
                                hint: Self.splitDelimiterHint)
                        }
                        return state
                    }
                    var literal: [UInt8] = []
                    var literalStart = 0
                    func flush(at position: Int) throws(RewriteRuleError) {
                        guard !literal.isEmpty else { return }
                        elements.append(.literal(Literal(bytes: literal, start: try state(literalStart), end: try state(position))))
                        literal = []
                    }
                    var nextHole = 0
                    var i = 0
                    while i < p.count {
                        if nextHole < holes.count, holes[nextHole].range.lowerBound == i {
                            try flush(at: i)
                            let span = holes[nextHole]
                            let context = try state(i)
                            var escape: UInt8?
                            if case .body(let kind) = context { escape = lexer.forms[Int(kind)].escape }
                            let slot = span.isAnonymous ? nil : slots[span.name]
                            let isBackReference = slot.map { !seen.insert($0).inserted } ?? false
                            elements.append(
                                .hole(
                                    Hole(
                                        slot: slot, isBackReference: isBackReference, context: context, escape: escape,
                                        memoRow: nil, hasConstraints: constrained.contains(span.name))))
                            i = span.range.upperBound
                            nextHole += 1
                            continue
                        }
                        if Self.whitespace.contains(p[i]), view.state(at: i) == .code {
                            try flush(at: i)
                            while i < p.count, Self.whitespace.contains(p[i]), view.state(at: i) == .code { i += 1 }
                            elements.append(.whitespace)
                            continue
                        }
                        if literal.isEmpty { literalStart = i }
                        literal.append(text[i])
                        i += 1
                    }
                    try flush(at: p.count)
                }
            }
        }

        // Memo rows: a hole's failure at a position can be remembered unless a later element
        // refers back to a hole bound before it.
        var firstUse: [Int: Int] = [:]
        var lastBackReferenceToEarlier = [Int](repeating: -1, count: elements.count)
        for (i, element) in elements.enumerated() {
            guard case .hole(let hole) = element, let slot = hole.slot else { continue }
            if let first = firstUse[slot] {
                // Every element in (first, i] depends on the binding made at `first`.
                for j in (first + 1)...i { lastBackReferenceToEarlier[j] = max(lastBackReferenceToEarlier[j], i) }
            } else {
                firstUse[slot] = i
            }
        }
        var rows = 0
        for i in elements.indices {
            guard case .hole(var hole) = elements[i], !hole.isBackReference, lastBackReferenceToEarlier[i] < 0 else { continue }
            hole.memoRow = rows
            rows += 1
            elements[i] = .hole(hole)
        }

        self.elements = elements
        self.lexer = lexer
        memoRows = rows
        switch elements.first {
        case .hole(let hole):
            let usedAgain = hole.slot.map { slot in elements.dropFirst().contains { $0.slot == slot } } ?? false
            strategy = hole.hasConstraints || usedAgain ? .everyPosition : .regions
        default:
            strategy = .literal
        }
        if case .literal(let first) = elements.first {
            checksStartBoundary = Self.wordBytes.contains(first.bytes[0])
        } else {
            checksStartBoundary = false
        }
        if case .literal(let last) = elements.last {
            checksEndBoundary = Self.wordBytes.contains(last.bytes[last.bytes.count - 1])
        } else {
            checksEndBoundary = false
        }
    }

    // MARK: Messages

    static let unterminated = "a string literal or block comment in the match template is not closed"
    static let unterminatedHint = "close it in the template, or set the rule's language if the template is not in this one"
    static func unbalanced(_ bracket: String) -> String {
        "`\(bracket)` in the match template closes a bracket of another kind"
    }
    static let unbalancedHint =
        "pair brackets in the template outside strings and comments; a template may only end inside brackets it opens or start after closers"
    static let splitDelimiter = "a hole or space splits a comment or string delimiter in the match template"
    static let splitDelimiterHint = "keep delimiters such as `/*` or `\"\"\"` together"
}

extension MatchTemplate.Element {
    var slot: Int? {
        if case .hole(let hole) = self { return hole.slot }
        return nil
    }
}

extension ByteSet {
    func union(_ other: ByteSet) -> ByteSet {
        var result = self
        for byte in UInt8.min...UInt8.max where other.contains(byte) { result.insert(byte) }
        return result
    }
}
