/// Finds `:[name]` and `:[_]` in a template's text.
///
/// A name is one or more identifier bytes (`A-Z a-z 0-9 _`); `_` alone is the anonymous hole.
/// Comby's other hole forms are refused with a hint rather than read as literal text:
/// `:[[name]]` (identifier hole) and `:[name~regex]` (regex hole). Any other `:[` is literal.
enum HoleSyntax {
    struct Span: Sendable, Hashable {
        var range: Range<Int>
        var name: String
        var isAnonymous: Bool { name == "_" }
    }

    static let identifierBytes = ByteSet(Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_".utf8))

    static func holes(in text: [UInt8], part: RewriteRuleError.Part) throws(RewriteRuleError) -> [Span] {
        var spans: [Span] = []
        var i = 0
        let colon = UInt8(ascii: ":")
        let open = UInt8(ascii: "[")
        let close = UInt8(ascii: "]")
        while i + 1 < text.count {
            guard text[i] == colon, text[i + 1] == open else {
                i += 1
                continue
            }
            // Comby's identifier hole `:[[name]]`.
            if i + 2 < text.count, text[i + 2] == open {
                let end = identifierEnd(text, from: i + 3)
                if end > i + 3, end + 1 < text.count, text[end] == close, text[end + 1] == close {
                    let name = String(decoding: text[(i + 3)..<end], as: UTF8.self)
                    throw RewriteRuleError(
                        .unsupportedHole, identifierHole(name), part: part, offset: i,
                        hint: identifierHoleHint(name))
                }
            }
            let end = identifierEnd(text, from: i + 2)
            guard end > i + 2, end < text.count else {
                i += 1
                continue
            }
            let name = String(decoding: text[(i + 2)..<end], as: UTF8.self)
            if text[end] == UInt8(ascii: "~") {
                throw RewriteRuleError(
                    .unsupportedHole, regexHole(name), part: part, offset: i, hint: regexHoleHint(name))
            }
            guard text[end] == close else {
                i += 1
                continue
            }
            spans.append(Span(range: i..<(end + 1), name: name))
            i = end + 1
        }
        return spans
    }

    private static func identifierEnd(_ text: [UInt8], from start: Int) -> Int {
        var end = start
        while end < text.count, identifierBytes.contains(text[end]) { end += 1 }
        return end
    }

    // MARK: Messages

    static func identifierHole(_ name: String) -> String { "`:[[\(name)]]` (Comby's identifier hole) is not supported" }
    static func identifierHoleHint(_ name: String) -> String { "write `:[\(name)]` with a constraint `matches: '\\w+'`" }
    static func regexHole(_ name: String) -> String { "`:[\(name)~…]` (Comby's regex hole) is not supported" }
    static func regexHoleHint(_ name: String) -> String {
        "write `:[\(name)]` and put the regular expression in a `matches` constraint on \(name)"
    }
}
