/// Fixed slots that concurrent iterations fill, each its own index: no two writers share a slot,
/// and `concurrentPerform` returns only after every iteration finished.
///
/// The slots are one buffer allocated up front and never moved. (An `Array` does not do: its
/// `withUnsafeMutableBufferPointer` swaps the array out for the duration of the call, so two
/// threads writing different slots at once race on the array itself — that was a heap
/// corruption, "double free or corruption", in `sparkctl apply` under load.)
package final class ResultSlots<Element: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Element?>

    package init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    package var count: Int { slots.count }

    package subscript(index: Int) -> Element? {
        get { slots[index] }
        set { slots[index] = newValue }
    }
}
