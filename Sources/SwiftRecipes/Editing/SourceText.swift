internal import SwiftParser
internal import SwiftSyntax

/// A Swift file being rewritten: its bytes, its syntax tree, and the text helpers the
/// rewriters share (indentation of a line, the exact source of a node).
struct SourceText {
    let bytes: [UInt8]
    let tree: SourceFileSyntax

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        tree = bytes.withUnsafeBufferPointer { Parser.parse(source: $0) }
    }

    /// Whether the file has syntax errors (rewriters leave such files alone).
    var hasErrors: Bool { tree.hasError }

    /// The source of `node` without its leading and trailing trivia.
    func text(_ node: some SyntaxProtocol) -> String {
        String(decoding: bytes[node.positionAfterSkippingLeadingTrivia.utf8Offset..<node.endPositionBeforeTrailingTrivia.utf8Offset], as: UTF8.self)
    }

    /// The bytes `start..<end` as text.
    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The spaces and tabs that start the line holding `offset`.
    func indentation(at offset: Int) -> String {
        var lineStart = min(offset, bytes.count)
        while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        var end = lineStart
        while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
        return text(lineStart, end)
    }

    /// One level of indentation as the file writes it: the smallest non-zero indentation
    /// of a line, or four spaces.
    var indentUnit: String {
        var best: String?
        var lineStart = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "\n") {
            var end = lineStart
            while end < index, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
            if end > lineStart, end < index, best.map({ end - lineStart < $0.utf8.count }) ?? true {
                best = text(lineStart, end)
            }
            lineStart = index + 1
        }
        return best ?? "    "
    }

    /// The 1-based line of a byte offset.
    func line(of offset: Int) -> Int {
        1 + bytes[0..<min(offset, bytes.count)].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    /// `edits` applied, in order of position; an edit that overlaps one already taken is
    /// dropped (the rewriter's next pass picks it up). Nil when there are none.
    func applying(_ edits: [SourceEdit]) -> [UInt8]? {
        let ordered = edits.enumerated().sorted { a, b in
            (a.element.start, a.element.end, a.offset) < (b.element.start, b.element.end, b.offset)
        }.map(\.element)
        var taken: [SourceEdit] = []
        for edit in ordered where !taken.contains(where: { $0.overlaps(edit) }) { taken.append(edit) }
        guard !taken.isEmpty else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var cursor = 0
        for edit in taken {
            guard edit.start >= cursor else { continue }
            output += bytes[cursor..<edit.start]
            output += Array(edit.text.utf8)
            cursor = edit.end
        }
        output += bytes[cursor...]
        return output == bytes ? nil : output
    }
}

extension SyntaxProtocol {
    /// UTF-8 offset of the first byte after leading trivia.
    var start: Int { positionAfterSkippingLeadingTrivia.utf8Offset }
    /// UTF-8 offset just past the last byte before trailing trivia.
    var end: Int { endPositionBeforeTrailingTrivia.utf8Offset }
}
