import Foundation  // memchr

/// Trims whitespace at the end of every line, keeping each line's ending.
///
/// Mirrors `trailing-whitespace` of pre-commit-hooks 6.0.0
/// (`pre_commit_hooks/trailing_whitespace_fixer.py`) byte for byte:
/// - lines are split on `\n` only (`readlines()`); a line ending in `\r\n` keeps
///   `\r\n`, one ending in `\n` keeps `\n`; any other `\r` is ordinary whitespace,
///   so a lone CR at the end of a line or of the file is stripped;
/// - without `chars`, the stripped set is Python's `bytes.rstrip()` default:
///   space, tab, `\n`, `\r`, vertical tab and form feed; with `chars`, the UTF-8
///   bytes of `chars` (`--chars`);
/// - no newline is added at the end of the file; other bytes, valid UTF-8 or not,
///   pass through;
/// - in Markdown files (`--markdown-linebreak-ext`), a line that is not all
///   whitespace and ends in two spaces keeps exactly two spaces after its other
///   trailing whitespace is stripped (a hard line break).
package struct TrailingWhitespaceFixer: Fixer, Hashable {
    /// Which files keep Markdown hard line breaks.
    package let markdown: MarkdownLinebreaks
    /// The characters to strip, or `nil` for Python's default whitespace.
    package let chars: String?
    private let strip: ByteSet

    package init(markdown: MarkdownLinebreaks = .default, chars: String? = nil) {
        self.markdown = markdown
        self.chars = chars
        strip = chars.map { ByteSet($0.utf8) } ?? .pythonWhitespace
    }

    package func fix(_ bytes: [UInt8], path: String) -> FixResult {
        let isMarkdown = markdown.applies(toPath: path)
        let output = bytes.withUnsafeBufferPointer { fix($0, isMarkdown: isMarkdown) }
        return FixResult(output: output)
    }

    /// The fixed bytes, or `nil` if no line changes. The output array is only
    /// allocated at the first line that changes.
    private func fix(_ p: UnsafeBufferPointer<UInt8>, isMarkdown: Bool) -> [UInt8]? {
        let count = p.count
        var output: [UInt8]?
        var lineStart = 0
        while lineStart < count {
            let lineEnd = p.lineEnd(after: lineStart)
            // The line ending readlines() keeps: "\r\n", "\n" or none.
            var contentEnd = lineEnd
            if contentEnd > lineStart, p[contentEnd &- 1] == 0x0A {
                contentEnd &-= 1
                if contentEnd > lineStart, p[contentEnd &- 1] == 0x0D { contentEnd &-= 1 }
            }
            var keptEnd: Int
            var hardBreak = false
            if isMarkdown, endsInTwoSpacesAndIsNotBlank(p, lineStart, contentEnd) {
                keptEnd = p.rstripEnd(from: lineStart, to: contentEnd &- 2, stripping: strip)
                hardBreak = true
                if keptEnd == contentEnd &- 2 {
                    keptEnd = contentEnd
                    hardBreak = false
                }
            } else {
                keptEnd = p.rstripEnd(from: lineStart, to: contentEnd, stripping: strip)
            }
            if keptEnd != contentEnd {
                if output == nil {
                    var fresh = [UInt8]()
                    fresh.reserveCapacity(count)
                    fresh.append(contentsOf: UnsafeBufferPointer(rebasing: p[0..<lineStart]))
                    output = fresh
                }
                output!.append(contentsOf: UnsafeBufferPointer(rebasing: p[lineStart..<keptEnd]))
                if hardBreak { output!.append(contentsOf: [0x20, 0x20]) }
                output!.append(contentsOf: UnsafeBufferPointer(rebasing: p[contentEnd..<lineEnd]))
            } else if output != nil {
                output!.append(contentsOf: UnsafeBufferPointer(rebasing: p[lineStart..<lineEnd]))
            }
            lineStart = lineEnd
        }
        return output
    }

    /// `line.endswith(b'  ') and not line.isspace()` on `p[start..<end]`, where
    /// `isspace()` always means Python's default whitespace, whatever `chars` is.
    @inline(__always)
    private func endsInTwoSpacesAndIsNotBlank(
        _ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int
    ) -> Bool {
        guard end &- start >= 2, p[end &- 1] == 0x20, p[end &- 2] == 0x20 else { return false }
        return p.rstripEnd(from: start, to: end, stripping: .pythonWhitespace) != start
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The index just past the next `\n` at or after `start`, or `count`.
    @inline(__always)
    func lineEnd(after start: Int) -> Int {
        guard let base = baseAddress else { return count }
        guard let found = memchr(base + start, 0x0A, count &- start) else { return count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self)) &+ 1
    }
}
