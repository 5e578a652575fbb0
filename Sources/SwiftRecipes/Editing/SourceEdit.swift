/// One replacement in a source file: UTF-8 byte offsets `start..<end` become `text`.
/// An insertion has `start == end`.
struct SourceEdit: Sendable, Hashable {
    var start: Int
    var end: Int
    var text: String

    init(_ start: Int, _ end: Int, _ text: String) {
        self.start = start
        self.end = end
        self.text = text
    }

    /// Whether the two edits touch the same bytes (insertions at the same point do not
    /// conflict; an insertion inside a replaced range does).
    func overlaps(_ other: SourceEdit) -> Bool {
        if start == end, other.start == other.end { return false }
        if start == end { return start > other.start && start < other.end }
        if other.start == other.end { return other.start > start && other.start < end }
        return start < other.end && other.start < end
    }
}
