/// Fixed slots that concurrent iterations fill, each its own index: no two writers share a slot,
/// and `concurrentPerform` returns only after every iteration finished.
final class ResultSlots<Element: Sendable>: @unchecked Sendable {
    private var slots: [Element?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    var count: Int { slots.count }

    subscript(index: Int) -> Element? {
        get { slots[index] }
        set { slots.withUnsafeMutableBufferPointer { $0[index] = newValue } }
    }
}
