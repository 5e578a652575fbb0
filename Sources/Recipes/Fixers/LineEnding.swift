/// A line ending as `bytes.splitlines` recognises it.
package enum LineEnding: Sendable, Hashable, CaseIterable {
    case lf, crlf, cr

    package var bytes: [UInt8] {
        switch self {
        case .lf: [0x0A]
        case .crlf: [0x0D, 0x0A]
        case .cr: [0x0D]
        }
    }
}

/// How many lines end in each kind of line ending.
struct LineEndingCounts {
    var lf = 0, crlf = 0, cr = 0

    init(_ p: UnsafeBufferPointer<UInt8>) {
        var index = 0
        let count = p.count
        while index < count {
            switch p[index] {
            case 0x0A:
                lf &+= 1
            case 0x0D:
                if index &+ 1 < count, p[index &+ 1] == 0x0A {
                    crlf &+= 1
                    index &+= 1
                } else {
                    cr &+= 1
                }
            default:
                break
            }
            index &+= 1
        }
    }

    subscript(ending: LineEnding) -> Int {
        switch ending {
        case .lf: lf
        case .crlf: crlf
        case .cr: cr
        }
    }

    var total: Int { lf + crlf + cr }
    var isMixed: Bool { (lf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0) > 1 }

    /// The most common ending; ties go to LF, then CRLF, then CR (Python's `>=`
    /// scan over `(CR, CRLF, LF)`).
    var mostCommon: LineEnding {
        var best = LineEnding.cr
        var most = cr
        if crlf >= most {
            best = .crlf
            most = crlf
        }
        if lf >= most { best = .lf }
        return best
    }
}
