/// "Did you mean …?" for misspelt keys, fixer names, kinds and recipe ids.
package enum Suggestions {
    /// The candidates closest to `word` by edit distance (transpositions count as one
    /// edit, case is ignored), nearest first, at most `limit`. A candidate qualifies
    /// when it is within a third of its length (at least one edit).
    package static func nearest(to word: String, in candidates: [String], limit: Int = 1) -> [String] {
        let target = Array(word.lowercased().unicodeScalars)
        let scored = candidates.compactMap { candidate -> (String, Int)? in
            let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
            return distance <= max(1, candidate.count / 3) ? (candidate, distance) : nil
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
    }

    /// `"; did you mean 'x'?"`, or `""` when nothing is close.
    static func didYouMean(_ word: String, in candidates: [String]) -> String {
        guard let best = nearest(to: word, in: candidates).first else { return "" }
        return "; did you mean '\(best)'?"
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
    static func editDistance<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }

    /// `'a', 'b' or 'c'` for messages.
    static func list(_ items: [String]) -> String {
        let quoted = items.map { "'\($0)'" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    }
}
