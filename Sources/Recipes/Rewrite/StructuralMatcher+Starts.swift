/// Where the matcher tries a template: one strategy per kind of template start.
extension StructuralMatcher {
    mutating func findAtLiteral(from position: Int) -> Range<Int>? {
        var from = position
        while !exhausted, let start = firstLiteral.withUnsafeBufferPointer({ view.bytes.firstOccurrence(of: $0, from: from) }) {
            if let end = match(from: 0, at: start) { return start..<end }
            from = start + 1
        }
        return nil
    }

    /// The template starts with a hole H that has no constraint and is not used again; R is the
    /// rest. A start s succeeds iff R matches at some atom boundary reachable from s without
    /// leaving s's bracket region, and every later boundary of that region reaches a subset of
    /// those, so once s fails the rest of its region is dead. What remains are the interiors of
    /// the groups it jumped over (in order, depth first) and, outside any group the search
    /// entered, the text after the closer, stray closer or unmatched opener that stopped it; inside
    /// a group, only after a stray closer or unmatched opener. Each position is
    /// walked once: O(n) walks plus one attempt of R per boundary.
    mutating func findInRegions(from position: Int) -> Range<Int>? {
        guard case .hole(let hole) = template.elements[0] else { return nil }
        var pending: [(start: Int, continuesPastCloser: Bool)] = [(position, true)]
        var groups: [Int] = []
        let count = view.count
        while let (start, continuesPastCloser) = pending.popLast() {
            guard start <= count, view.state(at: start) == .code else { continue }
            groups.removeAll(keepingCapacity: true)
            var e = start
            var stop: (position: Int, startsNewRegion: Bool)?
            while true {
                steps += 1
                if steps > budget {
                    exhausted = true
                    return nil
                }
                if isPlausible(next: 1, at: e) {
                    if let slot = hole.slot {
                        starts[slot] = start
                        ends[slot] = e
                    }
                    if let end = match(from: 1, at: e) { return start..<end }
                    if exhausted { return nil }
                }
                guard e < count else { break }
                let c = view.cell[e]
                if c == 0 {
                    e += view.utf8Length(view.bytes[e], at: e)
                } else if c > 0 {
                    if SourceIndex.isOpener(view.bytes[e]) { groups.append(e) }
                    e = Int(c)
                } else {
                    // Past an unmatched opener or a stray closer a new region starts; past the
                    // closer of an entered group lies the region already walked.
                    if c == SourceIndex.unmatchedOpener || c == SourceIndex.strayCloser {
                        stop = (e, true)
                    } else if c == SourceIndex.closer {
                        stop = (e, false)
                    }
                    break
                }
            }
            if let slot = hole.slot { starts[slot] = -1 }
            if let stop, stop.startsNewRegion || continuesPastCloser {
                pending.append((stop.position + 1, continuesPastCloser))
            }
            for opener in groups.reversed() { pending.append((opener + 1, false)) }
        }
        return nil
    }

    mutating func findAtEveryPosition(from position: Int) -> Range<Int>? {
        var start = position
        var nextLiteral = -1
        let count = view.count
        while start <= count, !exhausted {
            // A match contains the first literal, so no start after its last occurrence works.
            if nextLiteral < start {
                guard let next = firstLiteral.withUnsafeBufferPointer({ view.bytes.firstOccurrence(of: $0, from: start) })
                else { return nil }
                nextLiteral = next
            }
            if start < count, let token = view.token(containing: start) {
                start = token.end  // holes in code start outside strings and comments
                continue
            }
            if let end = match(from: 0, at: start) { return start..<end }
            start += start < count ? view.utf8Length(view.bytes[start], at: start) : 1
        }
        return nil
    }
}
