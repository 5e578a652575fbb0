package import GitKit

/// A file's content as lines the way git's diff sees them: each line keeps its `\n` (a `\r`
/// before it stays part of the line); the last line may lack one.
struct FileLines {
    let lines: [ArraySlice<UInt8>]

    init(_ bytes: [UInt8]) {
        var lines: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            lines.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.endIndex { lines.append(bytes[start...]) }
        self.lines = lines
    }

    var count: Int { lines.count }

    /// This version with `hunks` (of a diff from it to `fixed`) applied; hunks must not overlap.
    func applying(_ hunks: [LineHunk], from fixed: FileLines) -> [UInt8] {
        var out: [UInt8] = []
        var next = 0  // 0-based index of the next old line to copy
        for hunk in hunks.sorted(by: { $0.oldStart < $1.oldStart }) {
            // A pure insertion goes after line oldStart; a change replaces from line oldStart on.
            let cut = hunk.oldCount == 0 ? hunk.oldStart : hunk.oldStart - 1
            for line in lines[next..<cut] { out += line }
            if hunk.newCount > 0 {
                for line in fixed.lines[(hunk.newStart - 1)..<(hunk.newStart - 1 + hunk.newCount)] { out += line }
            }
            next = cut + hunk.oldCount
        }
        for line in lines[next...] { out += line }
        return out
    }
}
