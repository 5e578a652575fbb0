/// Which (hole, position) pairs are known to fail: one bit each, allocated on first use.
///
/// A hole's row is only used when its outcome depends on nothing but the position (see
/// `MatchTemplate.Hole.memoRow`), so an entry stays true for every later start in the same file.
/// This is what keeps nested holes from re-scanning the same text for every candidate start.
/// Past `maxBits` (many holes in a large file) nothing is remembered and the matcher's step
/// budget alone bounds the work.
struct FailureMemo {
    static let maxBits = 1 << 26  // 8 MiB

    private var words: [UInt64] = []
    private let stride: Int
    private let rows: Int
    private let enabled: Bool

    init(rows: Int, positions: Int) {
        self.rows = rows
        stride = positions + 1
        let (bits, overflow) = rows.multipliedReportingOverflow(by: stride)
        enabled = !overflow && bits <= Self.maxBits
    }

    @inline(__always)
    func contains(row: Int, position: Int) -> Bool {
        guard !words.isEmpty else { return false }
        let bit = row * stride + position
        return words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    @inline(__always)
    mutating func insert(row: Int, position: Int) {
        guard enabled else { return }
        if words.isEmpty { words = [UInt64](repeating: 0, count: (rows * stride + 63) / 64) }
        let bit = row * stride + position
        words[bit >> 6] |= 1 << UInt64(bit & 63)
    }
}
