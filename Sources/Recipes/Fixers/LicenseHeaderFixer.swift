internal import Foundation

/// Keeps a license header at the top of source files (`fix: license-header`).
///
/// - When the file's first comment block already holds the header text (compared
///   without comment markers and with whitespace collapsed), nothing changes.
/// - Otherwise, when a line of that block says "Copyright" (or `(c)`, `©`) with a year
///   or a range, the range is extended to `year`: `2019` → `2019-2026`,
///   `2019-2024` → `2019-2026`; a range already ending in `year` (or later) stays.
/// - Otherwise the header is inserted, in the language's comment syntax (line comments
///   when it has them, else a block comment), followed by a blank line. It goes after
///   what must stay first: a `#!` line, a Python encoding declaration, Go build
///   constraints (`//go:build`, `// +build`) with their blank line, an XML declaration
///   or an HTML doctype.
///
/// Files whose language is unknown (no comment syntax) are left alone with a finding.
/// Runs on UTF-8 text (the step is skipped for other content); keeps the file's line
/// ending (that of its first line). Idempotent.
package struct LicenseHeaderFixer: Fixer, Hashable {
    /// The header, one line per `\n`, without comment markers.
    package let text: String
    /// The year copyright ranges are extended to.
    package let year: Int

    package init(text: String, year: Int) {
        self.text = text
        self.year = year
    }

    package func fix(_ bytes: [UInt8], path: String) -> FixResult {
        let headerLines = Self.headerLines(text)
        guard !headerLines.isEmpty else { return .unchanged }
        guard let source = String(validating: bytes, as: UTF8.self) else { return .unchanged }
        let firstLine = Array(bytes.prefix { $0 != 0x0A })
        guard let language = SourceLanguage.detect(path: path, firstLine: firstLine) else {
            return FixResult(findings: [Finding(Messages.unknownLanguage)])
        }
        var lines = Self.splitLines(source)
        let ending = lines.first.map { $0.hasSuffix("\r\n") ? "\r\n" : "\n" } ?? "\n"
        let start = Self.preambleEnd(lines, language: language)
        let style = CommentStyle(language.syntax)

        // A header may also sit above Go build constraints, right after a `#!` line.
        let afterShebang = lines.first?.hasPrefix("#!") == true ? 1 : 0
        let candidates = afterShebang == start ? [start] : [afterShebang, start]
        let blocks = candidates.compactMap { style.leadingBlock(in: lines, from: $0) }
        let header = Self.normalize(headerLines.joined(separator: " "))
        if blocks.contains(where: { Self.normalize($0.text).contains(header) }) { return .unchanged }
        for block in blocks {
            for index in block.lines {
                guard let updated = Self.extendingCopyright(lines[index], to: year) else { continue }
                if updated == lines[index] { return .unchanged }
                lines[index] = updated
                return FixResult(output: Array(lines.joined().utf8))
            }
        }

        var insertion = style.comment(headerLines).map { $0 + ending }
        if start < lines.count, !Self.isBlank(lines[start]) { insertion.append(ending) }
        if start > 0, !lines[start - 1].hasSuffix("\n") { lines[start - 1] += ending }
        lines.insert(contentsOf: insertion, at: start)
        return FixResult(output: Array(lines.joined().utf8))
    }

    /// The header text's lines, without trailing empty lines.
    static func headerLines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.hasSuffix("\r") ? $0.dropLast() : $0)
        }
        while let last = lines.last, last.trimmingSpaces().isEmpty { lines.removeLast() }
        while let first = lines.first, first.trimmingSpaces().isEmpty { lines.removeFirst() }
        return lines
    }

    /// Lines with their endings (`\n` or `\r\n`); the last may have none.
    static func splitLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            current.unicodeScalars.append(scalar)
            if scalar == "\n" {
                lines.append(current)
                current = ""
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    static func isBlank(_ line: String) -> Bool { line.trimmingSpaces().isEmpty }

    /// The index of the first line after the lines that must stay at the top.
    static func preambleEnd(_ lines: [String], language: SourceLanguage) -> Int {
        var index = 0
        if let first = lines.first, first.hasPrefix("#!") { index = 1 }
        switch language {
        case .python:
            // PEP 263: the encoding declaration must be on line 1 or 2.
            if index < lines.count, index < 2, isEncodingDeclaration(lines[index]) { index += 1 }
        case .go:
            var end = index
            while end < lines.count, isBlank(lines[end]) || isGoLineComment(lines[end]) {
                end += 1
            }
            // Constraints are the last line comments before the first blank line ending them.
            if let last = lines[index..<end].lastIndex(where: isGoBuildConstraint) {
                index = last + 1
                while index < lines.count, isBlank(lines[index]) { index += 1 }
            }
        case .html:
            if index < lines.count {
                let lowered = lines[index].trimmingSpaces().lowercased()
                if lowered.hasPrefix("<!doctype") || lowered.hasPrefix("<?xml") { index += 1 }
            }
        default:
            break
        }
        return index
    }

    private static func isEncodingDeclaration(_ line: String) -> Bool {
        let trimmed = line.trimmingSpaces()
        return trimmed.hasPrefix("#") && (trimmed.contains("coding:") || trimmed.contains("coding="))
    }

    private static func isGoLineComment(_ line: String) -> Bool { line.trimmingSpaces().hasPrefix("//") }

    private static func isGoBuildConstraint(_ line: String) -> Bool {
        let trimmed = line.trimmingSpaces()
        return trimmed.hasPrefix("//go:build") || trimmed.hasPrefix("// +build")
    }

    /// Lower-cased, whitespace collapsed to single spaces.
    static func normalize(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .joined(separator: " ")
    }

    /// `line` with its copyright year range extended to `year`; the line itself when the
    /// range already reaches `year`; nil when the line is not a copyright line with a year.
    static func extendingCopyright(_ line: String, to year: Int) -> String? {
        let scalars = Array(line.unicodeScalars)
        let lowered = Array(line.lowercased().unicodeScalars)
        guard let marker = ["copyright", "(c)", "©"].compactMap({ find(Array($0.unicodeScalars), in: lowered) }).min()
        else { return nil }
        // The last year or range after the marker.
        var lastRange: (start: Int, end: Int, first: Int, last: Int)?
        var index = marker
        while index < scalars.count {
            guard let (firstYear, afterFirst) = yearAt(scalars, index) else {
                index += 1
                continue
            }
            var end = afterFirst
            var lastYear = firstYear
            var separator = afterFirst
            while separator < scalars.count, scalars[separator] == " " { separator += 1 }
            if separator < scalars.count, ["-", "–", "—"].contains(scalars[separator]) {
                var next = separator + 1
                while next < scalars.count, scalars[next] == " " { next += 1 }
                if let (secondYear, afterSecond) = yearAt(scalars, next) {
                    lastYear = secondYear
                    end = afterSecond
                }
            }
            lastRange = (index, end, firstYear, lastYear)
            index = end
        }
        guard let range = lastRange else { return nil }
        guard range.last < year else { return line }
        var result = String(String.UnicodeScalarView(scalars[..<range.start]))
        if range.first == range.last {
            result += "\(range.first)-\(year)"
        } else {
            // Keep the separator as written: replace only the second year.
            result += String(String.UnicodeScalarView(scalars[range.start..<(range.end - 4)])) + "\(year)"
        }
        result += String(String.UnicodeScalarView(scalars[range.end...]))
        return result
    }

    /// A year 1900–2099 starting at `index` that is not part of a longer number.
    private static func yearAt(_ scalars: [Unicode.Scalar], _ index: Int) -> (Int, Int)? {
        guard index + 4 <= scalars.count else { return nil }
        if index > 0, scalars[index - 1].properties.numericType != nil { return nil }
        let digits = scalars[index..<index + 4]
        guard digits.allSatisfy({ $0.isASCII && ("0"..."9").contains($0) }),
            let value = Int(String(String.UnicodeScalarView(digits))), (1900...2099).contains(value)
        else { return nil }
        if index + 4 < scalars.count, scalars[index + 4].isASCII, ("0"..."9").contains(scalars[index + 4]) {
            return nil
        }
        return (value, index + 4)
    }

    private static func find(_ needle: [Unicode.Scalar], in text: [Unicode.Scalar]) -> Int? {
        guard text.count >= needle.count else { return nil }
        for start in 0...(text.count - needle.count) where text[start..<start + needle.count].elementsEqual(needle) {
            return start
        }
        return nil
    }

    package enum Messages {
        static let unknownLanguage = "license-header: no comment syntax is known for this file; left alone"
    }
}

