internal import Diagnostics

/// A `rewrite` rule that cannot be compiled: what is wrong, in which template and where, and how
/// to fix it.
///
/// Match on codes: `catch let error as RewriteRuleError where error.code == .unbalancedTemplate`.
package struct RewriteRuleError: DiagnosticError, Hashable {
    package enum Code: String, Sendable, Hashable {
        /// The match template is empty or only whitespace.
        case emptyTemplate
        /// The match template has no literal text, only holes and whitespace.
        case noLiteral
        /// A bracket in the match template's code closes a bracket of another kind (`(]`).
        case unbalancedTemplate
        /// A string literal or block comment in the match template is not closed.
        case unterminatedLiteral
        /// A hole form this matcher does not implement (`:[[x]]`, `:[x~regex]`).
        case unsupportedHole
        /// The replacement uses a hole the match template does not bind (or `:[_]`).
        case unboundHole
        /// A `where` constraint names a hole the match template does not bind.
        case unknownConstraintHole
        /// A `matches` / `not-matches` regular expression does not compile.
        case badRegex
    }

    /// Which of the rule's texts the error is in.
    package enum Part: String, Sendable, Hashable {
        case match, replace, `where`
    }

    package var code: Code
    /// What is wrong, in one sentence.
    package var message: String
    package var part: Part
    /// Byte offset in the part's text (after trimming, for `match`), if one position is to blame.
    package var offset: Int?
    /// The language whose comment and string syntax was applied, if any.
    package var language: SourceLanguage?
    /// How to fix it.
    package var hint: String?

    package init(
        _ code: Code, _ message: String, part: Part, offset: Int? = nil, language: SourceLanguage? = nil,
        hint: String? = nil
    ) {
        self.code = code
        self.message = message
        self.part = part
        self.offset = offset
        self.language = language
        self.hint = hint
    }

    /// `rewrite match`: the description reads `rewrite match: message (offset N, as swift)`.
    package var location: String? { "rewrite \(part.rawValue)" }

    /// `offset N, as swift`, whichever is known.
    package var detail: String? {
        var details: [String] = []
        if let offset { details.append("offset \(offset)") }
        if let language { details.append("as \(language.rawValue)") }
        return details.isEmpty ? nil : details.joined(separator: ", ")
    }
}
