/// Finds a compiled template's matches in one indexed file, left to right.
///
/// Backtracking over the template's elements: literals and whitespace runs are deterministic;
/// each hole is a choice point that tries its possible ends shortest first, one atom at a time
/// (an ordinary UTF-8 character, a whole comment or string literal, or a whole bracket group),
/// and stops at a closer, an unmatched opener, or the end of its string.
///
/// Cost: lexing and bracket pairing are O(n). A template with one literal start and k holes costs,
/// per candidate start, the length of the text its holes cover; failed (hole, position) pairs are
/// remembered in a `FailureMemo`, which bounds the work of each memoizable hole to O(n · span)
/// per file instead of exponential. Every step counts against a budget linear in the file size,
/// so pathological templates (back-references, constrained leading holes) stop with a notice
/// instead of running on.
struct StructuralMatcher {
    let template: MatchTemplate
    let view: IndexView
    /// Per slot.
    let constraints: [[CompiledConstraint]]
    var starts: [Int]
    var ends: [Int]
    var memo: FailureMemo
    var steps = 0
    let budget: Int
    var exhausted = false
    let firstLiteral: [UInt8]

    init(template: MatchTemplate, view: IndexView, slotCount: Int, constraints: [[CompiledConstraint]]) {
        self.template = template
        self.view = view
        self.constraints = constraints
        starts = [Int](repeating: -1, count: slotCount)
        ends = [Int](repeating: -1, count: slotCount)
        memo = FailureMemo(rows: template.memoRows, positions: view.count)
        budget = 1_000_000 + 64 * view.count
        firstLiteral =
            template.elements.lazy.compactMap {
                if case .literal(let literal) = $0 { return literal.bytes }
                return nil
            }.first ?? []
    }

    /// The text bound to a slot by the last successful `find`.
    func binding(_ slot: Int) -> Range<Int> { starts[slot]..<ends[slot] }

    /// The leftmost match starting at or after `position`, or nil (check `exhausted`).
    mutating func find(from position: Int) -> Range<Int>? {
        for slot in starts.indices { starts[slot] = -1 }
        switch template.strategy {
        case .literal: return findAtLiteral(from: position)
        case .regions: return findInRegions(from: position)
        case .everyPosition: return findAtEveryPosition(from: position)
        }
    }

    // MARK: Elements

    /// Matches elements `first...` at `position`; the end of the match, or nil.
    mutating func match(from first: Int, at position: Int) -> Int? {
        var i = first
        var pos = position
        let elements = template.elements
        let bytes = view.bytes
        while i < elements.count {
            steps += 1
            switch elements[i] {
            case .literal(let literal):
                let end = pos + literal.bytes.count
                guard end <= bytes.count, bytes.hasPrefix(literal.bytes, at: pos),
                    view.state(at: pos) == literal.start, view.state(at: end) == literal.end
                else { return nil }
                if i == 0, template.checksStartBoundary, pos > 0, MatchTemplate.wordBytes.contains(bytes[pos - 1]) {
                    return nil
                }
                pos = end
            case .whitespace:
                guard pos < bytes.count, MatchTemplate.whitespace.contains(bytes[pos]), view.state(at: pos) == .code
                else { return nil }
                pos += 1
                while pos < bytes.count, MatchTemplate.whitespace.contains(bytes[pos]) { pos += 1 }
            case .hole(let hole):
                return matchHole(hole, element: i, at: pos)
            }
            i += 1
        }
        if template.checksEndBoundary, pos < bytes.count, MatchTemplate.wordBytes.contains(bytes[pos]) { return nil }
        return pos
    }

    private mutating func matchHole(_ hole: MatchTemplate.Hole, element i: Int, at position: Int) -> Int? {
        if let row = hole.memoRow, memo.contains(row: row, position: position) { return nil }
        if hole.isBackReference, let slot = hole.slot {
            return matchBackReference(hole, slot: slot, element: i, at: position)
        }
        let context = view.state(at: position)
        guard context == hole.context else { return nil }
        // Inside a string or comment the hole ends by the end of its body.
        let limit = context == .code ? view.count : (view.token(containing: position)?.bodyEnd ?? position)
        var e = position
        while true {
            steps += 1
            if steps > budget {
                exhausted = true
                break
            }
            if isPlausible(next: i + 1, at: e), accepts(hole, from: position, to: e) {
                if let slot = hole.slot {
                    starts[slot] = position
                    ends[slot] = e
                }
                if let end = match(from: i + 1, at: e) { return end }
                if exhausted { break }
            }
            if context == .code {
                guard let next = view.codeAtomEnd(after: e) else { break }
                e = next
            } else {
                guard e < limit else { break }
                e = min(view.bodyAtomEnd(after: e, escape: hole.escape), limit)
            }
        }
        if let slot = hole.slot { starts[slot] = -1 }
        if !exhausted, let row = hole.memoRow { memo.insert(row: row, position: position) }
        return nil
    }

    /// A hole already bound matches the same bytes again, as balanced text in the same context.
    private mutating func matchBackReference(_ hole: MatchTemplate.Hole, slot: Int, element i: Int, at position: Int) -> Int? {
        let bound = binding(slot)
        let end = position + bound.count
        guard end <= view.count, view.state(at: position) == hole.context else { return nil }
        var k = 0
        while k < bound.count {
            if view.bytes[position + k] != view.bytes[bound.lowerBound + k] { return nil }
            k += 1
        }
        if hole.context == .code {
            var e = position
            while e < end {
                guard let next = view.codeAtomEnd(after: e) else { return nil }
                e = next
            }
            guard e == end else { return nil }
        } else {
            guard let token = view.token(containing: position), end <= token.bodyEnd else { return nil }
        }
        return match(from: i + 1, at: end)
    }

    /// A cheap look at the byte where element `next` would start.
    @inline(__always)
    func isPlausible(next: Int, at position: Int) -> Bool {
        guard next < template.elements.count else { return true }
        switch template.elements[next] {
        case .literal(let literal):
            return position < view.count && view.bytes[position] == literal.bytes[0]
        case .whitespace:
            return position < view.count && MatchTemplate.whitespace.contains(view.bytes[position])
        case .hole:
            return true
        }
    }

    private func accepts(_ hole: MatchTemplate.Hole, from start: Int, to end: Int) -> Bool {
        guard hole.hasConstraints, let slot = hole.slot else { return true }
        let text = UnsafeBufferPointer(rebasing: view.bytes[start..<end])
        var string: String?
        for constraint in constraints[slot] {
            if constraint.needsString, string == nil { string = String(decoding: text, as: UTF8.self) }
            if !constraint.accepts(text, string: string ?? "") { return false }
        }
        return true
    }
}

extension SourceIndex {
    @inline(__always)
    static func isOpener(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{")
    }
}
