/// What a rule did to one file.
package struct RewriteResult: Sendable {
    /// The file after the rewrite: every byte outside the matched ranges as it was.
    package var output: [UInt8]
    /// How many non-overlapping matches were replaced.
    package var matchCount: Int
    /// Why the rule did less than it could: it skipped the file, or stopped early.
    package var notice: RewriteNotice?

    package init(output: [UInt8], matchCount: Int, notice: RewriteNotice? = nil) {
        self.output = output
        self.matchCount = matchCount
        self.notice = notice
    }

    /// Whether any match was replaced (a replacement can equal the text it replaces).
    package var matched: Bool { matchCount > 0 }
}

/// Why a rule left (part of) a file alone. Each says what happened and what to do.
package enum RewriteNotice: Sendable, Hashable, CustomStringConvertible {
    /// The file is not valid UTF-8 (at this byte offset); the rule did nothing.
    case invalidUTF8(offset: Int)
    /// The match template does not compile under this language's comment and string syntax;
    /// the rule did nothing.
    case templateInvalid(language: SourceLanguage, error: RewriteRuleError)
    /// Matching took more steps than the file's budget allows; matches before `offset` were
    /// replaced, the rest of the file was left as it was.
    case budgetExhausted(offset: Int)
    /// The file is too large for the matcher's 32-bit index; the rule did nothing.
    case tooLarge(bytes: Int)

    package var description: String {
        switch self {
        case .invalidUTF8(let offset):
            "not valid UTF-8 at byte \(offset); the rewrite skipped the file (convert it to UTF-8 to rewrite it)"
        case .templateInvalid(let language, let error):
            "the match template is not valid \(language.rawValue): \(error.message); the rewrite skipped the file "
                + "(set the rule's language, or restrict it to languages where the template is valid)"
        case .budgetExhausted(let offset):
            "matching backtracked too much at byte \(offset); the rest of the file was left unchanged "
                + "(anchor the template with more literal text, or avoid a leading hole)"
        case .tooLarge(let bytes):
            "the file has \(bytes) bytes, more than the matcher indexes; the rewrite skipped it"
        }
    }
}
