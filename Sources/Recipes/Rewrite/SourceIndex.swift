/// Comments, string literals and bracket pairs of one buffer, per byte, built in one pass.
///
/// `cell[p]` at a code position `p` (outside comments and strings, or at a token's first byte):
/// - `0`: an ordinary byte; the next atom starts after its UTF-8 character;
/// - `> 0`: the position just after the atom starting here: a whole comment or string literal, or
///   a bracket group through its matching closer;
/// - `unmatchedOpener`, `closer` or `strayCloser` (one that closes nothing): a hole cannot extend
///   over it.
///
/// At a position strictly inside a comment or string: `insideBase - tokenIndex` (≤ `insideBase`).
///
/// Brackets pair like a stack; a closer whose kind is deeper in the stack closes that opener and
/// leaves the ones above it unmatched; a closer of a kind not open is unmatched. Each opener is
/// popped at most once, so building is O(n).
struct SourceIndex {
    static let unmatchedOpener: Int32 = -1
    static let closer: Int32 = -2
    static let strayCloser: Int32 = -3
    static let insideBase: Int32 = -4

    var cell: [Int32]
    var tokens: [LexicalToken]
    /// The state at the end of the buffer: inside a literal or comment that runs to the end, or code.
    var endState: LexicalState
    /// The first closer that meets an open bracket of another kind (`(]`, `([)`), for template
    /// validation. Openers left open at the end and closers with nothing open are not counted:
    /// a template may end inside a block it opens (`if let :[x] = :[x] {`) or start after one it
    /// closes (`} else {`).
    var firstCrossing: Int?

    init(_ p: UnsafeBufferPointer<UInt8>, lexer: Lexer) {
        let count = p.count
        var cell = [Int32](repeating: 0, count: count)
        var tokens: [LexicalToken] = []
        var firstCrossing: Int?
        // Open brackets: positions and kinds, and how many of each kind are open.
        var stack: [(position: Int, kind: UInt8)] = []
        var open: (Int, Int, Int) = (0, 0, 0)
        let starts = lexer.starts
        cell.withUnsafeMutableBufferPointer { cell in
            var q = 0
            while q < count {
                let byte = p[q]
                if starts.contains(byte), let token = lexer.token(at: q, in: p) {
                    let inside = Self.insideBase - Int32(tokens.count)
                    tokens.append(token)
                    cell[q] = Int32(token.end)
                    var r = q + 1
                    while r < token.end {
                        cell[r] = inside
                        r += 1
                    }
                    q = token.end
                    continue
                }
                switch byte {
                case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                    let kind = Self.bracketKind(byte)
                    cell[q] = Self.unmatchedOpener
                    stack.append((q, kind))
                    Self.adjust(&open, kind, by: 1)
                case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                    let kind = Self.bracketKind(byte)
                    cell[q] = Self.strayCloser
                    if let top = stack.last, top.kind != kind, firstCrossing == nil { firstCrossing = q }
                    if Self.get(open, kind) > 0 {
                        cell[q] = Self.closer
                        while let top = stack.popLast() {
                            Self.adjust(&open, top.kind, by: -1)
                            if top.kind == kind {
                                cell[top.position] = Int32(q + 1)
                                break
                            }
                        }
                    }
                default:
                    break
                }
                q += 1
            }
        }
        self.cell = cell
        self.tokens = tokens
        self.firstCrossing = firstCrossing
        if let last = tokens.last, last.end == count, last.bodyEnd == count {
            endState = .body(last.kind)
        } else {
            endState = .code
        }
    }

    @inline(__always)
    static func bracketKind(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"): 0
        case UInt8(ascii: "["), UInt8(ascii: "]"): 1
        default: 2
        }
    }

    @inline(__always)
    private static func get(_ open: (Int, Int, Int), _ kind: UInt8) -> Int {
        switch kind {
        case 0: open.0
        case 1: open.1
        default: open.2
        }
    }

    @inline(__always)
    private static func adjust(_ open: inout (Int, Int, Int), _ kind: UInt8, by delta: Int) {
        switch kind {
        case 0: open.0 += delta
        case 1: open.1 += delta
        default: open.2 += delta
        }
    }
}

/// Read access to a `SourceIndex` through pointers, for the matcher's inner loops.
struct IndexView {
    let bytes: UnsafeBufferPointer<UInt8>
    let cell: UnsafeBufferPointer<Int32>
    let tokens: UnsafeBufferPointer<LexicalToken>
    let endState: LexicalState

    @inline(__always) var count: Int { bytes.count }

    @inline(__always)
    func state(at position: Int) -> LexicalState {
        if position >= bytes.count { return endState }
        let c = cell[position]
        if c > SourceIndex.insideBase { return .code }
        let token = tokens[Int(SourceIndex.insideBase - c)]
        if position >= token.bodyStart && position <= token.bodyEnd { return .body(token.kind) }
        return .delimiter
    }

    /// The token whose body holds `position`, if any.
    @inline(__always)
    func token(containing position: Int) -> LexicalToken? {
        guard position < bytes.count else {
            if case .body = endState { return tokens.last }
            return nil
        }
        let c = cell[position]
        guard c <= SourceIndex.insideBase else { return nil }
        return tokens[Int(SourceIndex.insideBase - c)]
    }

    /// The end of the atom starting at code position `position`, or nil where a hole in code
    /// must stop: the end of the input, a closer, an unmatched opener.
    @inline(__always)
    func codeAtomEnd(after position: Int) -> Int? {
        guard position < bytes.count else { return nil }
        let c = cell[position]
        if c == 0 { return position + utf8Length(bytes[position], at: position) }
        if c > 0 { return Int(c) }
        return nil
    }

    /// The end of the character at `position` inside a literal or comment body, taking an escape
    /// and the character after it together.
    @inline(__always)
    func bodyAtomEnd(after position: Int, escape: UInt8?) -> Int {
        var end = position + utf8Length(bytes[position], at: position)
        if let escape, bytes[position] == escape, end < bytes.count {
            end += utf8Length(bytes[end], at: end)
        }
        return end
    }

    @inline(__always)
    func utf8Length(_ lead: UInt8, at position: Int) -> Int {
        let length = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        return min(length, bytes.count - position)
    }
}