/// How a license header is written as a comment, and how the existing leading comment
/// of a file is found.
struct CommentStyle {
    enum Kind {
        case line(String)
        case block(open: String, close: String)
    }

    let kind: Kind

    init(_ syntax: LexicalSyntax) {
        if let prefix = syntax.lineComments.first {
            kind = .line(String(decoding: prefix, as: UTF8.self))
        } else if let block = syntax.blockComments.first {
            kind = .block(open: String(decoding: block.open, as: UTF8.self), close: String(decoding: block.close, as: UTF8.self))
        } else {
            kind = .line("#")
        }
    }

    /// `lines` as comment lines, without line endings.
    func comment(_ lines: [String]) -> [String] {
        switch kind {
        case .line(let prefix):
            return lines.map { $0.isEmpty ? prefix : "\(prefix) \($0)" }
        case .block(let open, let close) where open == "/*":
            return [open] + lines.map { $0.isEmpty ? " *" : " * \($0)" } + [" \(close)"]
        case .block(let open, let close):
            return [open] + lines.map { $0.isEmpty ? "" : "  \($0)" } + [close]
        }
    }

    /// The first comment at or after `start` (blank lines before it skipped): its line
    /// indices and its text without comment markers.
    func leadingBlock(in lines: [String], from start: Int) -> (lines: Range<Int>, text: String)? {
        var first = start
        while first < lines.count, LicenseHeaderFixer.isBlank(lines[first]) { first += 1 }
        guard first < lines.count else { return nil }
        switch kind {
        case .line(let prefix):
            var end = first
            var text: [String] = []
            while end < lines.count {
                let trimmed = lines[end].trimmingSpaces()
                guard trimmed.hasPrefix(prefix) else { break }
                text.append(String(trimmed.dropFirst(prefix.count)))
                end += 1
            }
            return end > first ? (first..<end, text.joined(separator: "\n")) : nil
        case .block(let open, let close):
            guard lines[first].trimmingSpaces().hasPrefix(open) else { return nil }
            var end = first
            var text: [String] = []
            while end < lines.count {
                var line = lines[end].trimmingSpaces()
                if end == first { line = String(line.dropFirst(open.count)) }
                let closes = line.contains(close)
                if closes, let range = line.range(of: close) { line = String(line[..<range.lowerBound]) }
                if line.hasPrefix("*") { line = String(line.dropFirst()) }
                text.append(line)
                end += 1
                if closes { break }
            }
            return (first..<end, text.joined(separator: "\n"))
        }
    }
}
