/// A set of byte values as a 256-bit mask: no allocation, one shift and one AND per lookup.
package struct ByteSet: Sendable, Hashable {
    private var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0

    package init() {}

    package init(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { insert(byte) }
    }

    /// The bytes Python's `bytes.rstrip()` strips when called without an argument:
    /// space, `\t`, `\n`, `\r`, `\x0b` (vertical tab) and `\x0c` (form feed).
    package static let pythonWhitespace = ByteSet([0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C])

    package mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: w0 |= bit
        case 1: w1 |= bit
        case 2: w2 |= bit
        default: w3 |= bit
        }
    }

    @inline(__always)
    package func contains(_ byte: UInt8) -> Bool {
        let word: UInt64
        switch byte >> 6 {
        case 0: word = w0
        case 1: word = w1
        case 2: word = w2
        default: word = w3
        }
        return word & (UInt64(1) << UInt64(byte & 63)) != 0
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Python's `rstrip(chars)` on `self[start..<end]`: the end index after dropping
    /// trailing bytes that are in `set`.
    @inline(__always)
    func rstripEnd(from start: Int, to end: Int, stripping set: ByteSet) -> Int {
        var end = end
        while end > start, set.contains(self[end &- 1]) { end &-= 1 }
        return end
    }
}
