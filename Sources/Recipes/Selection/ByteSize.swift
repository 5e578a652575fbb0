/// File sizes as recipes write them: `1048576`, `512KB`, `1MB`, `2 GB` (units of 1,024;
/// `B`, `KB`, `MB`, `GB`, also `K`/`M`/`G`, `KiB`/`MiB`/`GiB`, any case).
package enum ByteSize {
    /// The default `files.max_size`: 1 MB.
    package static let defaultLimit = 1 << 20

    /// The number of bytes `text` denotes, or nil if it is not a size.
    package static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingSpaces()
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int(digits) else { return nil }
        let unit = String(trimmed.dropFirst(digits.count)).trimmingSpaces().lowercased()
        let multiplier: Int
        switch unit {
        case "", "b": multiplier = 1
        case "k", "kb", "kib": multiplier = 1 << 10
        case "m", "mb", "mib": multiplier = 1 << 20
        case "g", "gb", "gib": multiplier = 1 << 30
        default: return nil
        }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : bytes
    }
}
