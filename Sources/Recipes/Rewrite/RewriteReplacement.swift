/// A compiled `replace` template: literal bytes and named holes, substituted verbatim (no
/// whitespace is normalised, no indentation added).
struct RewriteReplacement: Sendable {
    enum Piece: Sendable {
        case text([UInt8])
        case hole(slot: Int)
    }

    let pieces: [Piece]

    init(_ replace: String, slots: [String: Int]) throws(RewriteRuleError) {
        let text = Array(replace.utf8)
        var pieces: [Piece] = []
        var last = 0
        for span in try HoleSyntax.holes(in: text, part: .replace) {
            guard !span.isAnonymous, let slot = slots[span.name] else {
                let message = span.isAnonymous ? Self.anonymous : Self.unbound(span.name)
                throw RewriteRuleError(
                    .unboundHole, message, part: .replace, offset: span.range.lowerBound,
                    hint: Self.unboundHint(slots.keys.sorted()))
            }
            if span.range.lowerBound > last { pieces.append(.text(Array(text[last..<span.range.lowerBound]))) }
            pieces.append(.hole(slot: slot))
            last = span.range.upperBound
        }
        if last < text.count { pieces.append(.text(Array(text[last...]))) }
        self.pieces = pieces
    }

    /// Appends the replacement for the matcher's current bindings.
    func write(into output: inout [UInt8], bytes: UnsafeBufferPointer<UInt8>, matcher: StructuralMatcher) {
        for piece in pieces {
            switch piece {
            case .text(let text): output.append(contentsOf: text)
            case .hole(let slot): output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[matcher.binding(slot)]))
            }
        }
    }

    // MARK: Messages

    static let anonymous = "`:[_]` matches without binding, so the replacement cannot use it"
    static func unbound(_ name: String) -> String { "hole `:[\(name)]` is not bound by the match template" }
    static func unboundHint(_ names: [String]) -> String {
        names.isEmpty
            ? "name the hole in the match template (`:[x]`) to use its text in the replacement"
            : "use one of the match template's holes: " + names.map { "`:[\($0)]`" }.joined(separator: ", ")
    }
}
