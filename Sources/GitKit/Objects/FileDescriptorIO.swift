internal import Foundation

/// Whole reads and writes on an open file descriptor, retrying short transfers and `EINTR`: for
/// the hot paths that skip Foundation's file APIs (``LooseBlobReader``, the hook's working files).
package enum FileDescriptorIO {
    /// Everything from the current position to the end of the file; `capacity` is the size
    /// expected (the buffer grows past it). Nil on a read error.
    package static func readAll(_ descriptor: Int32, capacity: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: max(capacity, 1))
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { break }
            filled += count
        }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// Writes all of `bytes` from the start of the file (`pwrite` at offset 0). False on an error
    /// (`errno` says which).
    package static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress! + written, $0.count - written, off_t(written)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            written += count
        }
        return true
    }
}
