/// A language's comments and string literals, compiled for a byte scanner: which bytes can start
/// something, and the delimiters to try there, comments before strings, longest first.
///
/// Each comment or string form gets a `kind` number; a hole or literal inside a template's string
/// only matches inside a source token of the same kind.
struct Lexer: Sendable {
    struct Form: Sendable {
        var open: [UInt8]
        var close: [UInt8]
        var escape: UInt8?
        var multiline: Bool
        var isLineComment: Bool
        var nests: Bool
        var kind: Int32
        /// What opens an interpolated expression (`\(`, `${`); it runs as code to the bracket
        /// closing its last byte, so quotes inside it do not end the literal.
        var interpolation: [UInt8]? = nil
    }

    /// Interpolations nested deeper than this are read as literal text: a bound on recursion
    /// for adversarial input.
    static let maxInterpolationDepth = 8

    /// Tried in order at a position whose byte is in `starts`.
    let forms: [Form]
    /// First bytes of every opening delimiter.
    let starts: ByteSet

    /// No comments and no strings: every byte is code.
    static let plain = Lexer(LexicalSyntax())

    init(_ syntax: LexicalSyntax) {
        var forms: [Form] = []
        var kind: Int32 = 0
        for prefix in syntax.lineComments.sorted(by: { $0.count > $1.count }) where !prefix.isEmpty {
            forms.append(
                Form(open: prefix, close: [], escape: nil, multiline: false, isLineComment: true, nests: false, kind: kind))
            kind += 1
        }
        for block in syntax.blockComments.sorted(by: { $0.open.count > $1.open.count }) where !block.open.isEmpty {
            forms.append(
                Form(
                    open: block.open, close: block.close, escape: nil, multiline: true, isLineComment: false,
                    nests: syntax.nestedBlockComments, kind: kind))
            kind += 1
        }
        for string in syntax.strings where !string.open.isEmpty {
            forms.append(
                Form(
                    open: string.open, close: string.close, escape: string.escape, multiline: string.multiline,
                    isLineComment: false, nests: false, kind: kind,
                    interpolation: string.interpolation.flatMap { $0.isEmpty ? nil : $0 }))
            kind += 1
        }
        self.forms = forms
        starts = ByteSet(forms.map { $0.open[0] })
    }

    /// The comment or string literal starting at `start`, if one does.
    @inline(__always)
    func token(at start: Int, in p: UnsafeBufferPointer<UInt8>) -> LexicalToken? {
        token(at: start, in: p, depth: 0)
    }

    private func token(at start: Int, in p: UnsafeBufferPointer<UInt8>, depth: Int) -> LexicalToken? {
        for form in forms where p.hasPrefix(form.open, at: start) {
            return scan(form, from: start, in: p, depth: depth)
        }
        return nil
    }

    private func scan(_ form: Form, from start: Int, in p: UnsafeBufferPointer<UInt8>, depth: Int) -> LexicalToken {
        let count = p.count
        let bodyStart = start + form.open.count
        var q = bodyStart
        if form.isLineComment {
            while q < count, p[q] != 0x0A { q += 1 }
            return LexicalToken(start: start, end: q, bodyStart: bodyStart, bodyEnd: q, kind: form.kind, terminated: true)
        }
        let close0 = form.close.first
        var depth = 1
        while q < count {
            let byte = p[q]
            if let interpolation = form.interpolation, byte == interpolation[0], depth < Self.maxInterpolationDepth,
                p.hasPrefix(interpolation, at: q)
            {
                q = interpolationEnd(
                    from: q + interpolation.count, opener: interpolation[interpolation.count - 1],
                    stopsAtNewline: !form.multiline, in: p, depth: depth + 1)
                continue
            }
            if let escape = form.escape, byte == escape {
                q = min(q + 2, count)
                continue
            }
            if byte == close0, p.hasPrefix(form.close, at: q) {
                depth -= 1
                if depth == 0 {
                    return LexicalToken(
                        start: start, end: q + form.close.count, bodyStart: bodyStart, bodyEnd: q, kind: form.kind,
                        terminated: true)
                }
                q += form.close.count
                continue
            }
            if form.nests, p.hasPrefix(form.open, at: q) {
                depth += 1
                q += form.open.count
                continue
            }
            if byte == 0x0A, !form.multiline {
                // A single-line literal left open ends with its line, so one stray quote cannot
                // swallow the rest of the file.
                return LexicalToken(start: start, end: q, bodyStart: bodyStart, bodyEnd: q, kind: form.kind, terminated: false)
            }
            q += 1
        }
        return LexicalToken(start: start, end: count, bodyStart: bodyStart, bodyEnd: count, kind: form.kind, terminated: false)
    }

    /// Just past the bracket that closes an interpolation whose opening bracket was just read,
    /// skipping comments and literals inside it; in a single-line literal, at most to the line's
    /// end (where the literal then ends, unterminated).
    private func interpolationEnd(
        from start: Int, opener: UInt8, stopsAtNewline: Bool, in p: UnsafeBufferPointer<UInt8>, depth: Int
    ) -> Int {
        let closer: UInt8 =
            switch opener {
            case UInt8(ascii: "("): UInt8(ascii: ")")
            case UInt8(ascii: "["): UInt8(ascii: "]")
            case UInt8(ascii: "{"): UInt8(ascii: "}")
            default: opener
            }
        var q = start
        var level = 1
        while q < p.count {
            let byte = p[q]
            if starts.contains(byte), let token = token(at: q, in: p, depth: depth) {
                q = token.end
                continue
            }
            if byte == 0x0A, stopsAtNewline { return q }
            if byte == closer {
                level -= 1
                if level == 0 { return q + 1 }
            } else if byte == opener {
                level += 1
            }
            q += 1
        }
        return p.count
    }
}

/// One comment or string literal: `start..<end` with its delimiters, `bodyStart...bodyEnd` the
/// positions between them.
struct LexicalToken: Sendable {
    var start: Int
    var end: Int
    var bodyStart: Int
    var bodyEnd: Int
    var kind: Int32
    /// False for a block comment or string that runs to the end of the input, or a single-line
    /// string that runs to the end of its line.
    var terminated: Bool
}

/// Where a position lies, lexically.
enum LexicalState: Sendable, Hashable {
    /// Outside comments and strings (a token's first byte counts as code: the token starts there).
    case code
    /// Between the delimiters of a comment or string of this kind.
    case body(Int32)
    /// Inside a delimiter (between the two bytes of `*/`, …): no template element starts or ends here.
    case delimiter
}

extension UnsafeBufferPointer<UInt8> {
    @inline(__always)
    func hasPrefix(_ prefix: [UInt8], at position: Int) -> Bool {
        guard position + prefix.count <= count else { return false }
        var i = 0
        while i < prefix.count {
            if self[position + i] != prefix[i] { return false }
            i += 1
        }
        return true
    }
}
