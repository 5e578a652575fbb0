#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension UnsafeBufferPointer<UInt8> {
    /// The first position at or after `start` where `needle` occurs, or nil: libc `memchr`
    /// (vectorised) for the needle's first byte, then a comparison of the rest. (`memmem` is not
    /// exported by Swift's Glibc module.)
    @inline(__always)
    func firstOccurrence(of needle: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = baseAddress, let needleBase = needle.baseAddress, start >= 0, start < count,
            needle.count <= count - start
        else { return nil }
        let first = Int32(needleBase[0])
        let tailCount = needle.count - 1
        let lastStart = count - needle.count
        var position = start
        while position <= lastStart {
            guard let found = memchr(base + position, first, lastStart - position + 1) else { return nil }
            let candidate = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if tailCount == 0 || memcmp(base + candidate + 1, needleBase + 1, tailCount) == 0 { return candidate }
            position = candidate + 1
        }
        return nil
    }
}
