/// Estimates how many tokens a text costs, without a tokenizer.
///
/// **Method**: one token per 3 bytes, rounded up (`⌈bytes / 3⌉`), plus a small fixed cost per
/// file (its path as a header and the separators around it). Byte-pair tokenizers of current
/// code models (o200k-class vocabularies) average about 3.5–4.5 bytes per token on source code
/// and English, fewer on dense punctuation, minified code and non-Latin text; 3 bytes per token
/// is chosen to over-estimate typical code by roughly 15–35 %, so that a request packed to the
/// window by this estimate fits a real tokenizer's count too.
///
/// **Accuracy**: not measured — sparkd has no tokenizer (or its vocabulary) to compare with
/// offline. The figures above are the published averages, not our measurement; a real
/// endpoint reports exact counts, which should replace the estimate in its usage.
///
/// Constant time per file (it needs only the byte count), so estimating costs nothing beside
/// reading the blob.
package enum TokenEstimator {
    package static let bytesPerToken = 3

    /// Tokens of `byteCount` bytes of content.
    package static func tokens(byteCount: Int) -> Int {
        (byteCount + bytesPerToken - 1) / bytesPerToken
    }

    /// Tokens of a text.
    package static func tokens(_ text: String) -> Int { tokens(byteCount: text.utf8.count) }

    /// A unit's header in a prompt or an answer: its path and delimiters.
    package static func header(path: String) -> Int { tokens(byteCount: path.utf8.count) + 6 }

    /// The answer for a unit left unchanged ("unchanged: PATH").
    package static let unchangedAnswer = 2

    /// Output tokens for one unit: its header and new content, or the short "unchanged" answer.
    package static func outputTokens(path: String, output: [UInt8]?) -> Int {
        guard let output else { return unchangedAnswer }
        return header(path: path) + tokens(byteCount: output.count)
    }

    /// Output tokens reserved for a unit of `byteCount` bytes: its header and its content grown
    /// by an eighth (fixers and rewrites rarely grow a file more), plus a little slack.
    package static func outputBudget(path: String, byteCount: Int) -> Int {
        let content = tokens(byteCount: byteCount)
        return header(path: path) + content + content / 8 + 16
    }

    /// Tokens of a request's instructions beyond its text: the system prompt that frames the
    /// job ("apply this program to every file below; answer each file whole or 'unchanged'").
    package static let systemPrompt = 64
}
