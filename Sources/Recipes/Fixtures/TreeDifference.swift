/// How two file trees differ, one message per path, for fixture reports: a missing or an
/// unexpected file, or the first line where the contents differ.
enum TreeDifference {
    /// Messages for every path where `actual` differs from `expected`, in path order; empty when
    /// the trees are identical byte for byte.
    static func messages(expected: FileTree, actual: FileTree) -> [String] {
        let paths = Set(expected.entries.keys).union(actual.entries.keys)
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var messages: [String] = []
        for path in paths {
            switch (expected[path], actual[path]) {
            case (let want?, let got?) where want == got:
                continue
            case (.some, nil):
                messages.append("\(path): expected the file, but the recipe removed it or never created it")
            case (nil, .some):
                messages.append("\(path): the recipe created this file, but the expected tree does not have it")
            case (.symlink(let want)?, .symlink(let got)?):
                messages.append("\(path): expected a link to '\(want)', got a link to '\(got)'")
            case (.symlink?, .file?), (.file?, .symlink?):
                messages.append("\(path): expected a \(kind(expected[path])), got a \(kind(actual[path]))")
            case (.file(let want)?, .file(let got)?):
                messages.append("\(path): " + firstDifference(expected: want, actual: got))
            case (nil, nil):
                continue
            }
        }
        return messages
    }

    private static func kind(_ entry: FileTree.Entry?) -> String {
        if case .symlink? = entry { return "symbolic link" }
        return "file"
    }

    /// "line 3 differs: expected 'a', got 'b'" — lines split after each LF, shown with their
    /// line ending, so CRLF against LF and a missing final newline are visible.
    static func firstDifference(expected: [UInt8], actual: [UInt8]) -> String {
        let want = lines(expected)
        let got = lines(actual)
        var index = 0
        while index < want.count, index < got.count, want[index] == got[index] { index += 1 }
        let line = index + 1
        switch (index < want.count, index < got.count) {
        case (true, true):
            return "line \(line) differs: expected \(show(want[index])), got \(show(got[index]))"
        case (true, false):
            return "line \(line) is missing: expected \(show(want[index])), got the end of the file"
        case (false, true):
            return "line \(line) is extra: expected the end of the file, got \(show(got[index]))"
        case (false, false):
            return "contents differ"  // unreachable: equal lines mean equal bytes
        }
    }

    /// The lines of `bytes`, each with its `\n` (the last may have none).
    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            lines.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        return lines
    }

    /// A line as a quoted literal with escapes for control bytes and invalid UTF-8, cut at 120
    /// characters.
    static func show(_ line: ArraySlice<UInt8>) -> String {
        var text = ""
        var iterator = line.makeIterator()
        var decoder = UTF8()
        var count = 0
        decode: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                count += 1
                if count > 120 {
                    text += "…"
                    break decode
                }
                switch scalar {
                case "\n": text += "\\n"
                case "\r": text += "\\r"
                case "\t": text += "\\t"
                case "\"": text += "\\\""
                case "\\": text += "\\\\"
                case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                    text += "\\u{\(String(scalar.value, radix: 16))}"
                default: text.unicodeScalars.append(scalar)
                }
            case .emptyInput:
                break decode
            case .error:
                text += "\\u{FFFD}"
            }
        }
        return "\"" + text + "\""
    }
}
