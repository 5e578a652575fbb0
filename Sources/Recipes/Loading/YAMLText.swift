/// A recipe file's text as lines of Unicode scalars, to place YAML errors that libyaml and
/// Yams report at an unhelpful position (1-based lines and columns, columns in scalars, as
/// libyaml counts them).
struct YAMLText {
    let lines: [[Unicode.Scalar]]

    init(_ text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
    }

    /// Whether nothing but whitespace follows the position (at or past the end of the file).
    func isAtEnd(line: Int, column: Int) -> Bool {
        guard line >= 1, line <= lines.count else { return true }
        let rest = lines[line - 1].dropFirst(max(0, column - 1)) + lines[line...].joined()
        return rest.allSatisfy(\.properties.isWhitespace)
    }

    /// The position of the next key `key` in the mapping whose key at `line`:`column` is
    /// also `key`: in a block mapping, a later line indented to the same column; in a flow
    /// mapping, later on the same line after `{` or `,`. Nil when there is none.
    func nextKey(_ key: String, after line: Int, column: Int) -> (line: Int, column: Int)? {
        guard line >= 1, line <= lines.count, column >= 1, column <= lines[line - 1].count + 1 else { return nil }
        let first = lines[line - 1]
        let isBlock = first[..<(column - 1)].allSatisfy { $0 == " " || $0 == "-" }
        if !isBlock {
            // Flow mapping: scan the rest of the line.
            var index = column - 1 + key.unicodeScalars.count
            while index < first.count {
                if first[index] == "," || first[index] == "{" {
                    var start = index + 1
                    while start < first.count, first[start] == " " { start += 1 }
                    if startsKey(key, in: first, at: start) { return (line, start + 1) }
                }
                index += 1
            }
            return nil
        }
        for number in (line + 1)..<(lines.count + 1) {
            let text = lines[number - 1]
            guard let indent = text.firstIndex(where: { $0 != " " }), text[indent] != "#" else { continue }
            if indent < column - 1 { return nil }
            if indent == column - 1, startsKey(key, in: text, at: indent) { return (number, column) }
        }
        return nil
    }

    /// Whether `text` holds `key` (plain or quoted) followed by `:` at `start`.
    private func startsKey(_ key: String, in text: [Unicode.Scalar], at start: Int) -> Bool {
        let name = Array(key.unicodeScalars)
        for quote in [nil, "\"", "'"] as [Unicode.Scalar?] {
            let written = quote.map { [$0] + name + [$0] } ?? name
            guard start + written.count <= text.count, Array(text[start..<start + written.count]) == written else {
                continue
            }
            var after = start + written.count
            while after < text.count, text[after] == " " { after += 1 }
            if after < text.count, text[after] == ":" { return true }
        }
        return false
    }
}
