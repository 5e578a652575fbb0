internal import Foundation

/// Reads single-line scalar values of top-level keys from a YAML mapping (`socket: /run/x.sock`,
/// quoted or plain, with trailing comments). Enough for sparkctl to find the socket in
/// `sparkd.yml` without linking Yams into SparkCLI (Package.swift gives SparkCLI no direct Yams
/// dependency); the daemon reads the file properly and reports its errors.
enum TopLevelScalars {
    static func read(_ text: String, keys: Set<String>) -> [String: String] {
        var values: [String: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let first = line.first, first != " ", first != "\t", first != "#",
                let colon = line.firstIndex(of: ":")
            else { continue }
            let key = String(line[..<colon]).trimmingSpaces
            guard keys.contains(key), values[key] == nil else { continue }
            if let value = scalar(line[line.index(after: colon)...]) { values[key] = value }
        }
        return values
    }

    private static func scalar(_ raw: Substring) -> String? {
        let text = String(raw).trimmingSpaces
        if let quote = text.first, quote == "\"" || quote == "'" {
            let body = text.dropFirst()
            guard let end = body.firstIndex(of: quote) else { return nil }
            return String(body[..<end])
        }
        // A plain scalar ends at " #" (a comment).
        let value = text.range(of: " #").map { String(text[..<$0.lowerBound]) } ?? text
        let trimmed = value.trimmingSpaces
        return trimmed.isEmpty || trimmed.hasPrefix("{") || trimmed.hasPrefix("[") || trimmed.hasPrefix("&") ? nil : trimmed
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" || first == "\r" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
        return String(text)
    }
}
